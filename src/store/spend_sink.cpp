// StatementSink: one prepared statement per kind of write, reused for every
// line.

#include "store/spend_sink.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

namespace {

// Binds ROW's five values from parameter FIRST on; ROW must outlive the
// statement's run (its text is not copied).
void bind_row(Query& statement, const SpendRow& row, int first = 1)
{
  statement.bind(first, row.engagement_id);
  statement.bind_view(first + 1, row.date);
  statement.bind(first + 2, row.amount);
  statement.bind_view(first + 3, row.currency);
  statement.bind_view(first + 4, row.reference);
}

} // namespace

StatementSink::StatementSink(Connection& connection, std::optional<std::int64_t> batch)
  : m_connection(connection), m_import_batch(batch),
    m_insert(connection, "INSERT INTO spend (engagement_id, date, amount, currency, reference, batch_id) "
                         "VALUES (?, ?, ?, ?, ?, ?)"),
    m_update(connection,
             "UPDATE spend SET engagement_id = ?, date = ?, amount = ?, currency = ?, reference = ? "
             "WHERE id = ?"),
    m_select(connection, "SELECT engagement_id, date, amount, currency FROM spend WHERE id = ?"),
    m_delete(connection, "DELETE FROM spend WHERE id = ?"),
    m_find(connection, "SELECT id FROM spend WHERE engagement_id = ? AND reference = ?")
{
}

std::int64_t StatementSink::insert(const SpendRow& row)
{
  bind_row(m_insert, row);
  m_insert.bind(6, m_import_batch);
  return m_insert.run_insert();
}

void StatementSink::update(std::int64_t id, const SpendRow& row)
{
  bind_row(m_update, row);
  m_update.bind(6, id);
  m_update.run();
}

std::optional<SpendRow> StatementSink::stored(std::int64_t id)
{
  m_select.bind(1, id);
  if (!m_select.next()) {
    return std::nullopt;
  }
  SpendRow row{m_select.integer(0), m_select.text(1), m_select.integer(2), m_select.text(3), std::nullopt};
  m_select.reset();
  return row;
}

std::optional<std::int64_t> StatementSink::find(std::int64_t engagement_id, std::string_view reference)
{
  m_find.bind(1, engagement_id);
  m_find.bind(2, reference);
  std::optional<std::int64_t> id;
  if (m_find.next()) {
    id = m_find.integer(0);
  }
  m_find.reset();
  return id;
}

void StatementSink::remove(std::int64_t id)
{
  m_delete.bind(1, id);
  m_delete.run();
}

std::string repeated_reference_message(std::string_view reference)
{
  return fmt::format("invoice reference '{}' is already recorded on that engagement", reference);
}

} // namespace vendorcat::store
