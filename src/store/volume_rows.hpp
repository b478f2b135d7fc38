#pragma once

// The volumes the unit-cost report sets against spend: one row per volume
// in the query's unit, with the dimension values of its engagement, as the
// spend rows (spend_rows.hpp) carry them.

#include "domain/date.hpp"
#include "store/catalogue.hpp"
#include "store/spend_rows.hpp"

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace vendorcat::store {

// One visited row; its texts are valid only during the visit.
struct MonthlyVolume
{
  domain::Month month;
  std::vector<std::string_view> dimensions; // one value per SpendQuery::by; "(none)" when empty
  std::int64_t quantity = 0;                // thousandths
};

// Calls VISIT for each volume in QUERY's volume unit, of the engagements its
// provider and service filters keep, in the months its range touches (a
// month cut by the range counts whole). Throws Error (a programming error)
// when QUERY has no volume unit.
void each_monthly_volume(Catalogue& catalogue, const SpendQuery& query,
                         const std::function<void(const MonthlyVolume&)>& visit);

} // namespace vendorcat::store
