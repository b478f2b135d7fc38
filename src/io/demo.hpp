#pragma once

#include "io/import.hpp"
#include "store/catalogue.hpp"

#include <string>
#include <utility>
#include <vector>

namespace vendorcat::io {

// Loads the demo catalogue compiled in from seed/demo/ into CATALOGUE, inside
// the caller's transaction, through the import pipeline. Sets the home
// country (FI) and base currency (EUR) when unset. Throws ValidationError
// when the catalogue already holds providers or engagements, or its base
// currency is not EUR (the demo's rates are quoted in EUR). Returns what was
// created per kind.
std::vector<std::pair<Kind, ImportSummary>> load_demo(store::Catalogue& catalogue);

} // namespace vendorcat::io
