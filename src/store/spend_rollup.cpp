#include "store/spend_rollup.hpp"

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

} // namespace vendorcat::store
