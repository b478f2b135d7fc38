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
#include "store/sql_values.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <sqlite3.h>
#include <string_view>
#include <variant>

namespace vendorcat::store {

namespace {

[[noreturn]] void rethrow_constraint(const SQLite::Exception& error, const SpendRow& row)
{
  if (error.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE) {
    throw ValidationError(repeated_reference_message(row.reference.value_or("")));
  }
  throw;
}

[[noreturn]] void throw_total_out_of_range(const SpendRow& row)
{
  throw ValidationError(fmt::format("amount out of range: the {} total of {} would not fit in 64 bits",
                                    row.currency, row.date.substr(0, 7)));
}

// Binds ROW's five values from parameter FIRST on. ROW must outlive the
// statement's execution: its text is not copied.
void bind_row(SQLite::Statement& statement, const SpendRow& row, int first = 1)
{
  statement.bind(first, row.engagement_id);
  statement.bindNoCopy(first + 1, row.date);
  statement.bind(first + 2, row.amount);
  statement.bindNoCopy(first + 3, row.currency);
  if (row.reference) {
    statement.bindNoCopy(first + 4, *row.reference);
  } else {
    statement.bind(first + 4);
  }
}

// SQLite gives a sort as much memory as the page cache. While the reference
// index is built (and repeats are looked for), a smaller cache keeps the peak
// memory of a large import well under 64 MiB; the sort is no slower for it
// (measured on a million lines: 42 MB instead of 60 MB, same time).
class SortCache
{
public:
  explicit SortCache(SQLite::Database& db)
    : m_db(db), m_cache_size(db.execAndGet("PRAGMA cache_size").getInt64())
  {
    db.exec(fmt::format("PRAGMA cache_size = -{}", sort_cache_kib));
  }
  SortCache(const SortCache&) = delete;
  SortCache& operator=(const SortCache&) = delete;
  ~SortCache() { m_db.tryExec(fmt::format("PRAGMA cache_size = {}", m_cache_size).c_str()); }

private:
  static constexpr int sort_cache_kib = 8 * 1024;
  SQLite::Database& m_db;
  std::int64_t m_cache_size;
};

} // namespace

std::string repeated_reference_message(std::string_view reference)
{
  return fmt::format("invoice reference '{}' is already recorded on that engagement", reference);
}

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
      catalogue.db(), "SELECT id FROM spend WHERE engagement_id = ? AND reference = ?")),
    m_rollup_select(std::make_unique<SQLite::Statement>(
      catalogue.db(), "SELECT amount, lines FROM spend_monthly "
                      "WHERE engagement_id = ? AND month = ? AND currency = ?")),
    m_rollup_insert(std::make_unique<SQLite::Statement>(
      catalogue.db(), "INSERT INTO spend_monthly (amount, lines, engagement_id, month, currency) "
                      "VALUES (?, ?, ?, ?, ?)")),
    m_rollup_update(std::make_unique<SQLite::Statement>(
      catalogue.db(), "UPDATE spend_monthly SET amount = ?, lines = ? "
                      "WHERE engagement_id = ? AND month = ? AND currency = ?")),
    m_rollup_delete(std::make_unique<SQLite::Statement>(
      catalogue.db(), "DELETE FROM spend_monthly WHERE engagement_id = ? AND month = ? AND currency = ?"))
{
}

SpendWriter::~SpendWriter() = default;

void SpendWriter::add_delta(const SpendRow& row, int sign)
{
  auto& delta = m_deltas[RollupKey::of(row.engagement_id, row.date, row.currency)];
  if (__builtin_add_overflow(delta.amount, sign * row.amount, &delta.amount)) {
    throw_total_out_of_range(row);
  }
  delta.lines += sign;
}

SpendRow SpendWriter::stored(std::int64_t id)
{
  m_select->bind(1, id);
  if (!m_select->executeStep()) {
    m_select->reset();
    throw NotFound(fmt::format("no spend line with id {}", id));
  }
  SpendRow row{m_select->getColumn(0).getInt64(), m_select->getColumn(1).getString(),
               m_select->getColumn(2).getInt64(), m_select->getColumn(3).getString(), std::nullopt};
  m_select->reset();
  return row;
}

std::int64_t SpendWriter::insert(const SpendRow& row)
{
  if (m_reference_index_deferred) {
    add_delta(row, +1);
    m_batch.emplace_back(m_next_id, row);
    if (m_batch.size() == batch_rows) {
      write_batch();
    }
    return m_next_id++;
  }
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

void SpendWriter::write_batch()
{
  constexpr std::string_view insert =
    "INSERT INTO spend (id, engagement_id, date, amount, currency, reference) VALUES ";
  constexpr std::string_view values = "(?, ?, ?, ?, ?, ?)";
  constexpr int columns = 6;
  if (m_batch.size() == batch_rows) {
    if (!m_insert_batch) {
      std::string sql(insert);
      for (std::size_t i = 0; i < batch_rows; ++i) {
        sql += i == 0 ? "" : ", ";
        sql += values;
      }
      m_insert_batch = std::make_unique<SQLite::Statement>(m_catalogue.db(), sql);
    }
    int first = 1;
    for (const auto& [id, row] : m_batch) {
      m_insert_batch->bind(first, id);
      bind_row(*m_insert_batch, row, first + 1);
      first += columns;
    }
    m_insert_batch->exec();
    m_insert_batch->reset();
  } else if (!m_batch.empty()) {
    // The last, partial batch: line by line, with the same ids.
    SQLite::Statement one(m_catalogue.db(), std::string(insert) + std::string(values));
    for (const auto& [id, row] : m_batch) {
      one.bind(1, id);
      bind_row(one, row, 2);
      one.exec();
      one.reset();
    }
  }
  m_batch.clear();
}

void SpendWriter::update(std::int64_t id, const SpendRow& row)
{
  const auto old = stored(id);
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
  const auto old = stored(id);
  m_delete->bind(1, id);
  m_delete->exec();
  m_delete->reset();
  add_delta(old, -1);
}

void SpendWriter::defer_reference_index()
{
  if (!m_reference_index_deferred) {
    m_catalogue.db().exec("DROP INDEX spend_reference");
    m_next_id = largest_id() + 1; // the ids SQLite would give
    m_reference_index_deferred = true;
  }
}

std::int64_t SpendWriter::largest_id()
{
  return m_catalogue.db().execAndGet("SELECT coalesce(max(id), 0) FROM spend").getInt64();
}

void SpendWriter::restore_reference_index(const DuplicateVisitor& duplicate)
{
  if (!m_reference_index_deferred) {
    return;
  }
  write_batch();
  auto& db = m_catalogue.db();
  const SortCache sort_cache(db);
  // The same definition as migrations/0005_spend_reference_index.sql.
  try {
    db.exec("CREATE UNIQUE INDEX spend_reference ON spend (engagement_id, reference)");
    m_reference_index_deferred = false;
    return;
  } catch (const SQLite::Exception& error) {
    if (error.getExtendedErrorCode() != SQLITE_CONSTRAINT_UNIQUE) {
      throw;
    }
  }
  SQLite::Statement repeats(db, "SELECT id, reference FROM ("
                                "SELECT id, reference, row_number() OVER ("
                                "PARTITION BY engagement_id, reference ORDER BY id) AS n "
                                "FROM spend WHERE reference IS NOT NULL) WHERE n > 1 ORDER BY id");
  while (repeats.executeStep()) {
    duplicate(repeats.getColumn(0).getInt64(), repeats.getColumn(1).getString());
  }
}

void SpendWriter::flush()
{
  restore_reference_index([](std::int64_t, const std::string& reference) {
    throw ValidationError(repeated_reference_message(reference));
  });
  m_deltas.for_each([this](const RollupKey& key, const RollupDelta& delta) {
    if (delta.amount != 0 || delta.lines != 0) {
      apply_delta(key, delta);
    }
  });
  m_deltas.clear();
}

// Reads the roll-up row, then writes its new state: inserted, updated, or
// deleted when no line is left (the table never holds a row of 0 lines).
void SpendWriter::apply_delta(const RollupKey& key, const RollupDelta& delta)
{
  const std::string month = key.month();
  const std::string currency = key.currency();
  auto bind_key = [&](SQLite::Statement& statement, int first) {
    statement.bind(first, key.engagement_id);
    statement.bind(first + 1, month);
    statement.bind(first + 2, currency);
  };
  bind_key(*m_rollup_select, 1);
  RollupDelta current;
  const bool exists = m_rollup_select->executeStep();
  if (exists) {
    current = {m_rollup_select->getColumn(0).getInt64(), m_rollup_select->getColumn(1).getInt64()};
  }
  m_rollup_select->reset();
  RollupDelta next{0, current.lines + delta.lines};
  if (__builtin_add_overflow(current.amount, delta.amount, &next.amount)) {
    throw ValidationError(fmt::format("amount out of range: the {} total of {} for engagement {} "
                                      "would not fit in 64 bits",
                                      currency, month, key.engagement_id));
  }
  if (next.lines <= 0) {
    if (exists) {
      bind_key(*m_rollup_delete, 1);
      m_rollup_delete->exec();
      m_rollup_delete->reset();
    }
    return;
  }
  auto& write = exists ? *m_rollup_update : *m_rollup_insert;
  write.bind(1, next.amount);
  write.bind(2, next.lines);
  bind_key(write, 3);
  write.exec();
  write.reset();
}

std::vector<EngagementKey> engagement_keys(Catalogue& catalogue)
{
  SQLite::Statement query(catalogue.db(), "SELECT id, ref, currency FROM engagement");
  std::vector<EngagementKey> keys;
  while (query.executeStep()) {
    keys.push_back(
      {query.getColumn(0).getInt64(), query.getColumn(1).getString(), query.getColumn(2).getString()});
  }
  return keys;
}

SpendLine add_spend(Catalogue& catalogue, const std::string& engagement, const std::string& date,
                    const std::string& amount, const std::optional<std::string>& currency,
                    const std::optional<std::string>& reference)
{
  const auto target = find_engagement(catalogue, engagement);
  const auto& ref_data = Reference::of(catalogue);
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
  auto amount_text = domain::format_amount(row.amount, ref_data.currency(row.currency).minor_units);
  return {id, target.ref, row.date, std::move(amount_text), row.currency, row.reference};
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
                const std::function<void(const SpendLine&)>& visit, SpendOrder order)
{
  std::string sql =
    "SELECT s.id, e.ref, s.date, s.amount, c.minor_units, s.currency, s.reference FROM spend s "
    "JOIN engagement e ON e.id = s.engagement_id JOIN currency c ON c.code = s.currency WHERE 1";
  std::vector<SqlValue> params;
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
  if (!filter.from.empty() && !filter.to.empty()) {
    domain::check_range(domain::Date::parse(filter.from), domain::Date::parse(filter.to));
  }
  SQLite::Statement query(catalogue.db(),
                          sql + (order == SpendOrder::by_date ? " ORDER BY s.date, s.id" : " ORDER BY s.id"));
  bind_all(query, params);
  SpendLine line;
  while (query.executeStep()) {
    line.id = query.getColumn(0).getInt64();
    line.engagement = query.getColumn(1).getString();
    line.date = query.getColumn(2).getString();
    line.amount = domain::format_amount(query.getColumn(3).getInt64(), query.getColumn(4).getInt());
    line.currency = query.getColumn(5).getString();
    line.reference =
      query.getColumn(6).isNull() ? std::nullopt : std::optional<std::string>(query.getColumn(6).getString());
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
