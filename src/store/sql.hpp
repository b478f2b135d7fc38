#pragma once

// The SQL interface the repositories of store/ use, whichever database holds
// the catalogue. A Connection prepares statements written in the SQL that
// SQLite and PostgreSQL share (parameters as `?` or `?N`, `TRUE`/`FALSE`,
// `ON CONFLICT`, no `RETURNING` and no dialect functions), runs them, and reports
// failures as SqlError. Each backend implements it in its own folder
// (store/sqlite/, store/postgres/). This header is for store/ only: the
// layers above see the repositories' functions and the project's own types.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vendorcat::store {

class Catalogue;

// A failure reported by the database, in its own words (with the operating
// system's reason for a failed write).
class SqlError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

// A write refused by a UNIQUE constraint or index (its name, when the
// database gives it).
class UniqueViolation : public SqlError
{
public:
  explicit UniqueViolation(const std::string& message, std::string constraint = {})
    : SqlError(message), m_constraint(std::move(constraint))
  {
  }
  const std::string& constraint() const { return m_constraint; }

private:
  std::string m_constraint;
};

// The transaction lost a race with another one (a serialization failure, a
// deadlock): running it again from the start may succeed.
class TransactionConflict : public SqlError
{
public:
  using SqlError::SqlError;
};

// The database refused a write because this connection may only read.
class ReadOnly : public SqlError
{
public:
  using SqlError::SqlError;
};

// The server refused a write because the connection's role may only read;
// the message, for the user as it is, names the role.
class ReadOnlyRole : public ReadOnly
{
public:
  using ReadOnly::ReadOnly;
};

enum class ColumnType
{
  null,
  integer,
  text,
};

// A prepared statement. Parameters and columns are numbered from 1 and 0.
class Statement
{
public:
  virtual ~Statement() = default;

  virtual void bind_null(int index, ColumnType hint) = 0;
  virtual void bind_integer(int index, std::int64_t value) = 0;
  // VALUE is copied.
  virtual void bind_text(int index, std::string_view value) = 0;
  // VALUE is not copied: it must live, unchanged, until the statement has run.
  virtual void bind_text_view(int index, std::string_view value) { bind_text(index, value); }

  // Runs the statement or moves to its next row: true while a row is ready.
  // After false it may be run again (with new bindings). Throws SqlError.
  virtual bool step() = 0;

  // Abandons the current run, keeping the bindings; never fails.
  virtual void reset() noexcept = 0;

  virtual int column_count() const = 0;
  virtual std::string column_name(int column) const = 0;
  virtual ColumnType column_type(int column) const = 0;
  // The column as an integer (a boolean as 0 or 1).
  virtual std::int64_t integer(int column) const = 0;
  // The column's text; valid until the next step.
  virtual std::string_view text(int column) const = 0;

  // The rows the last run inserted, changed or deleted.
  virtual std::int64_t changes() const = 0;
};

// What a transaction is for, so that each backend can take the right locks.
enum class TransactionKind
{
  write, // takes the write lock up front (SQLite's BEGIN IMMEDIATE)
  read,  // a consistent view for a long read (a backup, a copy)
};

// A connection to a catalogue's database.
class Connection
{
public:
  virtual ~Connection() = default;

  // Throws SqlError when SQL does not compile.
  virtual std::unique_ptr<Statement> prepare(std::string_view sql) = 0;

  // Runs SQL, one or more statements without parameters or results.
  virtual void execute(std::string_view sql) = 0;

  // The id the last INSERT on this connection gave its row.
  virtual std::int64_t last_insert_id() = 0;

  virtual void begin(TransactionKind kind) = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
};

// The connection of CATALOGUE; for store/ only.
Connection& connection(Catalogue& catalogue);

// A parameter of a query built from optional filters.
using SqlValue = std::variant<std::string, std::int64_t>;

// A statement with typed binding and reading, the form repositories use:
//   Query q(connection(catalogue), "SELECT name FROM provider WHERE id = ?", id);
//   while (q.next()) { names.push_back(q.text(0)); }
class Query
{
public:
  Query(Connection& connection, std::string_view sql)
    : m_connection(connection), m_statement(connection.prepare(sql))
  {
  }

  // Prepares SQL and binds VALUES to its parameters 1, 2, ...
  template<typename... Values>
  Query(Connection& connection, std::string_view sql, const Values&... values) : Query(connection, sql)
  {
    int index = 0;
    (bind(++index, values), ...);
  }

  Query& bind(int index, std::int64_t value)
  {
    m_statement->bind_integer(index, value);
    return *this;
  }
  Query& bind(int index, int value) { return bind(index, std::int64_t{value}); }
  Query& bind(int index, bool value) { return bind(index, std::int64_t{value ? 1 : 0}); }
  Query& bind(int index, std::string_view value)
  {
    m_statement->bind_text(index, value);
    return *this;
  }
  Query& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Query& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  // VALUE must live, unchanged, until the statement has run: for rows bound
  // and run at once, where a copy per value would show.
  Query& bind_view(int index, std::string_view value)
  {
    m_statement->bind_text_view(index, value);
    return *this;
  }
  Query& bind_view(int index, const std::string& value) { return bind_view(index, std::string_view(value)); }
  Query& bind_view(int index, const std::optional<std::string>& value)
  {
    if (value && !value->empty()) {
      return bind_view(index, std::string_view(*value));
    }
    m_statement->bind_null(index, ColumnType::text);
    return *this;
  }
  Query& bind(int index, const std::optional<std::int64_t>& value)
  {
    if (value) {
      return bind(index, *value);
    }
    m_statement->bind_null(index, ColumnType::integer);
    return *this;
  }
  // An absent or empty text is NULL: the catalogue never stores empty text.
  Query& bind(int index, const std::optional<std::string>& value)
  {
    if (value && !value->empty()) {
      return bind(index, *value);
    }
    m_statement->bind_null(index, ColumnType::text);
    return *this;
  }

  // Binds VALUES to the parameters 1, 2, ... in order.
  Query& bind_all(const std::vector<SqlValue>& values)
  {
    for (std::size_t i = 0; i < values.size(); ++i) {
      std::visit([&](const auto& value) { bind(static_cast<int>(i) + 1, value); }, values[i]);
    }
    return *this;
  }

  // The next row; false when there is none (then the query can run again).
  bool next() { return m_statement->step(); }

  // Runs a statement that returns no rows (or ignores them).
  void run()
  {
    while (m_statement->step()) {
    }
  }

  // Runs an INSERT and returns the id it gave its row.
  std::int64_t run_insert()
  {
    run();
    return m_connection.last_insert_id();
  }

  // Runs a statement that returns one integer (`SELECT count(*) ...`) and
  // returns it.
  std::int64_t run_integer()
  {
    if (!m_statement->step()) {
      throw SqlError("the statement returned no row");
    }
    const auto value = m_statement->integer(0);
    run();
    return value;
  }

  void reset() noexcept { m_statement->reset(); }

  bool is_null(int column) const { return m_statement->column_type(column) == ColumnType::null; }
  std::int64_t integer(int column) const { return m_statement->integer(column); }
  std::string text(int column) const { return std::string(m_statement->text(column)); }
  std::string_view text_view(int column) const { return m_statement->text(column); }
  std::optional<std::string> optional_text(int column) const
  {
    return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
  }
  std::optional<std::int64_t> optional_integer(int column) const
  {
    return is_null(column) ? std::nullopt : std::optional<std::int64_t>(integer(column));
  }
  std::int64_t changes() const { return m_statement->changes(); }

  Statement& statement() { return *m_statement; }

private:
  Connection& m_connection;
  std::unique_ptr<Statement> m_statement;
};

} // namespace vendorcat::store
