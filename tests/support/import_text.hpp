#pragma once

// Import and export through the real pipelines on text held in memory: the
// reader for a format over an istringstream named `test.<format>`, inside a
// bulk-load write transaction that commits only when the import succeeds.

#include "io/csv_reader.hpp"
#include "io/export.hpp"
#include "io/import.hpp"
#include "io/json_reader.hpp"
#include "store/catalogue.hpp"
#include "table/format.hpp"

#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace vendorcat::test {

// Imports TEXT, written in FORMAT, as KIND and commits; throws what the
// import throws (io::ImportFailed for bad rows), having written nothing.
inline io::ImportSummary import_text(store::Catalogue& catalogue, io::Kind kind, table::Format format,
                                     const std::string& text,
                                     io::OnConflict on_conflict = io::OnConflict::error)
{
  std::istringstream in(text);
  std::unique_ptr<io::RecordReader> reader;
  const auto name = "test." + std::string(table::to_string(format));
  if (format == table::Format::json) {
    reader = std::make_unique<io::JsonReader>(in, name);
  } else if (format == table::Format::jsonl) {
    reader = std::make_unique<io::JsonLinesReader>(in, name);
  } else {
    reader = std::make_unique<io::CsvReader>(in, name);
  }
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  const auto summary = io::import_records(catalogue, kind, *reader, on_conflict);
  transaction.commit();
  return summary;
}

// A CSV import of TEXT as KIND.
inline io::ImportSummary import_csv(store::Catalogue& catalogue, io::Kind kind, const std::string& text,
                                    io::OnConflict on_conflict = io::OnConflict::error)
{
  return import_text(catalogue, kind, table::Format::csv, text, on_conflict);
}

// The errors of importing TEXT (FORMAT) as KIND, or nothing when it imports.
inline std::vector<std::string> import_errors(store::Catalogue& catalogue, io::Kind kind,
                                              table::Format format, const std::string& text,
                                              io::OnConflict on_conflict = io::OnConflict::error)
{
  try {
    import_text(catalogue, kind, format, text, on_conflict);
  } catch (const io::ImportFailed& failed) {
    return failed.errors();
  }
  return {};
}

inline std::vector<std::string> csv_errors(store::Catalogue& catalogue, io::Kind kind,
                                           const std::string& text,
                                           io::OnConflict on_conflict = io::OnConflict::error)
{
  return import_errors(catalogue, kind, table::Format::csv, text, on_conflict);
}

// Every record of KIND exported as FORMAT.
inline std::string export_text(store::Catalogue& catalogue, io::Kind kind, table::Format format)
{
  std::ostringstream out;
  io::export_records(catalogue, kind, format, out);
  return out.str();
}

} // namespace vendorcat::test
