// store::Connection over libpq. The store's SQL numbers its parameters as
// `?` or `?N`; they become PostgreSQL's `$N`. A statement is prepared once
// per connection for its SQL and the types of what is bound to it (an
// integer as bigint, a text as "unknown", which the server reads as the
// type its place needs, or as text where nothing says), and results come
// back as text. The SQLSTATE of a failure chooses its SqlError kind.

#include "store/postgres/backend.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstring>
#include <deque>
#include <libpq-fe.h>

namespace vendorcat::store::postgres {

namespace {

constexpr Oid unknown_type = 0;
constexpr Oid text_type = 25;
constexpr Oid bigint_type = 20;

// SQL with `?` and `?N` as `$N` (outside quoted text and names), and the
// number of parameters.
std::pair<std::string, int> numbered(std::string_view sql)
{
  std::string out;
  out.reserve(sql.size() + 16);
  int count = 0;
  int next = 0;
  char quote = 0;
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      out += c;
      if (c == quote) {
        quote = 0;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      std::size_t end = i + 1;
      while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') {
        ++end;
      }
      int number = ++next;
      if (end > i + 1) {
        std::from_chars(sql.data() + i + 1, sql.data() + end, number);
        next = number;
      }
      count = std::max(count, number);
      // `lower(?)` folds ASCII letters only, as SQLite's does and as the
      // columns' "C" collation does, whatever the database's locale.
      out +=
        out.ends_with("lower(") ? fmt::format("${}::text COLLATE \"C\"", number) : fmt::format("${}", number);
      i = end - 1;
    } else {
      out += c;
    }
  }
  return {out, count};
}

bool is_integer_type(Oid type)
{
  // bool, int8, int2, int4, numeric
  return type == 16 || type == 20 || type == 21 || type == 23 || type == 1700;
}

// A statement. A SELECT streams its rows (libpq's single-row mode), so that
// a listing of millions of lines holds one row at a time; when another
// statement needs the connection before the rows are all read (a look-up
// per row), the rest are read into memory first (drain()). A write runs
// whole, inside a savepoint in a write transaction (run_prepared()).
class PostgresStatement
  : public Statement
  , public RowStream
{
public:
  PostgresStatement(PostgresBackend& backend, std::string_view sql) : m_backend(backend)
  {
    auto [text, count] = numbered(sql);
    m_sql = std::move(text);
    m_values.resize(static_cast<std::size_t>(count));
    m_null.assign(static_cast<std::size_t>(count), true);
    m_types.assign(static_cast<std::size_t>(count), unknown_type);
    const auto first = m_sql.find_first_not_of(" \n\t(");
    const auto verb = first == std::string::npos ? std::string() : m_sql.substr(first, 6);
    m_writes = verb == "INSERT" || verb == "UPDATE" || verb == "DELETE";
  }
  PostgresStatement(const PostgresStatement&) = delete;
  PostgresStatement& operator=(const PostgresStatement&) = delete;
  ~PostgresStatement() override { end(); }

  void bind_null(int index, ColumnType hint) override
  {
    auto& slot = place(index);
    m_null[slot] = true;
    m_types[slot] = hint == ColumnType::integer ? bigint_type : unknown_type;
  }
  void bind_integer(int index, std::int64_t value) override
  {
    auto& slot = place(index);
    m_null[slot] = false;
    m_values[slot] = std::to_string(value);
    m_types[slot] = bigint_type;
  }
  void bind_text(int index, std::string_view value) override
  {
    auto& slot = place(index);
    m_null[slot] = false;
    m_values[slot].assign(value);
    m_types[slot] = unknown_type;
  }

  bool step() override
  {
    if (!m_started) {
      start();
    }
    if (m_streaming) {
      clear_current();
      m_result = next_streamed();
      m_row = 0;
      if (m_result != nullptr) {
        return true;
      }
    } else if (++m_row < PQntuples(m_result)) {
      return true;
    }
    end();
    return false;
  }

  void reset() noexcept override { end(); }

  int column_count() const override { return m_result ? PQnfields(m_result) : 0; }
  std::string column_name(int column) const override { return PQfname(m_result, column); }
  ColumnType column_type(int column) const override
  {
    if (PQgetisnull(m_result, m_row, column) != 0) {
      return ColumnType::null;
    }
    return is_integer_type(PQftype(m_result, column)) ? ColumnType::integer : ColumnType::text;
  }
  std::int64_t integer(int column) const override
  {
    const char* value = PQgetvalue(m_result, m_row, column);
    const auto length = static_cast<std::size_t>(PQgetlength(m_result, m_row, column));
    if (PQftype(m_result, column) == 16) {
      return value[0] == 't' ? 1 : 0;
    }
    std::int64_t number = 0;
    const auto [end, error] = std::from_chars(value, value + length, number);
    if (error == std::errc::result_out_of_range) {
      throw SqlError("integer overflow");
    }
    if (error != std::errc() || end != value + length) {
      return 0; // NULL or text, as SQLite reads them as integers
    }
    return number;
  }
  std::string_view text(int column) const override
  {
    return {PQgetvalue(m_result, m_row, column),
            static_cast<std::size_t>(PQgetlength(m_result, m_row, column))};
  }
  std::int64_t changes() const override { return m_changes; }

  void drain() noexcept override
  {
    while (PGresult* result = PQgetResult(m_backend.handle_as_is())) {
      m_pending.push_back(result);
    }
    m_open = false;
  }

private:
  std::size_t& place(int index)
  {
    end();
    if (index < 1 || static_cast<std::size_t>(index) > m_values.size()) {
      throw SqlError(fmt::format("no parameter {} in the statement", index));
    }
    m_slot = static_cast<std::size_t>(index - 1);
    return m_slot;
  }

  void start()
  {
    const auto& name = m_backend.prepared(m_sql, m_types); // ends any other stream
    std::vector<const char*> values(m_values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
      values[i] = m_null[i] ? nullptr : m_values[i].c_str();
    }
    m_started = true;
    m_row = -1;
    m_changes = 0;
    if (m_writes) {
      m_result = m_backend.run_prepared(name, values, true);
      const char* tuples = PQcmdTuples(m_result);
      m_changes = tuples[0] != 0 ? std::atoll(tuples) : 0;
      return;
    }
    auto* connection = m_backend.handle_as_is();
    if (PQsendQueryPrepared(connection, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                            nullptr, 0) != 1) {
      m_started = false;
      check(connection, nullptr);
    }
    PQsetSingleRowMode(connection);
    m_streaming = true;
    m_open = true;
    m_backend.streaming(this);
  }

  // The next row, or nullptr at the end; throws the failure the server
  // reported instead of a row.
  PGresult* next_streamed()
  {
    PGresult* result = nullptr;
    if (!m_pending.empty()) {
      result = m_pending.front();
      m_pending.pop_front();
    } else if (m_open) {
      result = PQgetResult(m_backend.handle_as_is());
    }
    if (result == nullptr) {
      return nullptr;
    }
    const auto status = PQresultStatus(result);
    if (status == PGRES_SINGLE_TUPLE) {
      return result;
    }
    if (status == PGRES_TUPLES_OK) {
      PQclear(result);
      return nullptr;
    }
    end();
    check(m_backend.handle_as_is(), result);
    return nullptr;
  }

  void clear_current() noexcept
  {
    if (m_result != nullptr) {
      PQclear(m_result);
      m_result = nullptr;
    }
  }

  // Done with this run: the rest of a stream read and dropped.
  void end() noexcept
  {
    clear_current();
    if (m_open) {
      m_backend.streaming(nullptr);
      drain();
    }
    for (auto* result : m_pending) {
      PQclear(result);
    }
    m_pending.clear();
    m_streaming = false;
    m_started = false;
  }

  PostgresBackend& m_backend;
  std::string m_sql;
  std::vector<std::string> m_values;
  std::vector<bool> m_null;
  std::vector<Oid> m_types;
  bool m_writes = false; // an INSERT, UPDATE or DELETE
  std::size_t m_slot = 0;
  bool m_started = false;
  bool m_streaming = false;        // rows come one result each
  bool m_open = false;             // and some are still on the connection
  std::deque<PGresult*> m_pending; // read off the connection ahead of step()
  PGresult* m_result = nullptr;
  int m_row = -1;
  std::int64_t m_changes = 0;
};

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

void check(PGconn* connection, PGresult* result)
{
  const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN ||
      status == PGRES_EMPTY_QUERY) {
    return;
  }
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string code = state ? state : "";
  const auto message = message_of(connection, result);
  PQclear(result);
  if (code == "23505") {
    throw UniqueViolation(message);
  }
  if (code == "40001" || code == "40P01") {
    throw TransactionConflict(message);
  }
  if (code == "42501") {
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
  return std::make_unique<PostgresStatement>(*this, sql);
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
  check(m_connection, result);
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
  check(m_connection, result);
  return result;
}

// The statement between SAVEPOINT and RELEASE, sent at once (libpq's
// pipeline): a failure (a repeated reference that the caller reports and
// goes on from) undoes the statement alone and leaves the transaction
// usable, as SQLite does.
PGresult* PostgresBackend::run_in_savepoint(const std::string& name, const std::vector<const char*>& values)
{
  if (PQenterPipelineMode(m_connection) != 1) {
    check(m_connection, nullptr);
  }
  PQsendQueryParams(m_connection, "SAVEPOINT vendorcat_statement", 0, nullptr, nullptr, nullptr, nullptr, 0);
  PQsendQueryPrepared(m_connection, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                      nullptr, 0);
  PQsendQueryParams(m_connection, "RELEASE SAVEPOINT vendorcat_statement", 0, nullptr, nullptr, nullptr,
                    nullptr, 0);
  PQpipelineSync(m_connection);
  std::array<PGresult*, 3> results{};
  for (auto& result : results) {
    result = PQgetResult(m_connection);
    while (PGresult* extra = PQgetResult(m_connection)) {
      PQclear(extra); // the NULL that ends each query's results
    }
  }
  PQclear(PQgetResult(m_connection)); // the sync point
  PQexitPipelineMode(m_connection);
  PQclear(results[0]);
  PQclear(results[2]);
  const auto status = results[1] ? PQresultStatus(results[1]) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    PQclear(run_simple("ROLLBACK TO SAVEPOINT vendorcat_statement; RELEASE SAVEPOINT vendorcat_statement"));
    check(m_connection, results[1]);
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
  check(m_connection, result);
  PQclear(result);
}

std::int64_t PostgresBackend::last_insert_id()
{
  return Query(*this, "SELECT lastval()").run_integer();
}

} // namespace vendorcat::store::postgres
