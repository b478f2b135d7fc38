#pragma once

// Catalogue files seen from outside vendorcat, through sqlite3 and the real
// binary: their dump, row counts, `db check`, and a large generated catalogue
// for the fault tests.

#include <cstdint>
#include <filesystem>
#include <string>

namespace vendorcat::test {

// `sqlite3 DB .dump`: the whole content, to compare before and after.
std::string dump_of(const std::filesystem::path& db);

// The number of rows in TABLE of DB, read with sqlite3; -1 when DB cannot be
// read or has no such table.
long long row_count(const std::filesystem::path& db, const std::string& table);

// True when `vendorcat --db DB db check` exits 0; OUTPUT (if given) receives
// what it printed.
bool check_passes(const std::filesystem::path& db, std::string* output = nullptr);

// A catalogue made with vendorcat-gen in FOLDER: `base.db` holds the
// generated providers, locations, offerings, engagements and rates (home
// country FI, base currency EUR) and `data/spend.csv` SPEND_LINES lines to
// import into it. Throws std::runtime_error when a step fails.
struct GeneratedCatalogue
{
  std::filesystem::path base;
  std::filesystem::path spend_csv;
};
GeneratedCatalogue generate_catalogue(const std::filesystem::path& folder, std::uint64_t spend_lines);

} // namespace vendorcat::test
