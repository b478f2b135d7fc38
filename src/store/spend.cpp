// Spend lines and the monthly roll-up. SpendWriter applies each line's
// change to the roll-up as a delta held in memory and written by flush(), so
// a bulk import touches each roll-up row once; a single add flushes at once.
// Both happen inside the caller's transaction, so the roll-up is never seen
// out of step with the lines.

#include "store/spend.hpp"

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "store/audit.hpp"
#include "store/engagements.hpp"
#include "store/providers.hpp"
#include "store/reference.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <string_view>
#include <variant>

namespace vendorcat::store {

namespace {

[[noreturn]] void rethrow_constraint(const SQLite::Exception& error, const SpendRow& row)
{
  if ((error.getErrorCode() & 0xff) == SQLITE_CONSTRAINT &&
      std::string_view(error.what()).find("UNIQUE") != std::string_view::npos) {
    throw ValidationError(fmt::format("invoice reference '{}' is already recorded on that engagement",
                                      row.reference.value_or("")));
  }
  throw;
}

void bind_row(SQLite::Statement& statement, const SpendRow& row)
{
  statement.bind(1, row.engagement_id);
  statement.bind(2, row.date);
  statement.bind(3, row.amount);
  statement.bind(4, row.currency);
  if (row.reference) {
    statement.bind(5, *row.reference);
  } else {
    statement.bind(5);
  }
}

} // namespace

SpendWriter::SpendWriter(Catalogue& catalogue)
  : m_catalogue(catalogue),
    m_insert(std::make_unique<SQLite::Statement>(
      catalogue.db(),
      "INSERT INTO spend (engagement_id, date, amount, currency, reference) VALUES (?, ?, ?, ?, ?)")),
    m_update(std::make_unique<SQLite::Statement>(
      catalogue.db(), "UPDATE spend SET engagement_id = ?, date = ?, amount = ?, currency = ?, "
                      "reference = ? WHERE id = ?")),
    m_select(std::make_unique<SQLite::Statement>(
      catalogue.db(), "SELECT engagement_id, date, amount, currency, reference FROM spend WHERE id = ?")),
    m_delete(std::make_unique<SQLite::Statement>(catalogue.db(), "DELETE FROM spend WHERE id = ?")),
    m_find(std::make_unique<SQLite::Statement>(
      catalogue.db(), "SELECT id FROM spend WHERE engagement_id = ? AND reference = ?"))
{
}

SpendWriter::~SpendWriter() = default;

void SpendWriter::add_delta(const SpendRow& row, int sign)
{
  auto& delta = m_deltas[{row.engagement_id, row.date.substr(0, 7), row.currency}];
  delta.first += sign * row.amount;
  delta.second += sign;
}

std::int64_t SpendWriter::insert(const SpendRow& row)
{
  bind_row(*m_insert, row);
  try {
    m_insert->exec();
  } catch (const SQLite::Exception& error) {
    m_insert->tryReset();
    rethrow_constraint(error, row);
  }
  m_insert->reset();
  add_delta(row, +1);
  return m_catalogue.db().getLastInsertRowid();
}

void SpendWriter::update(std::int64_t id, const SpendRow& row)
{
  m_select->bind(1, id);
  if (!m_select->executeStep()) {
    m_select->reset();
    throw NotFound(fmt::format("no spend line with id {}", id));
  }
  SpendRow old{m_select->getColumn(0).getInt64(), m_select->getColumn(1).getString(),
               m_select->getColumn(2).getInt64(), m_select->getColumn(3).getString(), std::nullopt};
  m_select->reset();
  bind_row(*m_update, row);
  m_update->bind(6, id);
  try {
    m_update->exec();
  } catch (const SQLite::Exception& error) {
    m_update->tryReset();
    rethrow_constraint(error, row);
  }
  m_update->reset();
  add_delta(old, -1);
  add_delta(row, +1);
}

std::optional<std::int64_t> SpendWriter::find(std::int64_t engagement_id, const std::string& reference)
{
  m_find->bind(1, engagement_id);
  m_find->bind(2, reference);
  std::optional<std::int64_t> id;
  if (m_find->executeStep()) {
    id = m_find->getColumn(0).getInt64();
  }
  m_find->reset();
  return id;
}

void SpendWriter::remove(std::int64_t id)
{
  m_select->bind(1, id);
  if (!m_select->executeStep()) {
    m_select->reset();
    throw NotFound(fmt::format("no spend line with id {}", id));
  }
  SpendRow old{m_select->getColumn(0).getInt64(), m_select->getColumn(1).getString(),
               m_select->getColumn(2).getInt64(), m_select->getColumn(3).getString(), std::nullopt};
  m_select->reset();
  m_delete->bind(1, id);
  m_delete->exec();
  m_delete->reset();
  add_delta(old, -1);
}

void SpendWriter::flush()
{
  SQLite::Statement upsert(
    m_catalogue.db(),
    "INSERT INTO spend_monthly (engagement_id, month, currency, amount, lines) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (engagement_id, month, currency) DO UPDATE SET amount = amount + excluded.amount, "
    "lines = lines + excluded.lines");
  SQLite::Statement prune(m_catalogue.db(),
                          "DELETE FROM spend_monthly WHERE engagement_id = ? AND month = ? "
                          "AND currency = ? AND lines = 0");
  for (const auto& [key, delta] : m_deltas) {
    if (delta.second == 0 && delta.first == 0) {
      continue;
    }
    const auto& [engagement_id, month, currency] = key;
    if (delta.second >= 0) {
      upsert.bind(1, engagement_id);
      upsert.bind(2, month);
      upsert.bind(3, currency);
      upsert.bind(4, delta.first);
      upsert.bind(5, delta.second);
      upsert.exec();
      upsert.reset();
    } else {
      // A net removal: the row exists, so update it and drop it when empty.
      SQLite::Statement update(m_catalogue.db(),
                               "UPDATE spend_monthly SET amount = amount + ?, lines = lines + ? "
                               "WHERE engagement_id = ? AND month = ? AND currency = ?");
      update.bind(1, delta.first);
      update.bind(2, delta.second);
      update.bind(3, engagement_id);
      update.bind(4, month);
      update.bind(5, currency);
      update.exec();
    }
    prune.bind(1, engagement_id);
    prune.bind(2, month);
    prune.bind(3, currency);
    prune.exec();
    prune.reset();
  }
  m_deltas.clear();
}

std::vector<EngagementKey> engagement_keys(Catalogue& catalogue)
{
  SQLite::Statement query(catalogue.db(), "SELECT id, ref, currency FROM engagement");
  std::vector<EngagementKey> keys;
  while (query.executeStep()) {
    keys.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                    query.getColumn(2).getString()});
  }
  return keys;
}

SpendLine add_spend(Catalogue& catalogue, const std::string& engagement, const std::string& date,
                    const std::string& amount, const std::optional<std::string>& currency,
                    const std::optional<std::string>& reference)
{
  const auto target = find_engagement(catalogue, engagement);
  const Reference ref_data(catalogue);
  SpendRow row;
  row.engagement_id = target.id;
  row.date = domain::Date::parse(date).to_string();
  row.currency = currency && !currency->empty() ? ref_data.currency(*currency).code : target.currency;
  row.amount = domain::parse_amount(amount, ref_data.currency(row.currency).minor_units);
  if (reference && !reference->empty()) {
    row.reference = reference;
  }
  SpendWriter writer(catalogue);
  const auto id = writer.insert(row);
  writer.flush();
  audit_insert(catalogue, "spend", id);
  return {id, target.ref, row.date, domain::format_amount(row.amount, ref_data.currency(row.currency).minor_units),
          row.currency, row.reference};
}

void remove_spend(Catalogue& catalogue, std::int64_t id)
{
  const auto before = row_snapshot(catalogue, "spend", id);
  SpendWriter writer(catalogue);
  writer.remove(id);
  writer.flush();
  audit_delete(catalogue, "spend", id, before);
}

std::vector<SpendLine> list_spend(Catalogue& catalogue, const SpendFilter& filter)
{
  std::vector<SpendLine> lines;
  each_spend(catalogue, filter, [&](const SpendLine& line) { lines.push_back(line); });
  return lines;
}

void each_spend(Catalogue& catalogue, const SpendFilter& filter,
                const std::function<void(const SpendLine&)>& visit)
{
  std::string sql =
    "SELECT s.id, e.ref, s.date, s.amount, c.minor_units, s.currency, s.reference FROM spend s "
    "JOIN engagement e ON e.id = s.engagement_id JOIN currency c ON c.code = s.currency WHERE 1";
  std::vector<std::variant<std::string, std::int64_t>> params;
  if (!filter.engagement.empty()) {
    sql += " AND s.engagement_id = ?";
    params.emplace_back(find_engagement(catalogue, filter.engagement).id);
  }
  if (!filter.provider.empty()) {
    sql += " AND e.provider_id = ?";
    params.emplace_back(find_provider(catalogue, filter.provider).id);
  }
  if (!filter.from.empty()) {
    sql += " AND s.date >= ?";
    params.emplace_back(domain::Date::parse(filter.from).to_string());
  }
  if (!filter.to.empty()) {
    sql += " AND s.date <= ?";
    params.emplace_back(domain::Date::parse(filter.to).to_string());
  }
  SQLite::Statement query(catalogue.db(), sql + " ORDER BY s.date, s.id");
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::visit([&](const auto& value) { query.bind(static_cast<int>(i) + 1, value); }, params[i]);
  }
  SpendLine line;
  while (query.executeStep()) {
    line.id = query.getColumn(0).getInt64();
    line.engagement = query.getColumn(1).getString();
    line.date = query.getColumn(2).getString();
    line.amount = domain::format_amount(query.getColumn(3).getInt64(), query.getColumn(4).getInt());
    line.currency = query.getColumn(5).getString();
    line.reference = query.getColumn(6).isNull() ? std::nullopt
                                                 : std::optional<std::string>(query.getColumn(6).getString());
    visit(line);
  }
}

std::vector<std::string> check_spend_rollup(Catalogue& catalogue)
{
  SQLite::Statement query(
    catalogue.db(),
    "WITH raw AS (SELECT engagement_id, substr(date, 1, 7) AS month, currency, sum(amount) AS amount, "
    "count(*) AS lines FROM spend GROUP BY 1, 2, 3) "
    "SELECT r.engagement_id, r.month, r.currency, r.amount, r.lines, m.amount, m.lines FROM raw r "
    "LEFT JOIN spend_monthly m USING (engagement_id, month, currency) "
    "WHERE m.amount IS NOT r.amount OR m.lines IS NOT r.lines "
    "UNION ALL SELECT m.engagement_id, m.month, m.currency, NULL, NULL, m.amount, m.lines "
    "FROM spend_monthly m LEFT JOIN raw r USING (engagement_id, month, currency) WHERE r.lines IS NULL");
  std::vector<std::string> problems;
  while (query.executeStep()) {
    problems.push_back(fmt::format("engagement {} {} {}: lines sum to {} in {} lines, roll-up says {} in {}",
                                   query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                                   query.getColumn(2).getString(), query.getColumn(3).getString(),
                                   query.getColumn(4).getString(), query.getColumn(5).getString(),
                                   query.getColumn(6).getString()));
  }
  return problems;
}

} // namespace vendorcat::store
