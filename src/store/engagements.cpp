#include "store/engagements.hpp"

#include "domain/amount.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace vendorcat::store {

EngagementSummary provider_engagement_summary(Catalogue& catalogue, std::int64_t provider_id)
{
  EngagementSummary summary;
  SQLite::Statement count(catalogue.db(), "SELECT count(*) FROM engagement WHERE provider_id = ?");
  count.bind(1, provider_id);
  count.executeStep();
  summary.count = count.getColumn(0).getInt64();
  SQLite::Statement totals(catalogue.db(),
                           "SELECT e.currency, c.minor_units, sum(e.value) FROM engagement e "
                           "JOIN currency c ON c.code = e.currency "
                           "WHERE e.provider_id = ? AND e.value IS NOT NULL "
                           "GROUP BY e.currency ORDER BY e.currency");
  totals.bind(1, provider_id);
  while (totals.executeStep()) {
    summary.value += fmt::format("{}{} {}", summary.value.empty() ? "" : "; ",
                                 totals.getColumn(0).getString(),
                                 domain::format_amount(totals.getColumn(2).getInt64(),
                                                       totals.getColumn(1).getInt()));
  }
  return summary;
}

} // namespace vendorcat::store
