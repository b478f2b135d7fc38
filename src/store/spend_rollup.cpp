#include "store/spend_rollup.hpp"

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace vendorcat::store {

namespace {

constexpr std::size_t initial_slots = 1024; // a power of two

} // namespace

RollupKey RollupKey::of(std::int64_t engagement_id, std::string_view date, std::string_view currency)
{
  if (engagement_id <= 0 || engagement_id >= (std::int64_t{1} << 32)) {
    throw Error(fmt::format("engagement id {} is beyond what the roll-up can key", engagement_id));
  }
  const auto digit = [&](std::size_t i) { return static_cast<std::uint64_t>(date[i] - '0'); };
  const auto letter = [&](std::size_t i) { return static_cast<std::uint64_t>(currency[i] - 'A'); };
  const std::uint64_t year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  const std::uint64_t month = year * 12 + digit(5) * 10 + digit(6) - 1;
  const std::uint64_t letters = (letter(0) * 26 + letter(1)) * 26 + letter(2);
  return {static_cast<std::uint64_t>(engagement_id) << 32 | month << 15 | letters};
}

std::string RollupKey::currency() const
{
  const auto letters = packed & 0x7fff;
  return {static_cast<char>('A' + letters / 676), static_cast<char>('A' + letters / 26 % 26),
          static_cast<char>('A' + letters % 26)};
}

RollupDelta& RollupDeltas::operator[](const RollupKey& key)
{
  if (4 * (m_used + 1) > 3 * m_slots.size()) { // at most three quarters full
    grow();
  }
  auto& slot = m_slots[slot_of(key)];
  if (slot.key.packed == 0) {
    slot.key = key;
    ++m_used;
  }
  return slot.delta;
}

void RollupDeltas::clear()
{
  m_slots.clear();
  m_used = 0;
}

// The slot holding KEY, or the empty slot where it belongs.
std::size_t RollupDeltas::slot_of(const RollupKey& key) const
{
  std::uint64_t hash = key.packed * 0x9E3779B97F4A7C15ULL;
  hash ^= hash >> 29;
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    if (m_slots[i].key.packed == 0 || m_slots[i].key == key) {
      return i;
    }
  }
}

void RollupDeltas::grow()
{
  std::vector<Slot> old(m_slots.empty() ? initial_slots : 2 * m_slots.size());
  old.swap(m_slots);
  for (const auto& slot : old) {
    if (slot.key.packed != 0) {
      m_slots[slot_of(slot.key)] = slot;
    }
  }
}

namespace {

[[noreturn]] void throw_total_out_of_range(std::string_view currency, int month)
{
  throw ValidationError(fmt::format("amount out of range: the {} total of {} would not fit in 64 bits",
                                    currency, domain::Month::from_index(month).to_string()));
}

// The new state of a roll-up row that held CURRENT (exists) after DELTA.
RollupDelta next_state(const RollupDelta& current, const RollupDelta& delta, std::string_view currency,
                       int month)
{
  RollupDelta next{0, current.lines + delta.lines};
  if (__builtin_add_overflow(current.amount, delta.amount, &next.amount)) {
    throw_total_out_of_range(currency, month);
  }
  return next;
}

// The row SELECT (bound to a key) finds: its amount and lines, if any.
std::optional<RollupDelta> stored_state(Query& select)
{
  std::optional<RollupDelta> state;
  if (select.next()) {
    state = RollupDelta{select.integer(0), select.integer(1)};
  }
  select.reset();
  return state;
}

// A roll-up level's statements on one row by its key (amount and lines
// first for insert and update, then the key's parameters).
struct CellStatements
{
  Query& select;
  Query& insert;
  Query& update;
  Query& remove;
};

// Applies DELTA to the row BIND_KEY(statement, first parameter) addresses:
// read, then removed when no line is left, else updated or inserted.
template<typename BindKey>
void apply_delta(const CellStatements& cell, const BindKey& bind_key, const RollupDelta& delta,
                 std::string_view currency, int month)
{
  bind_key(cell.select, 1);
  const auto stored = stored_state(cell.select);
  const auto next = next_state(stored.value_or(RollupDelta{}), delta, currency, month);
  if (next.lines <= 0) {
    if (stored) {
      bind_key(cell.remove, 1);
      cell.remove.run();
    }
    return;
  }
  auto& statement = stored ? cell.update : cell.insert;
  statement.bind(1, next.amount);
  statement.bind(2, next.lines);
  bind_key(statement, 3);
  statement.run();
}

} // namespace

RollupWriter::RollupWriter(Connection& connection)
  : m_connection(connection),
    m_monthly_select(
      connection,
      "SELECT amount, lines FROM spend_monthly WHERE engagement_id = ? AND month = ? AND currency = ?"),
    m_monthly_insert(connection, "INSERT INTO spend_monthly (amount, lines, engagement_id, month, currency) "
                                 "VALUES (?, ?, ?, ?, ?)"),
    m_monthly_update(connection, "UPDATE spend_monthly SET amount = ?, lines = ? "
                                 "WHERE engagement_id = ? AND month = ? AND currency = ?"),
    m_monthly_delete(connection,
                     "DELETE FROM spend_monthly WHERE engagement_id = ? AND month = ? AND currency = ?"),
    m_monthly_upsert(connection, "INSERT INTO spend_monthly (amount, lines, engagement_id, month, currency) "
                                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (engagement_id, month, currency) "
                                 "DO UPDATE SET amount = spend_monthly.amount + excluded.amount, lines = "
                                 "spend_monthly.lines + excluded.lines"),
    m_class_of(connection, "SELECT type, delivery_model FROM engagement WHERE id = ?")
{
}

const EngagementClass& RollupWriter::class_of(std::int64_t engagement_id)
{
  auto it = m_classes.find(engagement_id);
  if (it == m_classes.end()) {
    m_class_of.bind(1, engagement_id);
    if (!m_class_of.next()) {
      throw DatabaseError(fmt::format("spend refers to engagement {}, which does not exist", engagement_id));
    }
    EngagementClass found{domain::parse_outsourcing_type(m_class_of.text_view(0)),
                          domain::parse_delivery_model(m_class_of.text_view(1))};
    m_class_of.reset();
    it = m_classes.emplace(engagement_id, found).first;
  }
  return it->second;
}

void RollupWriter::load_classes(const std::vector<std::pair<RollupKey, RollupDelta>>& ordered)
{
  // Many engagements not yet known (a bulk load): every engagement's class
  // in one query instead of one query each.
  constexpr std::size_t one_by_one = 256;
  std::size_t unknown = 0;
  std::int64_t last = 0;
  for (const auto& entry : ordered) {
    const auto id = entry.first.engagement_id();
    if (id != last && !m_classes.contains(id) && ++unknown > one_by_one) {
      break;
    }
    last = id;
  }
  if (unknown <= one_by_one) {
    return;
  }
  Query all(m_connection, "SELECT id, type, delivery_model FROM engagement");
  while (all.next()) {
    m_classes.insert_or_assign(all.integer(0),
                               EngagementClass{domain::parse_outsourcing_type(all.text_view(1)),
                                               domain::parse_delivery_model(all.text_view(2))});
  }
}

void RollupWriter::write(const RollupDeltas& deltas)
{
  // In key order, so that the table's pages are visited once each and in
  // turn; a delta that only adds lines is one upsert, one that removes some
  // is read first (its row may go).
  std::vector<std::pair<RollupKey, RollupDelta>> ordered;
  ordered.reserve(deltas.size());
  deltas.for_each([&](const RollupKey& key, const RollupDelta& delta) {
    if (delta.amount != 0 || delta.lines != 0) {
      ordered.emplace_back(key, delta);
    }
  });
  std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  load_classes(ordered);
  ClassDeltas classes;
  std::string currency;
  std::vector<std::pair<RollupKey, RollupDelta>> adding; // the next upsert's rows
  adding.reserve(upsert_rows);
  for (const auto& entry : ordered) { // not a structured binding: a lambda captures it
    const RollupKey& key = entry.first;
    const RollupDelta& delta = entry.second;
    const int month = key.month();
    currency = key.currency();
    auto bind_key = [&](Query& statement, int first) {
      statement.bind(first, key.engagement_id());
      statement.bind(first + 1, month);
      statement.bind_view(first + 2, currency);
    };
    if (delta.lines > 0) {
      adding.emplace_back(key, delta);
      if (adding.size() == upsert_rows) {
        add_all(adding);
      }
    } else {
      apply_delta({m_monthly_select, m_monthly_insert, m_monthly_update, m_monthly_delete}, bind_key, delta,
                  currency, month);
    }
    const auto& engagement = class_of(key.engagement_id());
    auto& total = classes[{month, currency, engagement.type, engagement.model}];
    if (__builtin_add_overflow(total.amount, delta.amount, &total.amount)) {
      throw_total_out_of_range(currency, month);
    }
    total.lines += delta.lines;
  }
  add_all(adding);
  write(classes);
}

void RollupWriter::add_all(std::vector<std::pair<RollupKey, RollupDelta>>& rows)
{
  const bool full = rows.size() == upsert_rows;
  if (full && !m_monthly_upsert_batch) {
    std::string sql = "INSERT INTO spend_monthly (amount, lines, engagement_id, month, currency) VALUES ";
    for (std::size_t i = 0; i < upsert_rows; ++i) {
      sql += i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)";
    }
    sql += " ON CONFLICT (engagement_id, month, currency) "
           "DO UPDATE SET amount = spend_monthly.amount + excluded.amount, lines = spend_monthly.lines + "
           "excluded.lines";
    m_monthly_upsert_batch.emplace(m_connection, sql);
  }
  auto& statement = full ? *m_monthly_upsert_batch : m_monthly_upsert;
  int first = 1;
  for (const auto& [key, delta] : rows) {
    statement.bind(first, delta.amount);
    statement.bind(first + 1, delta.lines);
    statement.bind(first + 2, key.engagement_id());
    statement.bind(first + 3, key.month());
    statement.bind(first + 4, key.currency());
    if (!full) {
      run_adding(statement, {{key, delta}});
    } else {
      first += 5;
    }
  }
  if (full) {
    run_adding(statement, rows);
  }
  rows.clear();
}

void RollupWriter::run_adding(Query& statement, const std::vector<std::pair<RollupKey, RollupDelta>>& rows)
{
  try {
    statement.run();
  } catch (const SqlError&) {
    // SQLite turns a sum beyond 64 bits into a REAL, which the STRICT table
    // refuses, and the statement is undone. The rows again one by one, with
    // the overflow check of a single write, name the total that overflowed.
    for (const auto& [key, delta] : rows) {
      const int month = key.month();
      const std::string currency = key.currency();
      m_monthly_select.bind(1, key.engagement_id()).bind(2, month).bind(3, currency);
      const auto stored = stored_state(m_monthly_select);
      next_state(stored.value_or(RollupDelta{}), delta, currency, month); // throws for the overflow
    }
    throw; // not an overflow
  }
}

void RollupWriter::move(std::int64_t engagement_id, const EngagementClass& from, const EngagementClass& to)
{
  m_classes.erase(engagement_id);
  if (from == to) {
    return;
  }
  ClassDeltas classes;
  Query spend(m_connection,
              "SELECT month, currency, amount, lines FROM spend_monthly WHERE engagement_id = ?",
              engagement_id);
  while (spend.next()) {
    const auto month = static_cast<int>(spend.integer(0));
    const auto currency = spend.text(1);
    const RollupDelta delta{spend.integer(2), spend.integer(3)};
    auto& out = classes[{month, currency, from.type, from.model}];
    out.amount -= delta.amount;
    out.lines -= delta.lines;
    auto& in = classes[{month, currency, to.type, to.model}];
    in.amount += delta.amount;
    in.lines += delta.lines;
  }
  write(classes);
}

void RollupWriter::write(const ClassDeltas& deltas)
{
  if (deltas.empty()) {
    return;
  }
  Query select(m_connection, "SELECT amount, lines FROM spend_by_class "
                             "WHERE month = ? AND currency = ? AND type = ? AND delivery_model = ?");
  Query insert(m_connection,
               "INSERT INTO spend_by_class (amount, lines, month, currency, type, delivery_model) "
               "VALUES (?, ?, ?, ?, ?, ?)");
  Query update(m_connection, "UPDATE spend_by_class SET amount = ?, lines = ? "
                             "WHERE month = ? AND currency = ? AND type = ? AND delivery_model = ?");
  Query remove(m_connection, "DELETE FROM spend_by_class "
                             "WHERE month = ? AND currency = ? AND type = ? AND delivery_model = ?");
  for (const auto& entry : deltas) { // not a structured binding: a lambda captures it
    const ClassKey& key = entry.first;
    const RollupDelta& delta = entry.second;
    if (delta.amount == 0 && delta.lines == 0) {
      continue;
    }
    const int month = std::get<0>(key);
    const std::string& currency = std::get<1>(key);
    auto bind_key = [&key](Query& statement, int first) {
      statement.bind(first, std::get<0>(key));
      statement.bind(first + 1, std::get<1>(key));
      statement.bind(first + 2, domain::to_string(std::get<2>(key)));
      statement.bind(first + 3, domain::to_string(std::get<3>(key)));
    };
    apply_delta({select, insert, update, remove}, bind_key, delta, currency, month);
  }
}

} // namespace vendorcat::store
