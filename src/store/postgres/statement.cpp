// The statements of the PostgreSQL backend. The store's SQL numbers its
// parameters as `?` or `?N`; they become PostgreSQL's `$N`. A statement is
// prepared once per connection for its SQL and the types of what is bound to
// it (an integer as bigint, a text as "unknown", which the server reads as
// the type its place needs, or as text where nothing says), and results
// come back as text.

#include "store/postgres/statement.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <deque>
#include <libpq-fe.h>

namespace vendorcat::store::postgres {

namespace {

// SQL with `?` and `?N` as `$N` (outside quoted text and names), and the
// number of parameters.
std::pair<std::string, int> numbered(std::string_view sql)
{
  std::string out;
  out.reserve(sql.size() + 16);
  int largest = 0;          // a bare `?` is the one after the largest so far, as in SQLite
  std::string_view closing; // of the quoted text or comment being copied
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    const std::string_view rest = sql.substr(i);
    if (!closing.empty()) {
      if (rest.starts_with(closing)) {
        out += closing;
        i += closing.size() - 1;
        closing = {};
      } else {
        out += c;
      }
    } else if (c == '\'' || c == '"') {
      closing = c == '\'' ? "'" : "\"";
      out += c;
    } else if (rest.starts_with("--") || rest.starts_with("/*")) {
      closing = c == '-' ? "\n" : "*/";
      out += rest.substr(0, 2);
      ++i;
    } else if (c == '?') {
      std::size_t end = i + 1;
      while (end < sql.size() && sql[end] >= '0' && sql[end] <= '9') {
        ++end;
      }
      int number = largest + 1;
      if (end > i + 1) {
        std::from_chars(sql.data() + i + 1, sql.data() + end, number);
      }
      largest = std::max(largest, number);
      // `lower(?)` folds ASCII letters only, as SQLite's does and as the
      // columns' "C" collation does, whatever the database's locale.
      out +=
        out.ends_with("lower(") ? fmt::format("${}::text COLLATE \"C\"", number) : fmt::format("${}", number);
      i = end - 1;
    } else {
      out += c;
    }
  }
  return {out, largest};
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
    auto verb = first == std::string::npos ? std::string() : m_sql.substr(first, 6);
    for (auto& c : verb) {
      c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    m_writes = verb == "INSERT" || verb == "UPDATE" || verb == "DELETE";
  }
  PostgresStatement(const PostgresStatement&) = delete;
  PostgresStatement& operator=(const PostgresStatement&) = delete;
  ~PostgresStatement() override { end(); }

  void bind_null(int index, ColumnType hint) override
  {
    const auto slot = place(index);
    m_null[slot] = true;
    m_types[slot] = hint == ColumnType::integer ? bigint_type : unknown_type;
  }
  void bind_integer(int index, std::int64_t value) override
  {
    const auto slot = place(index);
    m_null[slot] = false;
    m_values[slot] = std::to_string(value);
    m_types[slot] = bigint_type;
  }
  void bind_text(int index, std::string_view value) override
  {
    const auto slot = place(index);
    m_null[slot] = false;
    m_values[slot].assign(value);
    m_types[slot] = unknown_type;
  }

  bool step() override
  {
    if (!m_started) {
      start();
    }
    if (!m_writes) {
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
  std::size_t place(int index)
  {
    end();
    if (index < 1 || static_cast<std::size_t>(index) > m_values.size()) {
      throw SqlError(fmt::format("no parameter {} in the statement", index));
    }
    return static_cast<std::size_t>(index - 1);
  }

  void start()
  {
    const auto& name = m_backend.prepared(m_sql, m_types); // ends any other stream
    std::vector<const char*> values(m_values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
      values[i] = m_null[i] ? nullptr : m_values[i].c_str();
    }
    m_row = -1;
    m_changes = 0;
    if (m_writes) {
      m_result = m_backend.run_prepared(name, values, true);
      m_started = true;
      const char* tuples = PQcmdTuples(m_result);
      m_changes = tuples[0] != 0 ? std::atoll(tuples) : 0;
      return;
    }
    auto* connection = m_backend.handle_as_is();
    if (PQsendQueryPrepared(connection, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                            nullptr, 0) != 1) {
      m_backend.check(nullptr);
    }
    PQsetSingleRowMode(connection);
    m_started = true;
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
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY) {
      PQclear(result);
      return nullptr;
    }
    end();
    m_backend.check(result);
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
    m_started = false;
  }

  PostgresBackend& m_backend;
  std::string m_sql;
  std::vector<std::string> m_values;
  std::vector<bool> m_null;
  std::vector<Oid> m_types;
  bool m_writes = false;           // an INSERT, UPDATE or DELETE
  bool m_started = false;          // a SELECT's rows then come one result each
  bool m_open = false;             // and some are still on the connection
  std::deque<PGresult*> m_pending; // read off the connection ahead of step()
  PGresult* m_result = nullptr;
  int m_row = -1;
  std::int64_t m_changes = 0;
};

} // namespace

std::unique_ptr<Statement> make_statement(PostgresBackend& backend, std::string_view sql)
{
  return std::make_unique<PostgresStatement>(backend, sql);
}

} // namespace vendorcat::store::postgres
