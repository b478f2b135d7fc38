// Computing `report spend`. Each output cell (period, dimension values)
// keeps an exact sum: lines in the report currency are added as they are;
// lines in another currency are converted with their month's rate to the
// base currency, and, when the report currency is not the base currency,
// from the base currency into it with the report currency's rate of the same
// month. Only the final figure of each cell is rounded.

#include "report/spend_report.hpp"

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/rate.hpp"
#include "domain/rounding.hpp"
#include "store/fx.hpp"
#include "store/providers.hpp"
#include "store/reference.hpp"
#include "store/services.hpp"
#include "store/settings.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

namespace vendorcat::report {

namespace {

using RateKey = std::pair<std::string, domain::Month>; // currency, month

struct Cell
{
  domain::ExactSum direct;                        // already in the report currency
  std::map<domain::Month, domain::ExactSum> base; // per month, in the base currency
  std::int64_t lines = 0;
};

std::string missing_rates_message(const std::set<RateKey>& missing)
{
  std::string list;
  std::size_t shown = 0;
  for (const auto& [currency, month] : missing) {
    if (++shown > 100) {
      list += fmt::format(" and {} more", missing.size() - 100);
      break;
    }
    list += fmt::format("{}{} {}", list.empty() ? "" : ", ", currency, month.to_string());
  }
  return fmt::format("missing exchange rate{} for {}; set them with 'vendorcat fx set CUR MONTH RATE'",
                     missing.size() == 1 ? "" : "s", list);
}

} // namespace

SpendReport compute_spend_report(store::Catalogue& catalogue, const SpendReportOptions& options)
{
  const auto& reference = store::Reference::of(catalogue);
  const auto base = store::get_setting(catalogue, store::SettingKey::base_currency);
  SpendReport report;
  report.by = options.by;
  if (!options.currency.empty()) {
    report.currency = reference.currency(options.currency).code;
  } else if (base) {
    report.currency = *base;
  } else {
    throw ValidationError("no report currency: pass --currency or set base-currency");
  }
  report.digits = reference.currency(report.currency).minor_units;

  store::SpendQuery query;
  query.by = options.by;
  if (options.from) {
    query.from = domain::Date::parse(*options.from);
  }
  if (options.to) {
    query.to = domain::Date::parse(*options.to);
  }
  if (query.from && query.to) {
    domain::check_range(*query.from, *query.to);
  }
  if (!options.provider.empty()) {
    query.provider_id = store::find_provider(catalogue, options.provider).id;
  }
  if (!options.service.empty()) {
    query.service_id = store::find_service(catalogue, options.service).id;
  }

  std::map<RateKey, domain::Rate> rates;
  for (const auto& rate : store::list_fx_rates(catalogue, "")) {
    rates.emplace(RateKey{rate.currency, rate.month}, rate.rate);
  }
  std::set<RateKey> missing;
  std::map<std::pair<std::string, std::vector<std::string>>, Cell> cells;
  store::each_monthly_spend(catalogue, query, [&](const store::MonthlySpend& row) {
    const auto period = domain::period_label(row.month, options.period);
    auto& cell = cells[{period, row.dimensions}];
    cell.lines += row.lines;
    const int digits = reference.currency(row.currency).minor_units;
    if (row.currency == report.currency) {
      cell.direct.add_exact(row.amount, digits);
      return;
    }
    auto& month_sum = cell.base[row.month];
    if (base && row.currency == *base) {
      month_sum.add_exact(row.amount, digits);
      return;
    }
    const auto rate = rates.find({row.currency, row.month});
    if (rate == rates.end() || !base) {
      missing.insert({row.currency, row.month});
      return;
    }
    month_sum.add(row.amount, digits, rate->second);
  });

  // Into the report currency; needs its own rate when it is not the base.
  std::map<std::string, domain::ExactSum> period_sums;
  for (auto& [key, cell] : cells) {
    for (const auto& [month, sum] : cell.base) {
      if (report.currency == base.value_or("")) {
        cell.direct.add(sum);
        continue;
      }
      const auto rate = rates.find({report.currency, month});
      if (rate == rates.end()) {
        missing.insert({report.currency, month});
        continue;
      }
      cell.direct.add(sum.divided_by(rate->second));
    }
  }
  if (!missing.empty()) {
    throw ValidationError(missing_rates_message(missing));
  }
  for (const auto& [key, cell] : cells) {
    report.rows.push_back({key.first, key.second, cell.direct.result(report.digits), cell.lines, 0});
    period_sums[key.first].add(cell.direct);
  }
  for (const auto& [period, sum] : period_sums) {
    report.period_totals[period] = sum.result(report.digits);
  }
  for (auto& row : report.rows) {
    const auto total = report.period_totals[row.period];
    row.share = total == 0 ? 0.0 : static_cast<double>(row.amount) / static_cast<double>(total);
    row.share = static_cast<double>(std::llround(row.share * 10000.0)) / 10000.0;
  }
  return report;
}

table::Table spend_report_table(const SpendReport& report, Totals totals)
{
  table::Table table;
  table.columns.push_back({"period"});
  for (const auto dimension : report.by) {
    table.columns.push_back({std::string(store::to_string(dimension))});
  }
  table.columns.push_back({"amount", table::Align::right});
  table.columns.push_back({"currency"});
  table.columns.push_back({"lines", table::Align::right});
  table.columns.push_back({"share", table::Align::right});

  auto add_total = [&](const std::string& period, std::int64_t lines) {
    const auto amount = report.period_totals.at(period);
    std::vector<table::Value> cells{period};
    for (std::size_t i = 0; i < report.by.size(); ++i) {
      cells.emplace_back(i == 0 ? table::Value(std::string("total")) : table::Value());
    }
    cells.insert(cells.end(), {domain::format_amount(amount, report.digits), report.currency, lines, 1.0});
    table.add_row(std::move(cells));
  };
  std::int64_t lines = 0;
  for (std::size_t i = 0; i < report.rows.size(); ++i) {
    const auto& row = report.rows[i];
    std::vector<table::Value> cells{row.period};
    cells.insert(cells.end(), row.dimensions.begin(), row.dimensions.end());
    cells.insert(cells.end(),
                 {domain::format_amount(row.amount, report.digits), report.currency, row.lines, row.share});
    table.add_row(std::move(cells));
    lines += row.lines;
    const bool last_of_period = i + 1 == report.rows.size() || report.rows[i + 1].period != row.period;
    if (totals == Totals::yes && last_of_period) {
      add_total(row.period, lines);
    }
    if (last_of_period) {
      lines = 0;
    }
  }
  return table;
}

} // namespace vendorcat::report
