#pragma once

// The catalogue: one SQLite file opened with the project's connection policy.
// Everything SQLite-specific stays behind this type and the rest of store/.

#include <filesystem>
#include <memory>
#include <string>

namespace SQLite {
class Database;
class Transaction;
} // namespace SQLite

namespace vendorcat::store {

class Reference;

enum class Access
{
  read_write, // create the file when missing
  read_only,  // the file must exist
};

class Catalogue
{
public:
  // Opens (and with read_write creates, mode 0600) the catalogue at PATH and
  // applies the connection policy: foreign keys on, WAL, synchronous FULL, a
  // busy timeout. Throws DatabaseError when the file is not a usable database.
  static Catalogue open(const std::filesystem::path& path, Access access = Access::read_write);

  // An in-memory catalogue with the same policy, for tests.
  static Catalogue open_in_memory();

  Catalogue(Catalogue&&) noexcept;
  Catalogue& operator=(Catalogue&&) noexcept;
  ~Catalogue();

  // The file's path, or ":memory:".
  const std::string& path() const { return m_path; }

  // Gives the connection a larger page cache (24 MiB) for a bulk write, so
  // that index pages stay in memory instead of being re-read from the file.
  void use_bulk_cache();

  // The SQLiteCpp handle; for use inside store/ only.
  SQLite::Database& db() { return *m_db; }

  // Where Reference::of keeps the reference data once loaded; store/ only.
  std::shared_ptr<const Reference>& reference_cache() { return m_reference; }

private:
  Catalogue(std::string path, std::unique_ptr<SQLite::Database> db);

  std::string m_path;
  std::unique_ptr<SQLite::Database> m_db;
  std::shared_ptr<const Reference> m_reference;
};

// Whether SQLite checks foreign keys row by row in a write transaction.
enum class ForeignKeys
{
  enforced,
  // Every reference the transaction writes has been checked by the caller
  // against rows read inside the same transaction (the spend import resolves
  // engagements and currencies from maps): SQLite's lookup per row is skipped.
  checked_by_caller,
};

// A write transaction, started with BEGIN IMMEDIATE so that a writer waits for
// the lock up front instead of failing half-way. Rolls back unless committed.
// With ForeignKeys::checked_by_caller, enforcement is off until the
// transaction ends (SQLite only switches it between transactions).
class WriteTransaction
{
public:
  explicit WriteTransaction(Catalogue& catalogue, ForeignKeys foreign_keys = ForeignKeys::enforced);
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction();

  void commit();

private:
  void enforce_foreign_keys() noexcept;

  std::unique_ptr<SQLite::Transaction> m_transaction;
  Catalogue& m_catalogue;
  bool m_foreign_keys_suspended = false;
};

// Runs FN and rethrows an SQLite failure as DatabaseError naming WHAT was being
// done and the catalogue's path. Constraint failures are left to the caller.
[[noreturn]] void throw_database_error(const Catalogue& catalogue, const std::string& what,
                                       const std::exception& error);

} // namespace vendorcat::store
