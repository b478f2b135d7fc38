#pragma once

// Bulk import: records from a CSV or JSON reader into the catalogue, all or
// nothing. Every row is validated; bad rows are collected (up to a cap) with
// file, line and column, and reported together.

#include "domain/errors.hpp"
#include "io/kind.hpp"
#include "io/record.hpp"
#include "store/catalogue.hpp"
#include "store/load.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace vendorcat::io {

using store::OnConflict;
using ImportSummary = store::LoadSummary;

// Called every so many rows with the number read so far.
using Progress = std::function<void(std::size_t rows)>;

// The rows of an import that failed: each error names `file:line`, the column
// and the value; at most max_errors are kept, `total` counts them all.
class ImportFailed : public ValidationError
{
public:
  static constexpr std::size_t max_errors = 50;

  ImportFailed(std::vector<std::string> errors, std::size_t total);

  const std::vector<std::string>& errors() const { return m_errors; }
  std::size_t total() const { return m_total; }

private:
  std::vector<std::string> m_errors;
  std::size_t m_total;
};

// Imports every record of READER as KIND inside the caller's transaction, a
// store::Workload::bulk_load one (every loader resolves what it refers to).
// Throws ImportFailed (nothing should then be committed) when any row or the
// header is bad; the caller commits, or rolls back for a dry run.
ImportSummary import_records(store::Catalogue& catalogue, Kind kind, RecordReader& reader,
                             OnConflict on_conflict, const Progress& progress = {});

} // namespace vendorcat::io
