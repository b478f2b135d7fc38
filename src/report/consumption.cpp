// Computing `report consumption`. Each engagement's spend comes from the
// monthly roll-up (the lines of D's own month up to D), converted into the
// engagement's currency by the one Converter of the spend reports; spent and
// the run rate are each rounded once from their exact sums. The run-out
// date is computed in integers from the printed remaining and run rate:
// 30.4375 days a month is 304375 / 10000.

#include "report/consumption.hpp"

#include "domain/errors.hpp"
#include "domain/rounding.hpp"
#include "report/convert.hpp"
#include "store/engagements.hpp"
#include "store/providers.hpp"
#include "store/spend_rows.hpp"

#include <fmt/format.h>

#include <map>

namespace vendorcat::report {

namespace {

// One engagement on its way to a row.
struct Entry
{
  Consumption row;
  ConvertedSum spent;
  ConvertedSum recent; // the three whole months before ON's month
};

// ON plus floor(REMAINING / RUN_RATE x 30.4375) days; nullopt when the run
// rate is not positive, nothing remains, or the date would fall after
// 9999-12-31 (the value then outlasts any end date).
std::optional<domain::Date> run_out(const domain::Date& on, std::int64_t remaining, std::int64_t run_rate)
{
  if (run_rate <= 0 || remaining <= 0) {
    return std::nullopt;
  }
  const domain::Int128 days = domain::Int128{remaining} * 304375 / (domain::Int128{run_rate} * 10000);
  const int room = domain::Date(domain::Date::max_year, 12, 31).days_since_epoch() - on.days_since_epoch();
  if (days > room) {
    return std::nullopt;
  }
  return on.add_days(static_cast<int>(days));
}

std::string status_of(const Consumption& row)
{
  if (row.spent > row.value.minor) {
    return "over";
  }
  if (row.run_out_date && row.end_date && *row.run_out_date < *row.end_date) {
    return "at-risk";
  }
  return "ok";
}

} // namespace

std::vector<Consumption> compute_consumption(store::Catalogue& catalogue, const ConsumptionOptions& options)
{
  if (!options.status.empty() && options.status != "ok" && options.status != "at-risk" &&
      options.status != "over") {
    throw ValidationError(fmt::format("invalid --status '{}': expected ok, at-risk or over", options.status));
  }
  const auto on = options.on ? domain::Date::parse(*options.on) : domain::Date::today();
  const int month = domain::Month::of(on).index();
  store::SpendQuery query;
  query.by = {store::SpendDimension::engagement};
  query.to = on;
  store::EngagementFilter filter;
  if (!options.provider.empty()) {
    query.provider_id = store::find_provider(catalogue, options.provider).id;
    filter.provider = options.provider;
  }

  std::vector<Entry> entries;
  std::map<std::string, std::size_t, std::less<>> entry_of; // by ref
  store::each_engagement(catalogue, filter, [&](const store::Engagement& engagement) {
    if (!engagement.value) {
      return;
    }
    Entry entry;
    entry.row.ref = engagement.ref;
    entry.row.provider = engagement.provider;
    entry.row.value = *engagement.value;
    entry.row.currency = engagement.currency;
    entry.row.end_date = engagement.end_date;
    entry_of.emplace(engagement.ref, entries.size());
    entries.push_back(std::move(entry));
  });

  Converter converter(catalogue);
  store::each_monthly_spend(catalogue, query, [&](const store::MonthlySpend& spend) {
    const auto found = entry_of.find(spend.dimensions[0]);
    if (found == entry_of.end()) {
      return; // no contract value
    }
    auto& entry = entries[found->second];
    converter.add(entry.spent, entry.row.currency, spend.currency, spend.month, spend.amount);
    const int index = spend.month.index();
    if (index >= month - 3 && index < month) {
      converter.add(entry.recent, entry.row.currency, spend.currency, spend.month, spend.amount);
    }
  });
  for (auto& entry : entries) {
    converter.finish(entry.spent, entry.row.currency);
    converter.finish(entry.recent, entry.row.currency);
  }
  converter.check();

  std::vector<Consumption> rows;
  for (auto& entry : entries) {
    auto& row = entry.row;
    const int digits = row.value.digits;
    row.spent = entry.spent.direct.result(digits);
    row.remaining = row.value.minor - row.spent;
    if (row.value.minor > 0) {
      row.consumed =
        static_cast<double>(domain::divide_half_even(domain::Int128{row.spent} * 10000, row.value.minor)) /
        10000.0;
    }
    row.run_rate = entry.recent.direct.result_divided(digits, 3);
    row.run_out_date = run_out(on, row.remaining, row.run_rate);
    row.status = status_of(row);
    if (options.status.empty() || row.status == options.status) {
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

table::Table consumption_table(const std::vector<Consumption>& rows)
{
  using table::Align;
  using table::Value;
  table::Table table{{{"ref"},
                      {"provider"},
                      {"value", Align::right},
                      {"currency"},
                      {"spent", Align::right},
                      {"remaining", Align::right},
                      {"consumed", Align::right},
                      {"run_rate", Align::right},
                      {"run_out_date"},
                      {"end_date"},
                      {"status"}},
                     {}};
  const auto date = [](const std::optional<domain::Date>& d) { return d ? Value(d->to_string()) : Value(); };
  for (const auto& r : rows) {
    const int digits = r.value.digits;
    table.add_row({r.ref, r.provider, r.value.to_string(), r.currency, domain::format_amount(r.spent, digits),
                   domain::format_amount(r.remaining, digits), r.consumed ? Value(*r.consumed) : Value(),
                   domain::format_amount(r.run_rate, digits), date(r.run_out_date), date(r.end_date),
                   r.status});
  }
  return table;
}

} // namespace vendorcat::report
