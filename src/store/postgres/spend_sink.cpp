#include "store/postgres/spend_sink.hpp"

#include "store/postgres/backend.hpp"

#include <fmt/format.h>

#include <libpq-fe.h>

namespace vendorcat::store::postgres {

namespace {

constexpr std::string_view staging_columns = "id, engagement_id, date, amount, currency, reference";

// TEXT as a field of COPY's text format.
void append_field(std::string& out, std::string_view text)
{
  for (const char c : text) {
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    default:
      out += c;
    }
  }
}

} // namespace

CopySink::CopySink(PostgresBackend& backend, std::optional<std::int64_t> batch)
  : StatementSink(backend, batch), m_backend(backend)
{
}

std::int64_t CopySink::next_id()
{
  if (m_ids.empty()) {
    Query block(m_backend, fmt::format("SELECT nextval(q.name) FROM (SELECT pg_get_serial_sequence('spend', "
                                       "'id') AS name) AS q, generate_series(1, {}) ORDER BY 1 DESC",
                                       ids_per_block));
    while (block.next()) {
      m_ids.push_back(block.integer(0));
    }
  }
  const auto id = m_ids.back();
  m_ids.pop_back();
  return id;
}

std::int64_t CopySink::insert(const SpendRow& row)
{
  const auto id = next_id();
  m_buffer += fmt::format("{}\t{}\t", id, row.engagement_id);
  append_field(m_buffer, row.date);
  m_buffer += fmt::format("\t{}\t", row.amount);
  append_field(m_buffer, row.currency);
  m_buffer += '\t';
  if (row.reference && !row.reference->empty()) {
    append_field(m_buffer, *row.reference);
  } else {
    m_buffer += "\\N";
  }
  m_buffer += '\n';
  if (m_buffer.size() >= flush_bytes) {
    send();
  }
  return id;
}

void CopySink::send()
{
  if (m_buffer.empty()) {
    return;
  }
  if (!m_staging) {
    m_backend.execute("CREATE TEMPORARY TABLE IF NOT EXISTS spend_staging "
                      "(id BIGINT, engagement_id BIGINT, date TEXT COLLATE \"C\", amount BIGINT, "
                      "currency TEXT COLLATE \"C\", reference TEXT COLLATE \"C\") ON COMMIT DROP");
    m_staging = true;
  }
  m_staged = true;
  auto* connection = m_backend.handle();
  auto* started =
    PQexec(connection, fmt::format("COPY spend_staging ({}) FROM STDIN", staging_columns).c_str());
  m_backend.check(started);
  PQclear(started);
  const bool sent = PQputCopyData(connection, m_buffer.data(), static_cast<int>(m_buffer.size())) == 1;
  PQputCopyEnd(connection, sent ? nullptr : "the rows could not be sent");
  m_buffer.clear();
  PGresult* result = nullptr;
  PGresult* failure = nullptr;
  while ((result = PQgetResult(connection)) != nullptr) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && failure == nullptr) {
      failure = result;
    } else {
      PQclear(result);
    }
  }
  if (failure != nullptr) {
    m_backend.check(failure);
  }
}

bool CopySink::settle()
{
  send();
  if (!m_staged) {
    return true;
  }
  try {
    Query(
      m_backend,
      fmt::format("INSERT INTO spend ({0}, batch_id) SELECT {0}, ?::bigint FROM spend_staging ORDER BY id",
                  staging_columns),
      m_import_batch)
      .run();
  } catch (const UniqueViolation& error) {
    if (error.constraint() != "spend_reference") {
      throw; // not a repeated invoice reference: a failure of its own
    }
    return false; // undone alone: the staged rows are still there to look at
  }
  m_backend.execute("TRUNCATE spend_staging");
  m_staged = false;
  return true;
}

void CopySink::finish(const DuplicateVisitor& duplicate)
{
  if (settle()) {
    return;
  }
  // A repeat: a reference its engagement has already, in the catalogue or
  // earlier in the load.
  Query repeats(m_backend,
                "SELECT id, reference FROM (SELECT id, engagement_id, reference, row_number() OVER ("
                "PARTITION BY engagement_id, reference ORDER BY id) AS n FROM spend_staging "
                "WHERE reference IS NOT NULL) AS s WHERE n > 1 OR EXISTS (SELECT 1 FROM spend p "
                "WHERE p.engagement_id = s.engagement_id AND p.reference = s.reference) ORDER BY id");
  bool found = false;
  while (repeats.next()) {
    found = true;
    duplicate(repeats.integer(0), repeats.text(1));
  }
  if (!found) {
    throw SqlError("the spend lines could not be stored: the invoice-reference index refused them, but no "
                   "repeated reference was found");
  }
}

// The operations on stored lines, after the staged ones are stored.
void CopySink::settle_or_throw()
{
  if (!settle()) {
    throw UniqueViolation("a repeated invoice reference among the lines loaded");
  }
}

void CopySink::update(std::int64_t id, const SpendRow& row)
{
  settle_or_throw();
  StatementSink::update(id, row);
}

std::optional<SpendRow> CopySink::stored(std::int64_t id)
{
  settle_or_throw();
  return StatementSink::stored(id);
}

std::optional<std::int64_t> CopySink::find(std::int64_t engagement_id, std::string_view reference)
{
  settle_or_throw();
  return StatementSink::find(engagement_id, reference);
}

void CopySink::remove(std::int64_t id)
{
  settle_or_throw();
  StatementSink::remove(id);
}

} // namespace vendorcat::store::postgres
