#pragma once

// `report renewals` and `report concentration`.

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "report/record.hpp"
#include "report/spend_report.hpp"
#include "store/catalogue.hpp"
#include "table/table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::report {

struct Renewal
{
  std::string ref;
  std::string provider;
  domain::Date end_date;
  std::optional<domain::Date> notice_deadline; // end date minus notice days
  std::int64_t days_left = 0; // to the notice deadline while it is ahead, else to the end date
  bool auto_renew = false;
  std::optional<domain::Amount> value;
  std::string currency;
};

// Planned and active engagements whose end date or notice deadline falls
// within WITHIN days of ON (default today), soonest first. Throws
// ValidationError for a negative window or a bad date.
std::vector<Renewal> compute_renewals(store::Catalogue& catalogue, int within,
                                      const std::optional<std::string>& on);

table::Table renewals_table(const std::vector<Renewal>& renewals);

struct ConcentrationOptions
{
  store::SpendDimension by = store::SpendDimension::provider; // provider or country
  int top = 10;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string currency;
};

struct Concentration
{
  std::string by;
  std::string currency;
  std::string total;
  double hhi = 0;      // Herfindahl-Hirschman index: sum of squared percentage shares, 0..10000
  table::Table shares; // the top N by spend, then "(rest)"
};

// Each provider's (or country's) share of spend over the range and the HHI of
// all of them. Throws ValidationError like compute_spend_report.
Concentration compute_concentration(store::Catalogue& catalogue, const ConcentrationOptions& options);

// The concentration as a record: by, currency, total, hhi and the shares.
Record concentration_record(const Concentration& concentration);

} // namespace vendorcat::report
