#pragma once

// The roll-up and the changes a batch of spend writes causes to it. The
// roll-up has two levels: spend_monthly (engagement x month x currency: sum
// and line count) and spend_by_class (month x currency x type x delivery
// model), the dimensions every report uses. Changes are keyed by engagement,
// month and currency and held in memory until SpendWriter writes them with a
// RollupWriter, which carries them to both levels.

#include "domain/classification.hpp"
#include "store/sql.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace vendorcat::store {

// A roll-up row's key packed into one word, so that the lookup per imported
// line stays cheap and keys sort as the table does: the engagement id (below
// 2^32) in the high half, then the month index (17 bits) and the currency's
// three letters as a base-26 number (15 bits). 0 is no key.
struct RollupKey
{
  std::uint64_t packed = 0;

  // DATE is YYYY-MM-DD and CURRENCY three capital letters (both checked);
  // throws Error for an engagement id of 2^32 or more.
  static RollupKey of(std::int64_t engagement_id, std::string_view date, std::string_view currency);
  std::int64_t engagement_id() const { return static_cast<std::int64_t>(packed >> 32); }
  int month() const { return static_cast<int>(packed >> 15 & 0x1ffff); } // as domain::Month::index()
  std::string currency() const;                                          // e.g. EUR
  auto operator<=>(const RollupKey&) const = default;
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
      if (slot.key.packed != 0) {
        visit(slot.key, slot.delta);
      }
    }
  }

  void clear();

  // How many keys there are.
  std::size_t size() const { return m_used; }

private:
  struct Slot
  {
    RollupKey key; // 0: empty
    RollupDelta delta;
  };

  std::size_t slot_of(const RollupKey& key) const;
  void grow();

  std::vector<Slot> m_slots;
  std::size_t m_used = 0;
};

// What spend_by_class groups an engagement's spend under.
struct EngagementClass
{
  domain::OutsourcingType type = domain::OutsourcingType::bpo;
  domain::DeliveryModel model = domain::DeliveryModel::onshore;

  bool operator==(const EngagementClass&) const = default;
};

// Writes roll-up changes in the caller's transaction, with statements
// prepared once. A row is read, then inserted, updated, or deleted when no
// line is left (the tables never hold a row of 0 lines). Throws
// ValidationError when a total would not fit in 64 bits.
class RollupWriter
{
public:
  explicit RollupWriter(Connection& connection);

  // Applies DELTAS to spend_monthly, and to spend_by_class through each
  // engagement's current type and delivery model.
  void write(const RollupDeltas& deltas);

  // Moves the spend of ENGAGEMENT_ID from FROM to TO in spend_by_class,
  // after a change of its type or delivery model.
  void move(std::int64_t engagement_id, const EngagementClass& from, const EngagementClass& to);

private:
  using ClassKey = std::tuple<int, std::string, domain::OutsourcingType, domain::DeliveryModel>;
  using ClassDeltas = std::map<ClassKey, RollupDelta>;

  // Rows upserted by one statement (fewer statement runs for a large load).
  static constexpr std::size_t upsert_rows = 64;

  const EngagementClass& class_of(std::int64_t engagement_id);
  // Reads the classes of all engagements at once when ORDERED (by
  // engagement) names many that are not known yet.
  void load_classes(const std::vector<std::pair<RollupKey, RollupDelta>>& ordered);
  // Adds ROWS (each only adds lines) to spend_monthly, and empties ROWS.
  void add_all(std::vector<std::pair<RollupKey, RollupDelta>>& rows);
  // Runs STATEMENT, an upsert adding ROWS; a total beyond 64 bits is
  // reported as the amount out of range it is.
  void run_adding(Query& statement, const std::vector<std::pair<RollupKey, RollupDelta>>& rows);
  void write(const ClassDeltas& deltas);

  Connection& m_connection;
  Query m_monthly_select;
  Query m_monthly_insert;
  Query m_monthly_update;
  Query m_monthly_delete;
  Query m_monthly_upsert;
  std::optional<Query> m_monthly_upsert_batch;
  Query m_class_of;
  std::unordered_map<std::int64_t, EngagementClass> m_classes;
};

} // namespace vendorcat::store
