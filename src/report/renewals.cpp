#include "report/renewals.hpp"

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "store/engagements.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace vendorcat::report {

std::vector<Renewal> compute_renewals(store::Catalogue& catalogue, int within,
                                      const std::optional<std::string>& on)
{
  if (within < 0) {
    throw ValidationError(fmt::format("invalid --within {}: give a number of days, 0 or more", within));
  }
  const auto today = on ? domain::Date::parse(*on) : domain::Date::today();
  const auto until = today.add_days(within);
  std::vector<Renewal> renewals;
  store::each_engagement(catalogue, {}, [&](const store::Engagement& engagement) {
    if (engagement.status != "planned" && engagement.status != "active") {
      return;
    }
    const auto term = domain::current_term(
      {engagement.end_date, engagement.notice_days, engagement.auto_renew, engagement.renewal_months}, today);
    if (!term || term->state == domain::RenewalState::ended) {
      return;
    }
    const auto in_window = [&](const domain::Date& date) { return date >= today && date <= until; };
    if (!in_window(term->end) && !(term->notice_deadline && in_window(*term->notice_deadline))) {
      return;
    }
    Renewal renewal;
    renewal.ref = engagement.ref;
    renewal.provider = engagement.provider;
    renewal.end_date = *engagement.end_date;
    renewal.notice_deadline = term->notice_deadline;
    renewal.days_left = domain::days_left(*term, today);
    renewal.auto_renew = engagement.auto_renew;
    renewal.value = engagement.value;
    renewal.currency = engagement.currency;
    renewal.state = term->state;
    renewal.term_end = term->end;
    renewals.push_back(std::move(renewal));
  });
  std::stable_sort(renewals.begin(), renewals.end(), [](const Renewal& a, const Renewal& b) {
    return std::tie(a.days_left, a.ref) < std::tie(b.days_left, b.ref);
  });
  return renewals;
}

table::Table renewals_table(const std::vector<Renewal>& renewals)
{
  table::Table table{{{"ref"},
                      {"provider"},
                      {"end_date"},
                      {"notice_deadline"},
                      {"days_left", table::Align::right},
                      {"auto_renew"},
                      {"value", table::Align::right},
                      {"currency"},
                      {"state"},
                      {"term_end"}},
                     {}};
  for (const auto& r : renewals) {
    table.add_row({r.ref, r.provider, r.end_date.to_string(),
                   r.notice_deadline ? table::Value(r.notice_deadline->to_string()) : table::Value(),
                   r.days_left, r.auto_renew, r.value ? table::Value(r.value->to_string()) : table::Value(),
                   r.currency, std::string(domain::to_string(r.state)), r.term_end.to_string()});
  }
  return table;
}

Concentration compute_concentration(store::Catalogue& catalogue, const ConcentrationOptions& options)
{
  if (options.by != store::SpendDimension::provider && options.by != store::SpendDimension::country) {
    throw ValidationError("concentration is by provider or by country");
  }
  if (options.top < 1) {
    throw ValidationError(fmt::format("invalid --top {}: give 1 or more", options.top));
  }
  SpendReportOptions spend;
  spend.by = {options.by};
  spend.period = domain::Granularity::all;
  spend.from = options.from;
  spend.to = options.to;
  spend.currency = options.currency;
  auto report = compute_spend_report(catalogue, spend);
  std::stable_sort(report.rows.begin(), report.rows.end(),
                   [](const auto& a, const auto& b) { return a.amount > b.amount; });
  const std::int64_t total = report.period_totals.empty() ? 0 : report.period_totals.begin()->second;
  Concentration result;
  result.by = std::string(store::to_string(options.by));
  result.currency = report.currency;
  result.total = domain::format_amount(total, report.digits);
  result.shares.columns = {{"rank", table::Align::right},
                           {result.by},
                           {"amount", table::Align::right},
                           {"currency"},
                           {"share", table::Align::right}};
  std::int64_t rest = 0;
  std::size_t rest_count = 0;
  const auto share_of = [&](std::int64_t amount) {
    return total == 0 ? 0.0 : static_cast<double>(amount) / static_cast<double>(total);
  };
  for (std::size_t i = 0; i < report.rows.size(); ++i) {
    const auto& row = report.rows[i];
    const double share = share_of(row.amount);
    result.hhi += (share * 100.0) * (share * 100.0);
    if (i < static_cast<std::size_t>(options.top)) {
      result.shares.add_row({static_cast<std::int64_t>(i + 1), row.dimensions[0],
                             domain::format_amount(row.amount, report.digits), report.currency, share});
    } else {
      rest += row.amount;
      ++rest_count;
    }
  }
  if (rest_count > 0) {
    result.shares.add_row({table::Value(), fmt::format("(rest: {})", rest_count),
                           domain::format_amount(rest, report.digits), report.currency, share_of(rest)});
  }
  result.hhi = std::round(result.hhi * 10.0) / 10.0;
  return result;
}

Record concentration_record(const Concentration& concentration)
{
  Record record;
  record.fields = {{"by", concentration.by},
                   {"currency", concentration.currency},
                   {"total", concentration.total},
                   {"hhi", concentration.hhi}};
  record.notes.push_back("hhi: the Herfindahl-Hirschman index, the sum of squared percentage shares "
                         "(below 1500 unconcentrated, above 2500 highly concentrated)");
  record.sections.emplace_back("shares", concentration.shares);
  return record;
}

} // namespace vendorcat::report
