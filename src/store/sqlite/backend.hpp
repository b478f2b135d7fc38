#pragma once

// The SQLite backend: a catalogue in one file, over SQLiteCpp. The
// statements are in connection.cpp, the backend's own operations (search,
// checks, backup, bulk-write tactics) in backend.cpp; the SQLite parts of
// store/ that need more reach the SQLiteCpp handle through database().

#include "store/backend.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct sqlite3_stmt;

namespace SQLite {
class Database;
class Exception;
} // namespace SQLite

namespace vendorcat::store::sqlite {

// Prepared statements kept by their SQL once a Query is done with them, so
// that a statement run once a row (an import's look-ups, inserts and audit
// entries) is parsed once: SQLite's parser cost more than the writes.
class StatementCache
{
public:
  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache() { clear(); }

  // A reset statement for SQL, or nullptr when none is kept.
  sqlite3_stmt* take(std::string_view sql);
  // Keeps HANDLE, reset and without bindings, for SQL; finalizes it when
  // the cache is full.
  void give_back(std::string_view sql, sqlite3_stmt* handle) noexcept;
  // Finalizes every kept statement.
  void clear() noexcept;

private:
  static constexpr std::size_t capacity = 256;

  struct Hash
  {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
  };
  std::unordered_map<std::string, std::vector<sqlite3_stmt*>, Hash, std::equal_to<>> m_kept;
  std::size_t m_count = 0;
};

class SqliteBackend final : public Backend
{
public:
  explicit SqliteBackend(std::unique_ptr<SQLite::Database> database);
  ~SqliteBackend() override;

  std::unique_ptr<Statement> prepare(std::string_view sql) override;
  void execute(std::string_view sql) override;
  std::int64_t last_insert_id() override;
  void begin(TransactionKind kind) override;
  void commit() override;
  void rollback() noexcept override;

  std::string_view name() const override { return "SQLite"; }
  std::string name_order(std::string_view expression) const override;
  const std::vector<Migration>& migrations() const override;
  int schema_version() override;
  void set_schema_version(int version) override;
  std::vector<std::int64_t> search_providers(const std::vector<std::string>& words) override;
  std::vector<Problem> check_integrity() override;
  void back_up(const std::filesystem::path& destination) override;
  bool suspend_foreign_keys() override;
  void enforce_foreign_keys() noexcept override;
  void check_foreign_keys() override;
  void begin_bulk_load() override;
  void finish_bulk_load() override;
  std::unique_ptr<SpendSink> spend_sink(const SinkPlan& plan) override;
  std::vector<std::string> explain(std::string_view sql, const std::function<void(Query&)>& bind) override;
  std::string actor() override;
  std::int64_t highest_id(const std::string& table) override;
  void after_copy(const std::string& table, std::int64_t highest) override;

  SQLite::Database& database() { return *m_database; }

private:
  std::unique_ptr<SQLite::Database> m_database;
  std::vector<std::string> m_deferred_triggers; // recreated by finish_bulk_load()
  std::int64_t m_providers_before = 0;          // the highest provider id when the load began
  StatementCache m_statements;                  // destroyed first: its statements need the database
};

// The collation behind name_order(), registered on every connection the
// backend opens (domain::compare_names); no schema object uses it.
constexpr const char* name_collation = "vendorcat_name";

// Opens the catalogue file at PATH (see Catalogue::open): the file policy,
// then the connection policy (foreign keys on, WAL, synchronous FULL, a busy
// timeout). WRITABLE is false when it could only be opened read-only.
std::unique_ptr<SqliteBackend> open_file(const std::filesystem::path& path, bool read_only_allowed,
                                         bool empty_allowed, bool& writable);

// An in-memory catalogue database with the same policy, for tests.
std::unique_ptr<SqliteBackend> open_memory();

// ERROR as the SqlError subclass its code calls for, with the operating
// system's reason (SYSTEM_ERRNO, or DATABASE's last) for a failed write.
[[noreturn]] void throw_sql_error(SQLite::Database& database, const SQLite::Exception& error);
[[noreturn]] void throw_sql_error(const SQLite::Exception& error, int system_errno);

} // namespace vendorcat::store::sqlite
