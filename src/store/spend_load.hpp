#pragma once

// The bulk loader of spend lines, built for millions of them: engagement
// refs and currencies are resolved from maps read once inside the load's
// transaction, statements are prepared once, the roll-up is written once per
// (engagement, month, currency) at the end; the import batch that holds the
// load is its one audit entry. How the lines reach the database (batches, when the
// invoice-reference check runs) is the backend's choice; a repeated
// reference is reported with the file line it came from however it is
// found.

#include "store/catalogue.hpp"
#include "store/load.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace vendorcat::store {

// A spend line as given (import columns: engagement, date, amount,
// currency, reference); absent or empty is not given.
struct SpendFields
{
  std::optional<std::string> engagement;
  std::optional<std::string> date;
  std::optional<std::string> amount;
  std::optional<std::string> currency;
  std::optional<std::string> reference;
};

class SpendLoad
{
public:
  // Prepares a load into CATALOGUE inside the caller's write transaction.
  // With OnConflict::error a line whose invoice reference its engagement
  // already has is an error; with skip or update it is left or replaced.
  SpendLoad(Catalogue& catalogue, OnConflict on_conflict);
  SpendLoad(const SpendLoad&) = delete;
  SpendLoad& operator=(const SpendLoad&) = delete;
  ~SpendLoad();

  // Writes the line FIELDS (whose text it may take), read from file line
  // LINE. Throws FieldError naming the column, or NotFound (an unknown
  // engagement), when it is bad.
  Outcome add(SpendFields& fields, std::size_t line);
  Outcome add(SpendFields&& fields, std::size_t line) { return add(fields, line); }

  // Runs the checks that need every line (a repeated invoice reference, when
  // the backend checks them at the end), reporting each problem to LATE.
  void check(const LateError& late);

  // Writes the roll-up, after check() found nothing (the import batch is the
  // load's audit entry: store/import_batches.hpp). Calls WARN for each line without an invoice reference that
  // equals a line recorded before (same engagement, date, amount and currency): it is written, but may be the
  // same invoice imported twice.
  void finish(const LateError& warn = {});

private:
  class Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace vendorcat::store
