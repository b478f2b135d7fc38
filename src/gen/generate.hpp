#pragma once

// The whole generation: every file in dependency order.

#include "gen/model.hpp"
#include "gen/options.hpp"

#include <string>

namespace vendorcat::gen {

// Creates SETTINGS.out when missing and writes providers, locations,
// offerings, engagements, spend and fx CSV files into it; returns the row
// counts. Throws IoError when the folder or a file cannot be written.
Counts generate(const Settings& settings);

// The one-line summary printed when done, e.g. `wrote 200 providers, ... to DIR`.
std::string summary(const Counts& counts, const std::string& out);

} // namespace vendorcat::gen
