// Opening the catalogue file and the connection policy, in one place: the
// file is created 0600 before SQLite touches it (SQLite gives the -wal and
// -shm files the same mode), then foreign keys, WAL, synchronous FULL and a
// busy timeout are set, and a first read proves the file is a database.
// vendorcat uses a connection from one thread only, so SQLite's per-call
// mutexes are switched off (OPEN_NOMUTEX).

#include "store/catalogue.hpp"

#include "domain/errors.hpp"
#include "store/catalogue_file.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sqlite3.h>

namespace vendorcat::store {

namespace {

constexpr int busy_timeout_ms = 10'000;
constexpr int bulk_cache_kib = 24 * 1024;

// Process-wide SQLite settings, before the first connection: no memory
// statistics, which cost a global mutex on every allocation and which
// vendorcat never reads. (After SQLite has started this is refused and
// harmless.)
void configure_sqlite()
{
  static const int configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(configured);
}

void apply_policy(SQLite::Database& db, bool writable)
{
  db.setBusyTimeout(busy_timeout_ms);
  db.exec("PRAGMA foreign_keys = ON");
  if (writable) {
    db.exec("PRAGMA journal_mode = WAL");
  }
  db.exec("PRAGMA synchronous = FULL");
  // Reading the schema proves the file is an SQLite database.
  db.execAndGet("SELECT count(*) FROM sqlite_schema");
}

// A read-only `file:` URI for PATH (RFC 3986 escaping of what SQLite reads
// specially), immutable when IMMUTABLE.
std::string sqlite_uri(const std::filesystem::path& path, bool immutable)
{
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + (immutable ? "?mode=ro&immutable=1" : "?mode=ro");
}

} // namespace

Catalogue::Catalogue(std::string path, std::unique_ptr<SQLite::Database> db, bool writable)
  : m_path(std::move(path)), m_writable(writable), m_db(std::move(db))
{
}

Catalogue::Catalogue(Catalogue&&) noexcept = default;
Catalogue& Catalogue::operator=(Catalogue&&) noexcept = default;
Catalogue::~Catalogue() = default;

Catalogue Catalogue::open(const std::filesystem::path& path, Access access, EmptyFile empty)
{
  const auto state = inspect_catalogue_file(path);
  if (state == FileState::empty && empty == EmptyFile::refuse) {
    throw UsageError(fmt::format("'{}' is an empty file, not a catalogue: 'vendorcat --db {} db init' makes it one",
                                 path.string(), path.string()));
  }
  bool writable = true;
  if (state == FileState::missing) {
    create_private_file(path);
  } else {
    writable = can_write_catalogue(path);
    if (!writable && access == Access::read_write) {
      throw DatabaseError(fmt::format("cannot write catalogue '{}': the file or its folder is read-only here",
                                      path.string()));
    }
    if (state == FileState::empty) {
      make_private(path);
    }
  }
  configure_sqlite();
  try {
    std::unique_ptr<SQLite::Database> db;
    if (writable) {
      db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
    } else {
      // Without a writable folder SQLite cannot make the WAL index; when no
      // log holds changes, the file alone is the whole catalogue.
      const bool immutable = !has_write_ahead_log(path);
      db = std::make_unique<SQLite::Database>(
        sqlite_uri(path, immutable), SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX);
    }
    apply_policy(*db, writable);
    return Catalogue(path.string(), std::move(db), writable);
  } catch (const SQLite::Exception& error) {
    throw DatabaseError(fmt::format("cannot open catalogue '{}': {}", path.string(), error.what()));
  }
}

Catalogue Catalogue::open_in_memory()
{
  configure_sqlite();
  auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
  apply_policy(*db, false);
  return Catalogue(":memory:", std::move(db), true);
}

void Catalogue::use_bulk_cache()
{
  m_db->exec(fmt::format("PRAGMA cache_size = -{}", bulk_cache_kib));
}

WriteTransaction::WriteTransaction(Catalogue& catalogue, ForeignKeys foreign_keys) : m_catalogue(catalogue)
{
  try {
    if (foreign_keys == ForeignKeys::checked_by_caller) {
      catalogue.db().exec("PRAGMA foreign_keys = OFF");
      m_foreign_keys_suspended = true;
    }
    m_transaction =
      std::make_unique<SQLite::Transaction>(catalogue.db(), SQLite::TransactionBehavior::IMMEDIATE);
  } catch (const SQLite::Exception& error) {
    enforce_foreign_keys();
    throw_database_error(catalogue, "starting a write", error);
  }
}

WriteTransaction::~WriteTransaction()
{
  m_transaction.reset(); // rolls back unless committed
  enforce_foreign_keys();
}

void WriteTransaction::commit()
{
  try {
    m_transaction->commit();
  } catch (const SQLite::Exception& error) {
    throw_database_error(m_catalogue, "committing", error);
  }
  enforce_foreign_keys();
}

void WriteTransaction::enforce_foreign_keys() noexcept
{
  if (m_foreign_keys_suspended) {
    // Outside a transaction this cannot fail short of the connection being
    // unusable, which the next statement reports.
    m_catalogue.db().tryExec("PRAGMA foreign_keys = ON");
    m_foreign_keys_suspended = false;
  }
}

void throw_database_error(const Catalogue& catalogue, const std::string& what, const std::exception& error)
{
  // A failed write says why in the operating system's words (a full disk, a
  // file size limit), which SQLite's own message leaves out.
  const int system_errno = catalogue.m_db ? sqlite3_system_errno(catalogue.m_db->getHandle()) : 0;
  const auto* sqlite_error = dynamic_cast<const SQLite::Exception*>(&error);
  const bool io_failure = sqlite_error != nullptr && (sqlite_error->getErrorCode() == SQLITE_IOERR ||
                                                      sqlite_error->getErrorCode() == SQLITE_FULL);
  std::string reason = error.what();
  if (io_failure && system_errno != 0) {
    reason += fmt::format(" ({})", std::strerror(system_errno));
  }
  throw DatabaseError(fmt::format("{} in catalogue '{}': {}", what, catalogue.path(), reason));
}

void run_guarded(Catalogue& catalogue, const std::function<void()>& command)
{
  try {
    command();
  } catch (const SQLite::Exception& error) {
    throw_database_error(catalogue, "the command stopped (nothing of it was written)", error);
  }
}

} // namespace vendorcat::store
