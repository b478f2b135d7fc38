// The SQLite backend's own operations: opening the file with the project's
// connection policy, the schema version in PRAGMA user_version, full-text
// search with FTS5, SQLite's integrity and foreign-key checks, the online
// backup, and the tactics of a bulk write. vendorcat uses a connection from
// one thread only, so SQLite's per-call mutexes are switched off
// (OPEN_NOMUTEX).

#include "store/sqlite/backend.hpp"

#include "domain/errors.hpp"
#include "store/maintenance.hpp"
#include "store/migrations.hpp"
#include "store/sqlite/file.hpp"
#include "store/sqlite/spend_sink.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

#include <sqlite3.h>

namespace vendorcat::store::sqlite {

namespace {

constexpr int busy_timeout_ms = 10'000;

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
std::string read_only_uri(const std::filesystem::path& path, bool immutable)
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

// WORDS as an FTS5 query: each word a quoted prefix term, so punctuation in
// user text is never read as query syntax.
std::string match_expression(const std::vector<std::string>& words)
{
  std::string match;
  for (const auto& word : words) {
    std::string quoted;
    for (const char c : word) {
      quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    match += fmt::format("{}\"{}\"*", match.empty() ? "" : " ", quoted);
  }
  return match;
}

} // namespace

std::unique_ptr<SqliteBackend> open_file(const std::filesystem::path& path, bool read_only_allowed,
                                         bool empty_allowed, bool& writable)
{
  const auto state = inspect_catalogue_file(path);
  if (state == FileState::empty && !empty_allowed) {
    throw UsageError(
      fmt::format("'{}' is an empty file, not a catalogue: 'vendorcat --db {} db init' makes it one",
                  path.string(), path.string()));
  }
  writable = true;
  if (state == FileState::missing) {
    create_private_file(path);
  } else {
    writable = can_write_catalogue(path);
    if (!writable && !read_only_allowed) {
      throw DatabaseError(
        fmt::format("cannot write catalogue '{}': the file or its folder is read-only here", path.string()));
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
      db =
        std::make_unique<SQLite::Database>(read_only_uri(path, !has_write_ahead_log(path)),
                                           SQLite::OPEN_READONLY | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX);
    }
    apply_policy(*db, writable);
    return std::make_unique<SqliteBackend>(std::move(db));
  } catch (const SQLite::Exception& error) {
    throw DatabaseError(fmt::format("cannot open catalogue '{}': {}", path.string(), error.what()));
  }
}

std::unique_ptr<SqliteBackend> open_memory()
{
  configure_sqlite();
  auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE);
  apply_policy(*db, false);
  return std::make_unique<SqliteBackend>(std::move(db));
}

const std::vector<Migration>& SqliteBackend::migrations() const
{
  return builtin_migrations();
}

int SqliteBackend::schema_version()
{
  return static_cast<int>(Query(*this, "PRAGMA user_version").run_integer());
}

void SqliteBackend::set_schema_version(int version)
{
  execute(fmt::format("PRAGMA user_version = {}", version));
}

std::string SqliteBackend::name_order(std::string_view expression) const
{
  return fmt::format("{} COLLATE {}", expression, name_collation);
}

std::vector<std::int64_t> SqliteBackend::search_providers(const std::vector<std::string>& words)
{
  Query query(
    *this,
    "SELECT f.rowid FROM provider_fts f JOIN provider p ON p.id = f.rowid WHERE provider_fts MATCH ? "
    "ORDER BY bm25(provider_fts, 10.0, 5.0, 2.0, 1.0), " +
      name_order("p.name"),
    match_expression(words));
  std::vector<std::int64_t> ids;
  while (query.next()) {
    ids.push_back(query.integer(0));
  }
  return ids;
}

std::vector<Problem> SqliteBackend::check_integrity()
{
  std::vector<Problem> problems;
  try {
    Query integrity(*this, "PRAGMA integrity_check");
    while (integrity.next()) {
      if (integrity.text_view(0) != "ok") {
        problems.push_back({"integrity", integrity.text(0)});
      }
    }
    // The search index against the providers it indexes (SQLite's own check
    // leaves FTS5 tables out before 3.44). It is a write in form only, so it
    // runs only when the write lock is free at once: a read-only catalogue,
    // or one another process is writing to, is checked without it.
    m_database->setBusyTimeout(0);
    try {
      execute("INSERT INTO provider_fts (provider_fts, rank) VALUES ('integrity-check', 1)");
    } catch (const ReadOnly&) {
      // not run
    } catch (const SqlError& error) {
      const int code = sqlite3_extended_errcode(m_database->getHandle());
      if ((code & 0xff) != SQLITE_BUSY && (code & 0xff) != SQLITE_LOCKED) {
        problems.push_back({"search index", error.what()});
      }
    }
    m_database->setBusyTimeout(busy_timeout_ms);
    Query foreign_keys(*this, "PRAGMA foreign_key_check");
    while (foreign_keys.next()) {
      problems.push_back(
        {"foreign keys", fmt::format("{} row {} refers to a missing {}", foreign_keys.text(0),
                                     foreign_keys.text(1), foreign_keys.text(2))});
    }
  } catch (const SqlError& error) {
    problems.push_back({"integrity", error.what()});
  }
  return problems;
}

void SqliteBackend::back_up(const std::filesystem::path& destination)
{
  bool writable = true;
  auto copy = open_file(destination, false, true, writable);
  try {
    SQLite::Backup backup(copy->database(), *m_database);
    backup.executeStep(-1);
  } catch (const SQLite::Exception& error) {
    throw_sql_error(copy->database(), error);
  }
}

bool SqliteBackend::suspend_foreign_keys()
{
  // SQLite switches enforcement only between transactions.
  execute("PRAGMA foreign_keys = OFF");
  return true;
}

void SqliteBackend::enforce_foreign_keys() noexcept
{
  // Outside a transaction this cannot fail short of the connection being
  // unusable, which the next statement reports.
  m_database->tryExec("PRAGMA foreign_keys = ON");
}

std::int64_t SqliteBackend::highest_id(const std::string& table)
{
  // AUTOINCREMENT keeps it in sqlite_sequence (migration 0009).
  return Query(*this,
               fmt::format("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), "
                           "coalesce((SELECT max(id) FROM \"{}\"), 0))",
                           table),
               table)
    .run_integer();
}

void SqliteBackend::after_copy(const std::string& table, std::int64_t highest)
{
  if (highest >
      Query(*this, "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = ?", table).run_integer()) {
    Query(*this, "DELETE FROM sqlite_sequence WHERE name = ?", table).run();
    Query(*this, "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", table, highest).run();
  }
}

void SqliteBackend::check_foreign_keys()
{
  Query problems(*this, "PRAGMA foreign_key_check");
  if (problems.next()) {
    throw SqlError(
      fmt::format("{} row {} refers to a missing {}", problems.text(0), problems.text(1), problems.text(2)));
  }
}

std::unique_ptr<SpendSink> SqliteBackend::spend_sink(const SinkPlan& plan)
{
  return std::make_unique<BatchSink>(*this, plan);
}

std::vector<std::string> SqliteBackend::explain(std::string_view sql, const std::function<void(Query&)>& bind)
{
  Query query(*this, "EXPLAIN QUERY PLAN " + std::string(sql));
  bind(query);
  std::vector<std::string> plan;
  while (query.next()) {
    plan.push_back(query.text(3));
  }
  return plan;
}

std::string SqliteBackend::actor()
{
  // The effective user, as the file's permissions see it; $USER can lie.
  static const std::string user = [] {
    if (const auto* entry = ::getpwuid(::geteuid()); entry != nullptr && entry->pw_name != nullptr) {
      return std::string(entry->pw_name);
    }
    return std::to_string(::geteuid());
  }();
  return user;
}

} // namespace vendorcat::store::sqlite
