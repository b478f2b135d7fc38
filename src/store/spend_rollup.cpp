#include "store/spend_rollup.hpp"

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

namespace {

constexpr std::size_t initial_slots = 1024; // a power of two

} // namespace

RollupKey RollupKey::of(std::int64_t engagement_id, std::string_view date, std::string_view currency)
{
  const auto digit = [&](std::size_t i) { return static_cast<std::uint64_t>(date[i] - '0'); };
  const auto letter = [&](std::size_t i) {
    return static_cast<std::uint64_t>(static_cast<unsigned char>(currency[i]));
  };
  const std::uint64_t yyyymm =
    digit(0) * 100'000 + digit(1) * 10'000 + digit(2) * 1000 + digit(3) * 100 + digit(5) * 10 + digit(6);
  return {engagement_id, yyyymm << 24 | letter(0) << 16 | letter(1) << 8 | letter(2)};
}

int RollupKey::month() const
{
  const auto yyyymm = static_cast<int>(month_currency >> 24);
  return yyyymm / 100 * 12 + yyyymm % 100 - 1;
}

std::string RollupKey::currency() const
{
  return {static_cast<char>(month_currency >> 16 & 0xff), static_cast<char>(month_currency >> 8 & 0xff),
          static_cast<char>(month_currency & 0xff)};
}

RollupDelta& RollupDeltas::operator[](const RollupKey& key)
{
  if (2 * (m_used + 1) > m_slots.size()) {
    grow();
  }
  auto& slot = m_slots[slot_of(key)];
  if (slot.key.month_currency == 0) {
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
  std::uint64_t hash = static_cast<std::uint64_t>(key.engagement_id) * 0x9E3779B97F4A7C15ULL ^
                       key.month_currency * 0xC2B2AE3D27D4EB4FULL;
  hash ^= hash >> 32;
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    if (m_slots[i].key.month_currency == 0 || m_slots[i].key == key) {
      return i;
    }
  }
}

void RollupDeltas::grow()
{
  std::vector<Slot> old(m_slots.empty() ? initial_slots : 2 * m_slots.size());
  old.swap(m_slots);
  for (const auto& slot : old) {
    if (slot.key.month_currency != 0) {
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

void RollupWriter::write(const RollupDeltas& deltas)
{
  ClassDeltas classes;
  deltas.for_each([&](const RollupKey& key, const RollupDelta& delta) {
    if (delta.amount == 0 && delta.lines == 0) {
      return;
    }
    const int month = key.month();
    const std::string currency = key.currency();
    auto bind_key = [&](Query& statement, int first) {
      statement.bind(first, key.engagement_id);
      statement.bind(first + 1, month);
      statement.bind(first + 2, currency);
    };
    bind_key(m_monthly_select, 1);
    RollupDelta current;
    const bool exists = m_monthly_select.next();
    if (exists) {
      current = {m_monthly_select.integer(0), m_monthly_select.integer(1)};
    }
    m_monthly_select.reset();
    const auto next = next_state(current, delta, currency, month);
    if (next.lines <= 0) {
      if (exists) {
        bind_key(m_monthly_delete, 1);
        m_monthly_delete.run();
      }
    } else {
      auto& statement = exists ? m_monthly_update : m_monthly_insert;
      statement.bind(1, next.amount);
      statement.bind(2, next.lines);
      bind_key(statement, 3);
      statement.run();
    }
    const auto& engagement = class_of(key.engagement_id);
    auto& total = classes[{month, currency, engagement.type, engagement.model}];
    if (__builtin_add_overflow(total.amount, delta.amount, &total.amount)) {
      throw_total_out_of_range(currency, month);
    }
    total.lines += delta.lines;
  });
  write(classes);
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
  for (const auto& [key, delta] : deltas) {
    if (delta.amount == 0 && delta.lines == 0) {
      continue;
    }
    const auto& [month, currency, type, model] = key;
    auto bind_key = [&](Query& statement, int first) {
      statement.bind(first, month);
      statement.bind(first + 1, currency);
      statement.bind(first + 2, domain::to_string(type));
      statement.bind(first + 3, domain::to_string(model));
    };
    bind_key(select, 1);
    RollupDelta current;
    const bool exists = select.next();
    if (exists) {
      current = {select.integer(0), select.integer(1)};
    }
    select.reset();
    const auto next = next_state(current, delta, currency, month);
    if (next.lines <= 0) {
      if (exists) {
        bind_key(remove, 1);
        remove.run();
      }
      continue;
    }
    auto& statement = exists ? update : insert;
    statement.bind(1, next.amount);
    statement.bind(2, next.lines);
    bind_key(statement, 3);
    statement.run();
  }
}

} // namespace vendorcat::store
