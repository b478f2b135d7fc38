#pragma once

// `report renewals` and `report concentration`.

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "domain/renewal.hpp"
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
  domain::Date end_date;                       // as stored
  std::optional<domain::Date> notice_deadline; // the current term's end minus notice days
  std::int64_t days_left = 0; // to the notice deadline while notice is due, else to the term's end
  bool auto_renew = false;
  std::optional<domain::Amount> value;
  std::string currency;
  domain::RenewalState state = domain::RenewalState::ending;
  domain::Date term_end; // the current term's end: end_date unless rolled forward
};

// Planned and active engagements whose current term's notice deadline or
// end falls within WITHIN days of ON (default today), soonest first; an
// auto-renewing engagement's term is rolled forward (domain::current_term).
// Throws ValidationError for a negative window or a bad date.
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
