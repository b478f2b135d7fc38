#pragma once

// The rows spend reports read: sums per month, currency and the chosen
// dimensions, from the monthly roll-up for whole months and from the raw
// lines only for the partial months at the edges of a date range.

#include "domain/date.hpp"
#include "domain/quantity.hpp"
#include "store/catalogue.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

enum class SpendDimension
{
  type,
  model,
  provider,
  service,
  country,
  region,
  unit,
  engagement, // the engagement's ref: for per-engagement figures (report consumption, provider show), not a
              // --by choice
};

// The dimension named TEXT (any but engagement); throws ValidationError
// listing the dimensions.
SpendDimension parse_dimension(std::string_view text);
std::string_view to_string(SpendDimension dimension);

struct SpendQuery
{
  std::vector<SpendDimension> by;
  std::optional<domain::Date> from; // inclusive
  std::optional<domain::Date> to;   // inclusive
  std::optional<std::int64_t> provider_id;
  std::optional<std::int64_t> service_id;
  // Only the months of each engagement that have a volume in this unit
  // (report unit-cost).
  std::optional<domain::VolumeUnit> volume_unit;
};

// One visited row; its texts are valid only during the visit.
struct MonthlySpend
{
  domain::Month month;
  std::string_view currency;
  std::vector<std::string_view> dimensions; // one value per SpendQuery::by; "(none)" when empty
  std::int64_t amount = 0;                  // minor units of currency
  std::int64_t lines = 0;
};

// Calls VISIT for each (month, currency, dimension values) with spend in the
// query's range; a key may be visited many times (a row per engagement, and
// the lines of cut months), and the caller adds them up.
void each_monthly_spend(Catalogue& catalogue, const SpendQuery& query,
                        const std::function<void(const MonthlySpend&)>& visit);

} // namespace vendorcat::store
