// store::Connection over libpq: preparing, running (a write inside a
// savepoint, sent in one pipeline), streaming rows in turn, and the SQLSTATE
// of a failure as its SqlError kind. The statements are in statement.cpp.

#include "store/postgres/statement.hpp"

#include <fmt/format.h>

#include <array>
#include <cstring>
#include <libpq-fe.h>

namespace vendorcat::store::postgres {

namespace {

// The server's message for RESULT, one line.
std::string message_of(PGconn* connection, const PGresult* result)
{
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string message = primary ? primary : PQerrorMessage(connection);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  const auto line_end = message.find('\n');
  return line_end == std::string::npos ? message : message.substr(0, line_end);
}

} // namespace

void PostgresBackend::check(PGresult* result) const
{
  auto* connection = m_connection;
  const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN ||
      status == PGRES_EMPTY_QUERY) {
    return;
  }
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  const auto message = message_of(connection, result);
  const char* constraint = result ? PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME) : nullptr;
  const std::string constraint_name = constraint ? constraint : "";
  PQclear(result);
  if (code == "23505") {
    throw UniqueViolation(message, constraint_name);
  }
  if (code == "40001" || code == "40P01") {
    throw TransactionConflict(message);
  }
  if (code == "55P03") {
    throw SqlError("another process has held the catalogue's write lock for too long (an import, or a "
                   "session left open); try again when it is done");
  }
  if (code == "42501" && m_in_write) {
    throw ReadOnlyRole(
      fmt::format("permission denied: role '{}' may not write to database '{}': {} (read-only role)",
                  PQuser(connection), PQdb(connection), message));
  }
  if (code == "25006") {
    throw ReadOnly(message);
  }
  throw SqlError(message);
}

std::unique_ptr<Statement> PostgresBackend::prepare(std::string_view sql)
{
  return make_statement(*this, sql);
}

void PostgresBackend::streaming(RowStream* stream) noexcept
{
  m_stream = stream;
}

void PostgresBackend::settle_stream() noexcept
{
  if (m_stream != nullptr) {
    auto* stream = m_stream;
    m_stream = nullptr;
    stream->drain();
  }
}

PGconn* PostgresBackend::handle()
{
  settle_stream();
  return m_connection;
}

const std::string& PostgresBackend::prepared(const std::string& sql, const std::vector<Oid>& types)
{
  settle_stream();
  std::string key = sql;
  key += '\0';
  for (const auto type : types) {
    key += type == bigint_type ? 'i' : 'u';
  }
  if (const auto found = m_statements.find(key); found != m_statements.end()) {
    return found->second;
  }
  const auto name = fmt::format("vc{}", m_statements.size() + 1);
  // A statement the server refuses would end an open transaction: inside
  // one, the preparing is undone alone.
  const bool in_transaction = PQtransactionStatus(m_connection) == PQTRANS_INTRANS;
  if (in_transaction) {
    execute("SAVEPOINT vendorcat_prepare");
  }
  auto* result =
    PQprepare(m_connection, name.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data());
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state != nullptr && std::strcmp(state, "42P18") == 0) {
    // A parameter whose place says nothing of its type (`? IS NULL`): text.
    PQclear(result);
    if (in_transaction) {
      execute("ROLLBACK TO SAVEPOINT vendorcat_prepare");
    }
    auto typed = types;
    for (auto& type : typed) {
      type = type == unknown_type ? text_type : type;
    }
    result = PQprepare(m_connection, name.c_str(), sql.c_str(), static_cast<int>(typed.size()), typed.data());
  }
  if (in_transaction) {
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    PQclear(run_simple(status == PGRES_COMMAND_OK
                         ? "RELEASE SAVEPOINT vendorcat_prepare"
                         : "ROLLBACK TO SAVEPOINT vendorcat_prepare; RELEASE SAVEPOINT vendorcat_prepare"));
  }
  check(result);
  PQclear(result);
  return m_statements.emplace(std::move(key), name).first->second;
}

PGresult* PostgresBackend::run_prepared(const std::string& name, const std::vector<const char*>& values,
                                        bool guarded)
{
  settle_stream();
  if (m_in_write && guarded) {
    return run_in_savepoint(name, values);
  }
  auto* result = PQexecPrepared(m_connection, name.c_str(), static_cast<int>(values.size()), values.data(),
                                nullptr, nullptr, 0);
  check(result);
  return result;
}

// The statement between SAVEPOINT and RELEASE, sent at once (libpq's
// pipeline): a failure (a repeated reference that the caller reports and
// goes on from) undoes the statement alone and leaves the transaction
// usable, as SQLite does.
PGresult* PostgresBackend::run_in_savepoint(const std::string& name, const std::vector<const char*>& values)
{
  if (PQenterPipelineMode(m_connection) != 1) {
    check(nullptr);
  }
  const bool sent = PQsendQueryParams(m_connection, "SAVEPOINT vendorcat_statement", 0, nullptr, nullptr,
                                      nullptr, nullptr, 0) == 1 &&
                    PQsendQueryPrepared(m_connection, name.c_str(), static_cast<int>(values.size()),
                                        values.data(), nullptr, nullptr, 0) == 1 &&
                    PQsendQueryParams(m_connection, "RELEASE SAVEPOINT vendorcat_statement", 0, nullptr,
                                      nullptr, nullptr, nullptr, 0) == 1;
  if (!sent || PQpipelineSync(m_connection) != 1) {
    const std::string reason = message_of(m_connection, nullptr);
    while (PGresult* result = PQgetResult(m_connection)) {
      PQclear(result);
    }
    PQexitPipelineMode(m_connection);
    throw SqlError(reason);
  }
  std::array<PGresult*, 3> results{};
  for (auto& result : results) {
    result = PQgetResult(m_connection);
    while (PGresult* extra = PQgetResult(m_connection)) {
      PQclear(extra); // the NULL that ends each query's results
    }
  }
  PQclear(PQgetResult(m_connection)); // the sync point
  PQexitPipelineMode(m_connection);
  PQclear(results[2]);
  if (results[0] == nullptr || PQresultStatus(results[0]) != PGRES_COMMAND_OK) {
    PQclear(results[1]); // not run: the transaction had failed before
    check(results[0]);
  }
  PQclear(results[0]);
  const auto status = results[1] ? PQresultStatus(results[1]) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    PQclear(run_simple("ROLLBACK TO SAVEPOINT vendorcat_statement; RELEASE SAVEPOINT vendorcat_statement"));
    check(results[1]);
  }
  return results[1];
}

PGresult* PostgresBackend::run_simple(const std::string& sql)
{
  settle_stream();
  return PQexec(m_connection, sql.c_str());
}

void PostgresBackend::execute(std::string_view sql)
{
  settle_stream();
  auto* result = PQexec(m_connection, std::string(sql).c_str());
  check(result);
  PQclear(result);
}

std::int64_t PostgresBackend::last_insert_id()
{
  return Query(*this, "SELECT lastval()").run_integer();
}

} // namespace vendorcat::store::postgres
