// Opening the catalogue file and the connection policy, in one place: the
// file is created 0600 before SQLite touches it (SQLite gives the -wal and
// -shm files the same mode), then foreign keys, WAL, synchronous FULL and a
// busy timeout are set, and a first read proves the file is a database.
// vendorcat uses a connection from one thread only, so SQLite's per-call
// mutexes are switched off (OPEN_NOMUTEX).

#include "store/catalogue.hpp"

#include "domain/errors.hpp"

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

void create_private_file(const std::filesystem::path& path)
{
  std::error_code error;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
      throw IoError(
        fmt::format("cannot create folder '{}': {}", path.parent_path().string(), error.message()));
    }
  }
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST) {
    throw IoError(fmt::format("cannot create catalogue '{}': {}", path.string(), std::strerror(errno)));
  }
  if (fd >= 0) {
    ::close(fd);
  }
}

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

} // namespace

Catalogue::Catalogue(std::string path, std::unique_ptr<SQLite::Database> db)
  : m_path(std::move(path)), m_db(std::move(db))
{
}

Catalogue::Catalogue(Catalogue&&) noexcept = default;
Catalogue& Catalogue::operator=(Catalogue&&) noexcept = default;
Catalogue::~Catalogue() = default;

Catalogue Catalogue::open(const std::filesystem::path& path, Access access)
{
  const bool writable = access == Access::read_write;
  if (writable) {
    create_private_file(path);
  } else if (!std::filesystem::exists(path)) {
    throw DatabaseError(fmt::format("no catalogue at '{}'", path.string()));
  }
  configure_sqlite();
  try {
    auto db = std::make_unique<SQLite::Database>(
      path, (writable ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) | SQLite::OPEN_NOMUTEX);
    apply_policy(*db, writable);
    return Catalogue(path.string(), std::move(db));
  } catch (const SQLite::Exception& error) {
    throw DatabaseError(fmt::format("cannot open catalogue '{}': {}", path.string(), error.what()));
  }
}

Catalogue Catalogue::open_in_memory()
{
  configure_sqlite();
  auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
  apply_policy(*db, false);
  return Catalogue(":memory:", std::move(db));
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
  throw DatabaseError(fmt::format("{} in catalogue '{}': {}", what, catalogue.path(), error.what()));
}

} // namespace vendorcat::store
