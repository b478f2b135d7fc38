#include "store/spend_rollup.hpp"

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

std::string RollupKey::month() const
{
  const auto yyyymm = month_currency >> 24;
  return fmt::format("{:04}-{:02}", yyyymm / 100, yyyymm % 100);
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

void write_rollup(Connection& connection, const RollupDeltas& deltas)
{
  Query select(
    connection,
    "SELECT amount, lines FROM spend_monthly WHERE engagement_id = ? AND month = ? AND currency = ?");
  Query insert(connection, "INSERT INTO spend_monthly (amount, lines, engagement_id, month, currency) "
                           "VALUES (?, ?, ?, ?, ?)");
  Query update(connection, "UPDATE spend_monthly SET amount = ?, lines = ? "
                           "WHERE engagement_id = ? AND month = ? AND currency = ?");
  Query remove(connection,
               "DELETE FROM spend_monthly WHERE engagement_id = ? AND month = ? AND currency = ?");
  deltas.for_each([&](const RollupKey& key, const RollupDelta& delta) {
    if (delta.amount == 0 && delta.lines == 0) {
      return;
    }
    const std::string month = key.month();
    const std::string currency = key.currency();
    auto bind_key = [&](Query& statement, int first) {
      statement.bind(first, key.engagement_id);
      statement.bind(first + 1, month);
      statement.bind(first + 2, currency);
    };
    bind_key(select, 1);
    RollupDelta current;
    const bool exists = select.next();
    if (exists) {
      current = {select.integer(0), select.integer(1)};
    }
    select.reset();
    RollupDelta next{0, current.lines + delta.lines};
    if (__builtin_add_overflow(current.amount, delta.amount, &next.amount)) {
      throw ValidationError(fmt::format("amount out of range: the {} total of {} for engagement {} "
                                        "would not fit in 64 bits",
                                        currency, month, key.engagement_id));
    }
    if (next.lines <= 0) {
      if (exists) {
        bind_key(remove, 1);
        remove.run();
      }
      return;
    }
    auto& write = exists ? update : insert;
    write.bind(1, next.amount);
    write.bind(2, next.lines);
    bind_key(write, 3);
    write.run();
  });
}

} // namespace vendorcat::store
