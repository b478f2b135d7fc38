#pragma once

// The dimension values of every engagement a report query keeps (its
// provider and service filters), read once so that the roll-up's rows and
// the volumes need no join, no subquery and no sort, and, when the query
// asks for a volume unit, the months of each engagement that count (those
// with a volume in that unit). For store/ only: reports see the rows.

#include "store/catalogue.hpp"
#include "store/spend_rows.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace vendorcat::store {

class EngagementValues
{
public:
  // Reads the values of QUERY's dimensions for each engagement it keeps, and
  // the volume months when QUERY has a volume unit.
  EngagementValues(Catalogue& catalogue, const SpendQuery& query);

  // Sets DIMENSIONS (one per query dimension) to ENGAGEMENT_ID's values;
  // false when the query leaves that engagement out.
  bool fill(std::int64_t engagement_id, std::vector<std::string_view>& dimensions) const;

  // True when MONTH (a domain::Month index) of ENGAGEMENT_ID counts: always
  // without a volume unit, else when the engagement has a volume in that
  // unit that month.
  bool counts(std::int64_t engagement_id, int month) const;

private:
  std::size_t m_count;
  std::unordered_map<std::int64_t, std::size_t> m_slot;
  std::vector<std::string> m_values; // m_count per engagement, by slot
  bool m_by_volume = false;
  std::unordered_set<std::uint64_t> m_volume_months; // engagement id << 32 | month index
};

} // namespace vendorcat::store
