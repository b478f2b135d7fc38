// store::Connection over SQLiteCpp. SQLite's result codes become the
// SqlError kinds the repositories handle; a failed write also carries the
// operating system's reason (a full disk, a file size limit).

#include "domain/name_order.hpp"
#include "store/sqlite/backend.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <cstring>
#include <sqlite3.h>

namespace vendorcat::store::sqlite {

namespace {

// A statement over SQLite's C interface: SQLiteCpp's Statement builds a
// Column object per value read, which a report of a million rows feels.
class SqliteStatement : public Statement
{
public:
  SqliteStatement(SQLite::Database& database, StatementCache& cache, std::string_view sql)
    : m_database(database), m_cache(cache), m_sql(sql), m_handle(cache.take(sql))
  {
    if (m_handle != nullptr) {
      return;
    }
    const int result =
      sqlite3_prepare_v2(database.getHandle(), sql.data(), static_cast<int>(sql.size()), &m_handle, nullptr);
    if (result != SQLITE_OK) {
      sqlite3_finalize(m_handle);
      m_handle = nullptr;
      fail(result);
    }
  }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement() override { m_cache.give_back(m_sql, m_handle); }

  void bind_null(int index, ColumnType) override
  {
    ready_to_bind();
    check_bind(sqlite3_bind_null(m_handle, index));
  }
  void bind_integer(int index, std::int64_t value) override
  {
    ready_to_bind();
    check_bind(sqlite3_bind_int64(m_handle, index, value));
  }
  void bind_text(int index, std::string_view value) override
  {
    ready_to_bind();
    check_bind(
      sqlite3_bind_text(m_handle, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
  }
  void bind_text_view(int index, std::string_view value) override
  {
    ready_to_bind();
    check_bind(
      sqlite3_bind_text(m_handle, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC));
  }

  bool step() override
  {
    const int result = sqlite3_step(m_handle);
    if (result == SQLITE_ROW) {
      return true;
    }
    if (result != SQLITE_DONE) {
      // The error is read before the reset, which would keep its code but
      // may lose the operating system's.
      const SQLite::Exception error(m_database.getHandle(), result);
      const int system_errno = sqlite3_system_errno(m_database.getHandle());
      sqlite3_reset(m_handle);
      throw_sql_error(error, system_errno);
    }
    m_changes = sqlite3_changes64(m_database.getHandle());
    sqlite3_reset(m_handle); // ready to run again, its bindings kept
    return false;
  }

  void reset() noexcept override { sqlite3_reset(m_handle); }

  int column_count() const override { return sqlite3_column_count(m_handle); }
  std::string column_name(int column) const override { return sqlite3_column_name(m_handle, column); }
  ColumnType column_type(int column) const override
  {
    switch (sqlite3_column_type(m_handle, column)) {
    case SQLITE_NULL:
      return ColumnType::null;
    case SQLITE_INTEGER:
      return ColumnType::integer;
    default:
      return ColumnType::text;
    }
  }
  std::int64_t integer(int column) const override { return sqlite3_column_int64(m_handle, column); }
  std::string_view text(int column) const override
  {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_handle, column));
    return data ? std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(m_handle, column)))
                : std::string_view();
  }
  std::int64_t changes() const override { return m_changes; }

private:
  // A statement in the middle of its rows takes no new bindings: the run is
  // abandoned first.
  void ready_to_bind()
  {
    if (sqlite3_stmt_busy(m_handle) != 0) {
      sqlite3_reset(m_handle);
    }
  }

  void check_bind(int result)
  {
    if (result != SQLITE_OK) {
      fail(result);
    }
  }

  [[noreturn]] void fail(int result)
  {
    throw_sql_error(m_database, SQLite::Exception(m_database.getHandle(), result));
  }

  SQLite::Database& m_database;
  StatementCache& m_cache;
  std::string m_sql;
  sqlite3_stmt* m_handle = nullptr;
  std::int64_t m_changes = 0;
};

} // namespace

sqlite3_stmt* StatementCache::take(std::string_view sql)
{
  const auto found = m_kept.find(sql);
  if (found == m_kept.end() || found->second.empty()) {
    return nullptr;
  }
  sqlite3_stmt* handle = found->second.back();
  found->second.pop_back();
  --m_count;
  return handle;
}

void StatementCache::give_back(std::string_view sql, sqlite3_stmt* handle) noexcept
{
  if (handle == nullptr) {
    return;
  }
  sqlite3_reset(handle);
  sqlite3_clear_bindings(handle); // a view bound to a row gone would dangle
  if (m_count >= capacity) {
    sqlite3_finalize(handle);
    return;
  }
  try {
    auto found = m_kept.find(sql);
    if (found == m_kept.end()) {
      found = m_kept.emplace(std::string(sql), std::vector<sqlite3_stmt*>()).first;
    }
    found->second.push_back(handle);
    ++m_count;
  } catch (...) { // out of memory: not kept
    sqlite3_finalize(handle);
  }
}

void StatementCache::clear() noexcept
{
  for (auto& [sql, handles] : m_kept) {
    for (auto* handle : handles) {
      sqlite3_finalize(handle);
    }
  }
  m_kept.clear();
  m_count = 0;
}

namespace {

int compare_names(void*, int a_length, const void* a, int b_length, const void* b)
{
  return domain::compare_names(
    std::string_view(static_cast<const char*>(a), static_cast<std::size_t>(a_length)),
    std::string_view(static_cast<const char*>(b), static_cast<std::size_t>(b_length)));
}

} // namespace

SqliteBackend::SqliteBackend(std::unique_ptr<SQLite::Database> database) : m_database(std::move(database))
{
  const int result = sqlite3_create_collation_v2(m_database->getHandle(), name_collation, SQLITE_UTF8,
                                                 nullptr, compare_names, nullptr);
  if (result != SQLITE_OK) {
    throw_sql_error(*m_database, SQLite::Exception(m_database->getHandle(), result));
  }
}

SqliteBackend::~SqliteBackend() = default;

std::unique_ptr<Statement> SqliteBackend::prepare(std::string_view sql)
{
  return std::make_unique<SqliteStatement>(*m_database, m_statements, sql);
}

void SqliteBackend::execute(std::string_view sql)
{
  try {
    m_database->exec(std::string(sql));
  } catch (const SQLite::Exception& error) {
    throw_sql_error(*m_database, error);
  }
}

std::int64_t SqliteBackend::last_insert_id()
{
  return m_database->getLastInsertRowid();
}

void SqliteBackend::begin(TransactionKind kind)
{
  // A writer waits for the lock up front instead of failing half-way.
  execute(kind == TransactionKind::write ? "BEGIN IMMEDIATE" : "BEGIN");
}

void SqliteBackend::commit()
{
  execute("COMMIT");
}

void SqliteBackend::rollback() noexcept
{
  m_database->tryExec("ROLLBACK");
}

void throw_sql_error(SQLite::Database& database, const SQLite::Exception& error)
{
  throw_sql_error(error, sqlite3_system_errno(database.getHandle()));
}

void throw_sql_error(const SQLite::Exception& error, int system_errno)
{
  const int code = error.getErrorCode();
  const int extended = error.getExtendedErrorCode();
  std::string reason = error.what();
  if ((code == SQLITE_IOERR || code == SQLITE_FULL) && system_errno != 0) {
    reason += fmt::format(" ({})", std::strerror(system_errno));
  }
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
    throw UniqueViolation(reason);
  }
  if (code == SQLITE_READONLY) {
    throw ReadOnly(reason);
  }
  throw SqlError(reason);
}

} // namespace vendorcat::store::sqlite
