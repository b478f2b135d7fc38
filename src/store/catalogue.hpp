#pragma once

// The catalogue: the database that holds one catalogue, opened with the
// project's connection policy. What kind of database it is stays behind this
// type and store/: the layers above open it, run transactions and call the
// repositories.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace vendorcat::store {

class Backend;
class Connection;
class Reference;
class Catalogue;

enum class Access
{
  // Writes: the file is created when missing, and a file or folder that
  // cannot be written is refused up front (DatabaseError).
  read_write,
  // Reads only: as read_write when the file and its folder can be written
  // (so a new catalogue is still created and migrated); otherwise the file
  // is opened read-only, and immutable when no writer can exist (the
  // folder cannot be written and there is no write-ahead log).
  read,
};

// What a zero-byte file at the catalogue's path is taken for.
enum class EmptyFile
{
  refuse,     // UsageError: an empty file is not a catalogue
  initialise, // db init: it becomes a new catalogue, mode 0600
};

// True when TARGET (a --db value) names a catalogue on a PostgreSQL server,
// `postgresql://...` or `postgres://...`, rather than a file.
bool is_server_uri(std::string_view target);

// Rethrows ERROR, a database failure, as DatabaseError naming WHAT was being
// done and the catalogue's path (and, for a failed write, the operating
// system's reason). Constraint failures are left to the caller. A read-only
// role's refusal, which names the role and the database, is rethrown as it
// is.
[[noreturn]] void throw_database_error(const Catalogue& catalogue, const std::string& what,
                                       const std::exception& error);

class Catalogue
{
public:
  // Opens the catalogue at PATH as ACCESS says, creating it when missing
  // (mode 0600, in folders created 0700, whatever the umask), and applies the
  // connection policy: foreign keys on, WAL, synchronous FULL, a busy
  // timeout. Throws UsageError when PATH is not a regular file (a folder, a
  // device, a FIFO) or is an empty file that EMPTY refuses, DatabaseError
  // when the file cannot be written (read_write) or is not a usable database.
  static Catalogue open(const std::filesystem::path& path, Access access = Access::read_write,
                        EmptyFile empty = EmptyFile::refuse);

  // An in-memory catalogue with the same policy, for tests.
  static Catalogue open_in_memory();

  Catalogue(Catalogue&&) noexcept;
  Catalogue& operator=(Catalogue&&) noexcept;
  ~Catalogue();

  // The file's path, or ":memory:".
  const std::string& path() const { return m_path; }

  // False when the file could only be opened read-only (Access::read).
  bool writable() const { return m_writable; }

private:
  friend Connection& connection(Catalogue& catalogue);
  friend Backend& backend(Catalogue& catalogue);
  friend std::shared_ptr<const Reference>& reference_cache(Catalogue& catalogue);
  friend std::optional<std::int64_t>& import_batch_slot(Catalogue& catalogue);

  Catalogue(std::string path, std::unique_ptr<Backend> backend, bool writable);

  std::string m_path;
  bool m_writable = true;
  std::unique_ptr<Backend> m_backend;
  std::shared_ptr<const Reference> m_reference;
  std::optional<std::int64_t> m_import_batch; // the batch the records written now belong to
};

// What a write transaction is for, so that the backend can choose how to run
// it.
enum class Workload
{
  single,
  // A bulk load through the store's loaders (an import, the demo), which
  // resolve every reference they write against rows read inside the same
  // transaction; the backend may skip its own per-row checks of them.
  bulk_load,
  // A migration that rebuilds tables other tables refer to: the backend's
  // foreign-key enforcement is off while it runs, and every reference is
  // checked before it commits.
  table_rebuild,
};

// A write transaction that takes the write lock up front, so that a writer
// waits for it instead of failing half-way. Rolls back unless committed.
class WriteTransaction
{
public:
  explicit WriteTransaction(Catalogue& catalogue, Workload workload = Workload::single);
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  ~WriteTransaction();

  // Brings up to date now what a bulk load puts off until the commit (the
  // search index), so that the open transaction reads as it would once
  // committed: for checks before a rollback. commit() does it when not done.
  void settle();

  void commit();

private:
  void end() noexcept;

  Catalogue& m_catalogue;
  bool m_open = false;
  bool m_foreign_keys_suspended = false;
  bool m_bulk_load = false; // with work put off until settle()
};

// Runs ATTEMPT, which opens, fills and commits a write transaction, and
// runs it again from the start (a few times, after a short wait) when it
// loses a race with another writer: a serialization failure or a deadlock
// the server reports. The last such failure is thrown.
void retry_conflicts(const std::function<void()>& attempt);

// Runs COMMAND; a database failure that no repository turned into one of the
// project's errors (a full disk, an I/O error, a lock held too long) is
// rethrown as DatabaseError naming the catalogue and the system's reason.
void run_guarded(Catalogue& catalogue, const std::function<void()>& command);

} // namespace vendorcat::store
