// Loads compiled-in CSV (reference data) into a table with libcsv, or reads
// its rows for code that needs the seed itself (the built-in services). The
// import pipeline in io/ has its own streaming reader with line tracking and
// validation; this one trusts its input, which is part of the binary.

#include "store/csv_seed.hpp"

#include "domain/errors.hpp"
#include "store/sql.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <optional>
#include <utility>
#include <vector>

namespace vendorcat::store {

namespace {

struct Rows
{
  SeedRows rows{1};
};

void on_field(void* data, size_t size, void* context)
{
  auto& rows = static_cast<Rows*>(context)->rows;
  if (size == 0) {
    rows.back().emplace_back();
  } else {
    rows.back().emplace_back(std::string(static_cast<const char*>(data), size));
  }
}

void on_row(int, void* context)
{
  static_cast<Rows*>(context)->rows.emplace_back();
}

} // namespace

SeedRows parse_csv_seed(std::string_view content, const std::string& what)
{
  csv_parser parser;
  csv_init(&parser, CSV_STRICT | CSV_APPEND_NULL);
  Rows parsed;
  const bool ok =
    csv_parse(&parser, content.data(), content.size(), on_field, on_row, &parsed) == content.size() &&
    csv_fini(&parser, on_field, on_row, &parsed) == 0;
  csv_free(&parser);
  if (!ok) {
    throw Error(fmt::format("malformed seed data for {}", what));
  }
  parsed.rows.pop_back(); // the row opened after the last record
  return std::move(parsed.rows);
}

void load_csv_seed(Catalogue& catalogue, const std::string& table, std::string_view content)
{
  const auto rows = parse_csv_seed(content, fmt::format("table '{}'", table));
  if (rows.empty()) {
    return;
  }
  const auto& header = rows.front();
  std::string columns;
  std::string params;
  for (const auto& name : header) {
    columns += fmt::format("{}\"{}\"", columns.empty() ? "" : ", ", name.value_or(""));
    params += params.empty() ? "?" : ", ?";
  }
  Query insert(connection(catalogue),
               fmt::format("INSERT INTO \"{}\" ({}) VALUES ({})", table, columns, params));
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    for (std::size_t c = 0; c < header.size(); ++c) {
      insert.bind(static_cast<int>(c) + 1, c < row.size() ? row[c] : std::nullopt);
    }
    insert.run();
  }
}

} // namespace vendorcat::store
