#pragma once

// One importer per kind, used by import_records. Each takes a record whose
// values are aligned with the kind's columns (missing columns are absent) and
// writes it, or throws InputError for a bad row.

#include "io/import.hpp"

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::io {

// A row as the importers see it: the value of each of the kind's columns, in
// contract order; nullopt when the file has no such column or no value.
using Row = std::vector<std::optional<std::string>>;

using store::Outcome;

class KindImporter
{
public:
  virtual ~KindImporter() = default;

  // Writes ROW, which starts on LINE of the file; throws InputError when it
  // is bad or conflicts (with error).
  virtual Outcome import(const Row& row, std::size_t line) = 0;

  using LateError = store::LateError;

  // Called once after the last row, even when rows failed, for checks that
  // need every row (a large spend import finds repeated invoice references
  // when it builds its index at the end); reports each problem to REPORT.
  virtual void check(const LateError& /*report*/) {}

  // Called once after check() when no row failed (roll-ups, audit summaries).
  virtual void finish(const ImportSummary&) {}
};

std::unique_ptr<KindImporter> make_importer(store::Catalogue& catalogue, Kind kind, OnConflict on_conflict);

// The spend importer: natural keys resolved from maps loaded once, statements
// prepared once (import_spend.cpp).
std::unique_ptr<KindImporter> make_spend_importer(store::Catalogue& catalogue, OnConflict on_conflict);

} // namespace vendorcat::io
