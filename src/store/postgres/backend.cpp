// The PostgreSQL backend's own operations: connecting (libpq reads the
// password from the URI, PGPASSWORD or ~/.pgpass; no message shows it), the
// schema version in the table vendorcat_schema, text search over the
// provider_search documents, the checks PostgreSQL's own constraints leave,
// and the write lock.
//
// Writers take one transaction-scoped advisory lock before anything else,
// as a writer on the file takes SQLite's write lock (BEGIN IMMEDIATE): the
// roll-up is read and then written in every write, so two writers that ran
// side by side could each add to a total the other had not yet committed.
// Under the lock, at READ COMMITTED, each statement sees every write
// committed before it, so no update is lost and none is counted twice;
// readers never wait. A conflict the server still reports (a deadlock, a
// serialization failure) is a TransactionConflict, which the command runs
// again.

#include "store/postgres/backend.hpp"

#include "domain/errors.hpp"
#include "store/copy.hpp"
#include "store/maintenance.hpp"
#include "store/migrations.hpp"
#include "store/postgres/spend_sink.hpp"
#include "store/spend_sink.hpp"

#include <fmt/format.h>

#include <libpq-fe.h>

namespace vendorcat::store::postgres {

namespace {

void ignore_notice(void*, const char*) {}

// WORDS as a tsquery: each a quoted prefix term, accents taken off by the
// server, all required.
std::string ts_query(const std::vector<std::string>& words)
{
  std::string query;
  for (const auto& word : words) {
    std::string quoted;
    for (const char c : word) {
      if (c == '\'' || c == '\\') {
        quoted += c;
      }
      quoted += c;
    }
    query += fmt::format("{}'{}':*", query.empty() ? "" : " & ", quoted);
  }
  return query;
}

} // namespace

bool is_uri(std::string_view text)
{
  return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

std::string display_name(const std::string& uri)
{
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
  if (options == nullptr) {
    // libpq's reason quotes the URI, password and all: not shown.
    PQfreemem(error);
    throw UsageError("--db: not a valid PostgreSQL connection URI; the form is "
                     "postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DBNAME[?PARAM=VALUE...]");
  }
  std::string user;
  std::string host;
  std::string port;
  std::string database;
  for (auto* option = options; option->keyword != nullptr; ++option) {
    const std::string keyword = option->keyword;
    const std::string value = option->val ? option->val : "";
    if (keyword == "user") {
      user = value;
    } else if (keyword == "host" || (keyword == "hostaddr" && host.empty())) {
      host = value;
    } else if (keyword == "port") {
      port = value;
    } else if (keyword == "dbname") {
      database = value;
    }
  }
  PQconninfoFree(options);
  return fmt::format("postgresql://{}{}{}/{}", user.empty() ? "" : user + "@",
                     host.empty() ? "localhost" : host, port.empty() ? "" : ":" + port,
                     database.empty() ? user : database);
}

PostgresBackend::PostgresBackend(const std::string& uri) : m_display_name(display_name(uri))
{
  m_connection = PQconnectdb(uri.c_str());
  if (PQstatus(m_connection) != CONNECTION_OK) {
    std::string reason = PQerrorMessage(m_connection);
    PQfinish(m_connection);
    m_connection = nullptr;
    while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) {
      reason.pop_back();
    }
    for (auto& c : reason) {
      c = c == '\n' || c == '\t' ? ' ' : c;
    }
    throw DatabaseError(fmt::format("cannot open catalogue '{}': {}", m_display_name, reason));
  }
  PQsetNoticeProcessor(m_connection, ignore_notice, nullptr);
  execute("SET client_min_messages = warning");
}

PostgresBackend::~PostgresBackend()
{
  settle_stream();
  if (m_connection != nullptr) {
    PQfinish(m_connection);
  }
}

void PostgresBackend::begin(TransactionKind kind)
{
  if (kind == TransactionKind::write) {
    execute("BEGIN");
    try {
      // A writer waits for the one before it, but not for ever (a session
      // left open with the lock): lock_not_available names it.
      execute(fmt::format("SET LOCAL lock_timeout = '{}s'; SELECT pg_advisory_xact_lock({}); "
                          "SET LOCAL lock_timeout = 0",
                          write_lock_wait_seconds, write_lock_key));
    } catch (...) {
      rollback();
      throw;
    }
    m_in_write = true;
  } else {
    execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
}

void PostgresBackend::commit()
{
  settle_stream();
  auto* result = PQexec(m_connection, "COMMIT");
  m_in_write = false;
  check(result);
  const std::string status = PQcmdStatus(result);
  PQclear(result);
  if (status == "ROLLBACK") {
    throw SqlError("the transaction failed and was rolled back");
  }
}

void PostgresBackend::rollback() noexcept
{
  m_in_write = false;
  settle_stream();
  PQclear(PQexec(m_connection, "ROLLBACK"));
}

const std::vector<Migration>& PostgresBackend::migrations() const
{
  return postgresql_migrations();
}

int PostgresBackend::schema_version()
{
  // pg_tables read as a table (with this statement's snapshot), not by a
  // name look-up (to_regclass), whose cache a transaction that began before
  // another created the table would still answer from.
  if (Query(*this, "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND "
                   "tablename = 'vendorcat_schema'")
        .run_integer() == 0) {
    return 0;
  }
  return static_cast<int>(
    Query(*this, "SELECT coalesce(max(version), 0) FROM vendorcat_schema").run_integer());
}

void PostgresBackend::set_schema_version(int version)
{
  execute("CREATE TABLE IF NOT EXISTS vendorcat_schema (version BIGINT NOT NULL)");
  execute("DELETE FROM vendorcat_schema");
  Query(*this, "INSERT INTO vendorcat_schema (version) VALUES (?)", std::int64_t{version}).run();
}

std::string PostgresBackend::name_order(std::string_view expression) const
{
  // ICU's root collation, which Debian's server is built with: the order of
  // domain::compare_names (a deterministic collation breaks ties bytewise).
  return fmt::format("{} COLLATE \"und-x-icu\"", expression);
}

std::vector<std::int64_t> PostgresBackend::search_providers(const std::vector<std::string>& words)
{
  Query query(*this,
              "SELECT p.id FROM provider_search s JOIN provider p ON p.id = s.provider_id, "
              "to_tsquery('simple', unaccent(?)) q WHERE s.document @@ q "
              "ORDER BY ts_rank(s.document, q) DESC, " +
                name_order("p.name"),
              ts_query(words));
  std::vector<std::int64_t> ids;
  while (query.next()) {
    ids.push_back(query.integer(0));
  }
  return ids;
}

std::vector<Problem> PostgresBackend::check_integrity()
{
  // The server keeps the constraints and foreign keys; what it cannot see
  // is a search document out of step with its provider, and a spend line's
  // batch, which has no foreign key (migration 0009).
  std::vector<Problem> problems;
  try {
    Query orphans(*this, "SELECT s.id, s.batch_id FROM spend s LEFT JOIN import_batch b ON b.id = s.batch_id "
                         "WHERE s.batch_id IS NOT NULL AND b.id IS NULL ORDER BY s.id LIMIT 10");
    while (orphans.next()) {
      problems.push_back({"foreign keys", fmt::format("spend row {} refers to a missing import_batch {}",
                                                      orphans.integer(0), orphans.integer(1))});
    }
    Query stale(*this, "SELECT p.id FROM provider p LEFT JOIN provider_search s ON s.provider_id = p.id "
                       "WHERE s.document IS DISTINCT FROM "
                       "provider_search_document(p.name, p.legal_name, p.hq_city, p.notes) ORDER BY p.id");
    while (stale.next()) {
      problems.push_back({"search index", fmt::format("provider {} is missing or stale", stale.integer(0))});
    }
  } catch (const SqlError& error) {
    problems.push_back({"integrity", error.what()});
  }
  return problems;
}

void PostgresBackend::back_up(const std::filesystem::path& destination)
{
  auto copy = Catalogue::open(destination, Access::read_write, EmptyFile::initialise);
  migrate(copy);
  copy_records(*this, copy);
}

std::unique_ptr<SpendSink> PostgresBackend::spend_sink(const SinkPlan& plan)
{
  if (plan.reference_check == ReferenceCheck::per_line) {
    return std::make_unique<StatementSink>(*this, plan.batch);
  }
  return std::make_unique<CopySink>(*this, plan.batch);
}

std::vector<std::string> PostgresBackend::explain(std::string_view sql,
                                                  const std::function<void(Query&)>& bind)
{
  Query query(*this, "EXPLAIN " + std::string(sql));
  bind(query);
  std::vector<std::string> plan;
  while (query.next()) {
    plan.push_back(query.text(0));
  }
  return plan;
}

std::string PostgresBackend::actor()
{
  if (m_actor.empty()) {
    Query query(*this, "SELECT current_user");
    query.next();
    m_actor = query.text(0);
    query.reset();
  }
  return m_actor;
}

std::int64_t PostgresBackend::highest_id(const std::string& table)
{
  // The sequence's last value, which a rolled-back or removed row keeps.
  return Query(*this,
               "SELECT coalesce(last_value, 0) FROM pg_sequences "
               "WHERE format('%I.%I', schemaname, sequencename) = pg_get_serial_sequence(?, 'id')",
               table)
    .run_integer();
}

void PostgresBackend::after_copy(const std::string& table, std::int64_t highest)
{
  // The next id after the highest given, as the identity would have given.
  Query(
    *this,
    fmt::format("SELECT setval(pg_get_serial_sequence('{0}', 'id'), greatest(coalesce(max(id), 0), ?) + 1, "
                "false) FROM \"{0}\"",
                table),
    highest)
    .run();
}

} // namespace vendorcat::store::postgres
