#pragma once

#include "store/catalogue.hpp"

#include <string>
#include <string_view>

namespace vendorcat::store {

// Inserts every row of the CSV text CONTENT (RFC 4180, header row of column
// names) into TABLE; empty fields become NULL. Throws on a malformed file or a
// row the table refuses. Used for the compiled-in reference and demo data.
void load_csv_seed(Catalogue& catalogue, const std::string& table, std::string_view content);

} // namespace vendorcat::store
