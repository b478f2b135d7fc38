#pragma once

// The roll-up changes a batch of spend writes causes, keyed by engagement,
// month and currency, held in memory until SpendWriter::flush() writes them
// with write_rollup().

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

// A roll-up row's key, packed into two words so that the lookup per imported
// line stays cheap.
struct RollupKey
{
  std::int64_t engagement_id = 0;
  std::uint64_t month_currency = 0; // YYYYMM << 24 | the currency's three letters

  // DATE is YYYY-MM-DD and CURRENCY three capital letters (both checked).
  static RollupKey of(std::int64_t engagement_id, std::string_view date, std::string_view currency);
  std::string month() const;    // YYYY-MM
  std::string currency() const; // e.g. EUR
  bool operator==(const RollupKey&) const = default;
};

struct RollupDelta
{
  std::int64_t amount = 0;
  std::int64_t lines = 0;
};

// Deltas by key in one flat array (open addressing, linear probing, at most
// half full): a lookup per imported line costs one cache miss, where
// std::unordered_map's chained nodes cost three (measured: it was 7% of a
// one-million-line import).
class RollupDeltas
{
public:
  // The delta of KEY, zero when new.
  RollupDelta& operator[](const RollupKey& key);

  template<typename Visit>
  void for_each(Visit visit) const
  {
    for (const auto& slot : m_slots) {
      if (slot.key.month_currency != 0) {
        visit(slot.key, slot.delta);
      }
    }
  }

  void clear();

private:
  struct Slot
  {
    RollupKey key; // month_currency 0: empty (no month packs to 0)
    RollupDelta delta;
  };

  std::size_t slot_of(const RollupKey& key) const;
  void grow();

  std::vector<Slot> m_slots;
  std::size_t m_used = 0;
};

class Connection;

// Applies DELTAS to the roll-up table (spend_monthly) in the caller's
// transaction: each row is read, then inserted, updated or deleted when no
// line is left (the table never holds a row of 0 lines). Throws
// ValidationError when a total would not fit in 64 bits.
void write_rollup(Connection& connection, const RollupDeltas& deltas);

} // namespace vendorcat::store
