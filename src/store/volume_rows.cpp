// Reading volumes for the unit-cost report: the volume table filtered by
// unit and month (its index), each row given its engagement's dimension
// values from the same EngagementValues the spend rows use.

#include "store/volume_rows.hpp"

#include "domain/errors.hpp"
#include "domain/quantity.hpp"
#include "store/engagement_values.hpp"
#include "store/sql.hpp"

namespace vendorcat::store {

void each_monthly_volume(Catalogue& catalogue, const SpendQuery& query,
                         const std::function<void(const MonthlyVolume&)>& visit)
{
  if (!query.volume_unit) {
    throw Error("volumes are read in one unit: the query has none");
  }
  const auto first = query.from ? domain::Month::of(*query.from) : domain::Month(domain::Date::min_year, 1);
  const auto last = query.to ? domain::Month::of(*query.to) : domain::Month(domain::Date::max_year, 12);
  if (last < first) {
    return;
  }
  auto kept = query; // the engagements and their values; every month of a volume counts
  kept.volume_unit.reset();
  const EngagementValues values(catalogue, kept);
  Query statement(
    connection(catalogue),
    "SELECT engagement_id, month, quantity FROM volume WHERE unit = ? AND month BETWEEN ? AND ?",
    domain::to_string(*query.volume_unit), first.to_string(), last.to_string());
  MonthlyVolume row;
  row.dimensions.resize(query.by.size());
  while (statement.next()) {
    if (!values.fill(statement.integer(0), row.dimensions)) {
      continue;
    }
    row.month = domain::Month::parse(statement.text_view(1));
    row.quantity = statement.integer(2);
    visit(row);
  }
}

} // namespace vendorcat::store
