#pragma once

#include "store/catalogue.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

// Inserts every row of the CSV text CONTENT (RFC 4180, header row of column
// names) into TABLE; empty fields become NULL. Throws on a malformed file or a
// row the table refuses. Used for the compiled-in reference and demo data.
void load_csv_seed(Catalogue& catalogue, const std::string& table, std::string_view content);

// The rows of the CSV text CONTENT, the header first; empty fields are
// nullopt. Throws Error naming WHAT when the text is malformed.
using SeedRows = std::vector<std::vector<std::optional<std::string>>>;
SeedRows parse_csv_seed(std::string_view content, const std::string& what);

} // namespace vendorcat::store
