#pragma once

// What differs between the databases a catalogue can live in, one virtual
// function per operation; for everything else the repositories use the
// shared SQL of Connection. Each backend implements it in its own folder
// (store/sqlite/, store/postgres/). For store/ only.

#include "store/sql.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

struct Migration;
struct Problem;
struct SinkPlan;
class SpendSink;

class Backend : public Connection
{
public:
  // "SQLite", "PostgreSQL": for messages.
  virtual std::string_view name() const = 0;

  // The migrations this backend's catalogues take, by version.
  virtual const std::vector<Migration>& migrations() const = 0;

  // The catalogue's schema version: the last migration applied, 0 for none.
  virtual int schema_version() = 0;

  // Records VERSION as applied, inside the caller's transaction.
  virtual void set_schema_version(int version) = 0;

  // EXPRESSION, a text column, as an ORDER BY term that sorts names as a
  // person expects (domain/name_order.hpp: case and accents aside), the same
  // on every backend. Only queries use it, never the schema: the file stays
  // readable without vendorcat (a plain sqlite3 shell).
  virtual std::string name_order(std::string_view expression) const = 0;

  // The ids of the providers whose name, legal name, city or notes match
  // every word of WORDS as a prefix (any letter case, accents ignored), best
  // match first, a match in the name above one in the notes.
  virtual std::vector<std::int64_t> search_providers(const std::vector<std::string>& words) = 0;

  // The database's own checks of its files and constraints (the catalogue's
  // domain checks are shared); every problem found.
  virtual std::vector<Problem> check_integrity() = 0;

  // Copies the whole catalogue, consistently while others write, into
  // DESTINATION, a new or empty file.
  virtual void back_up(const std::filesystem::path& destination) = 0;

  // Switches the database's per-row foreign-key checks off for the next
  // write transaction, when every reference it writes has been checked by the
  // caller against rows read in that transaction; returns false when the
  // backend keeps checking (nothing to undo). enforce_foreign_keys() turns
  // them on again after the transaction.
  virtual bool suspend_foreign_keys() = 0;
  virtual void enforce_foreign_keys() noexcept = 0;
  // Throws SqlError naming the first row that refers to a missing one, for a
  // transaction that ran with the checks suspended.
  virtual void check_foreign_keys() = 0;

  // Readies the open write transaction for a bulk load: the backend may
  // put off what it does per row (a search index's upkeep) until
  // finish_bulk_load(), which the transaction runs before its commit. A
  // rollback undoes both.
  virtual void begin_bulk_load() = 0;
  virtual void finish_bulk_load() = 0;
  // Where spend lines go for writes of PLAN's kind.
  virtual std::unique_ptr<SpendSink> spend_sink(const SinkPlan& plan) = 0;

  // Who writes, for the audit trail: the operating-system user for a file,
  // the database role on a server.
  virtual std::string actor() = 0;

  // The highest id TABLE has ever given (0 when none), removed rows too:
  // ids are never given twice.
  virtual std::int64_t highest_id(const std::string& table) = 0;

  // Readies TABLE, whose rows a copy has just written with their ids, to
  // give new ids only after HIGHEST (the source's highest_id) and after
  // every copied id.
  virtual void after_copy(const std::string& table, std::int64_t highest) = 0;

  // The database's plan for SQL, one line per step (for tests that prove a
  // filter is an index search).
  virtual std::vector<std::string> explain(std::string_view sql, const std::function<void(Query&)>& bind) = 0;
};

// The backend of CATALOGUE; for store/ only.
Backend& backend(Catalogue& catalogue);

} // namespace vendorcat::store
