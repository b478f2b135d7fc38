#pragma once

// The PostgreSQL backend: a catalogue that a team shares on a server, over
// libpq. Its statements (parameters, streamed rows) are in statement.cpp,
// running them (prepared statements by their SQL, savepoints, the SQLSTATE
// of a failure) in connection.cpp, the backend's own operations (the
// version table, text search, checks, the write lock) in backend.cpp.

#include "store/backend.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef unsigned int Oid;

namespace vendorcat::store::postgres {

// The key of the advisory lock every write transaction takes first (see
// backend.cpp): "vendorcl" in ASCII.
constexpr std::int64_t write_lock_key = 0x76656e646f72636c;
// How long a writer waits for that lock before it gives up.
constexpr int write_lock_wait_seconds = 600;

// True when TEXT names a PostgreSQL catalogue (`postgresql://`, `postgres://`).
bool is_uri(std::string_view text);

// URI as messages show it: `postgresql://USER@HOST:PORT/DBNAME`, never the
// password, whatever form the URI has.
std::string display_name(const std::string& uri);

// A statement whose rows are still arriving on the connection: drain()
// reads the rest into memory, so that another statement can run.
class RowStream
{
public:
  virtual ~RowStream() = default;
  virtual void drain() noexcept = 0;
};

class PostgresBackend final : public Backend
{
public:
  // Connects to URI. Throws DatabaseError naming the host and database when
  // the server cannot be reached, refuses the login or has no such database.
  explicit PostgresBackend(const std::string& uri);
  ~PostgresBackend() override;
  PostgresBackend(const PostgresBackend&) = delete;
  PostgresBackend& operator=(const PostgresBackend&) = delete;

  std::unique_ptr<Statement> prepare(std::string_view sql) override;
  void execute(std::string_view sql) override;
  std::int64_t last_insert_id() override;
  void begin(TransactionKind kind) override;
  void commit() override;
  void rollback() noexcept override;

  std::string_view name() const override { return "PostgreSQL"; }
  std::string name_order(std::string_view expression) const override;
  const std::vector<Migration>& migrations() const override;
  int schema_version() override;
  void set_schema_version(int version) override;
  std::vector<std::int64_t> search_providers(const std::vector<std::string>& words) override;
  std::vector<Problem> check_integrity() override;
  void back_up(const std::filesystem::path& destination) override;
  bool suspend_foreign_keys() override { return false; }
  void enforce_foreign_keys() noexcept override {}
  void check_foreign_keys() override {}
  void begin_bulk_load() override {}
  void finish_bulk_load() override {}
  std::unique_ptr<SpendSink> spend_sink(const SinkPlan& plan) override;
  std::vector<std::string> explain(std::string_view sql, const std::function<void(Query&)>& bind) override;
  std::string actor() override;
  std::int64_t highest_id(const std::string& table) override;
  void after_copy(const std::string& table, std::int64_t highest) override;

  // For connection.cpp: the name of the statement prepared for SQL with
  // parameters of TYPES, preparing it on first use.
  const std::string& prepared(const std::string& sql, const std::vector<Oid>& types);
  // Runs the prepared statement NAME with VALUES (nullptr for NULL). When
  // GUARDED (a write), inside a write transaction, a failure undoes only this
  // statement, as on SQLite.
  PGresult* run_prepared(const std::string& name, const std::vector<const char*>& values, bool guarded);
  // Runs SQL without parameters; the result (never a failure) is the caller's.
  PGresult* run_simple(const std::string& sql);

  // The connection, free for a new command (a stream in progress is read
  // into memory first), and as it is.
  PGconn* handle();
  PGconn* handle_as_is() { return m_connection; }
  // Throws the SqlError kind for RESULT's SQLSTATE (with the server's
  // message) when RESULT is a failure (or null); frees RESULT when it
  // throws, never when it does not. A refused privilege is the read-only
  // role's refusal only inside a write transaction; otherwise a plain
  // SqlError.
  void check(PGresult* result) const;
  // STREAM's rows are arriving (nullptr: no more); another command first
  // drains them.
  void streaming(RowStream* stream) noexcept;
  void settle_stream() noexcept;

private:
  PGresult* run_in_savepoint(const std::string& name, const std::vector<const char*>& values);

  PGconn* m_connection = nullptr;
  std::string m_display_name;
  std::string m_actor; // the role, once read
  bool m_in_write = false;
  RowStream* m_stream = nullptr;
  std::unordered_map<std::string, std::string> m_statements; // SQL and types -> name
};

} // namespace vendorcat::store::postgres
