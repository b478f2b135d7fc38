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
#include "domain/name_order.hpp"
#include "domain/rounding.hpp"
#include "report/convert.hpp"
#include "store/providers.hpp"
#include "store/reference.hpp"
#include "store/services.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace vendorcat::report {

namespace {

// The first month (as an index) of the period of GRANULARITY holding MONTH.
int period_key(const domain::Month& month, domain::Granularity granularity)
{
  const int index = month.index();
  switch (granularity) {
  case domain::Granularity::month:
    return index;
  case domain::Granularity::quarter:
    return index - index % 3;
  case domain::Granularity::year:
    return index - index % 12;
  case domain::Granularity::all:
    break;
  }
  return domain::Month(domain::Date::min_year, 1).index(); // one period for all time
}

// One output cell: a period and dimension values, with its exact sum.
struct Cell
{
  int period = 0;
  std::vector<std::string> dimensions;
  ConvertedSum sum; // into the report currency
  std::int64_t lines = 0;
};

// Transparent hashing, so that a cell is found by a reused key buffer.
struct KeyHash
{
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};

} // namespace

store::SpendQuery spend_query(store::Catalogue& catalogue, const SpendReportOptions& options)
{
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
  } else if (options.provider_id) {
    query.provider_id = options.provider_id;
  }
  if (!options.service.empty()) {
    query.service_id = store::find_service(catalogue, options.service).id;
  }
  query.volume_unit = options.volume_unit;
  return query;
}

SpendReport compute_spend_report(store::Catalogue& catalogue, const SpendReportOptions& options)
{
  const auto& reference = store::Reference::of(catalogue);
  Converter converter(catalogue);
  const auto& base = converter.base_currency();
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

  const auto query = spend_query(catalogue, options);

  std::vector<Cell> cells;
  std::unordered_map<std::string, std::size_t, KeyHash, std::equal_to<>> cell_of;
  std::string key;
  store::each_monthly_spend(catalogue, query, [&](const store::MonthlySpend& row) {
    const int period = period_key(row.month, options.period);
    key.assign(reinterpret_cast<const char*>(&period), sizeof period);
    for (const auto dimension : row.dimensions) {
      key += dimension;
      key += '\x1f';
    }
    auto found = cell_of.find(std::string_view(key));
    if (found == cell_of.end()) {
      Cell cell;
      cell.period = period;
      cell.dimensions.assign(row.dimensions.begin(), row.dimensions.end());
      cells.push_back(std::move(cell));
      found = cell_of.emplace(key, cells.size() - 1).first;
    }
    auto& cell = cells[found->second];
    cell.lines += row.lines;
    converter.add(cell.sum, report.currency, row.currency, row.month, row.amount);
  });
  for (auto& cell : cells) {
    converter.finish(cell.sum, report.currency);
  }
  converter.check();
  decltype(cell_of)().swap(cell_of); // its memory, before the rows take theirs
  // By period, then by the dimensions' values as a person sorts names.
  std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
    if (a.period != b.period) {
      return a.period < b.period;
    }
    return std::lexicographical_compare(a.dimensions.begin(), a.dimensions.end(), b.dimensions.begin(),
                                        b.dimensions.end(), domain::NameLess{});
  });
  std::map<int, domain::ExactSum> period_sums;
  report.rows.reserve(cells.size());
  for (auto& cell : cells) {
    const auto label = domain::period_label(domain::Month::from_index(cell.period), options.period);
    report.rows.push_back(
      {label, std::move(cell.dimensions), cell.sum.direct.result(report.digits), cell.lines, 0});
    period_sums[cell.period].add(cell.sum.direct);
  }
  std::vector<Cell>().swap(cells);
  for (const auto& [period, sum] : period_sums) {
    report.period_totals[domain::period_label(domain::Month::from_index(period), options.period)] =
      sum.result(report.digits);
  }
  for (auto& row : report.rows) {
    const auto total = report.period_totals[row.period];
    row.share = total == 0 ? 0.0 : static_cast<double>(row.amount) / static_cast<double>(total);
    row.share = static_cast<double>(std::llround(row.share * 10000.0)) / 10000.0;
  }
  return report;
}

std::vector<table::Column> spend_report_columns(const SpendReport& report)
{
  std::vector<table::Column> columns{{"period"}};
  for (const auto dimension : report.by) {
    columns.push_back({std::string(store::to_string(dimension))});
  }
  columns.push_back({"amount", table::Align::right});
  columns.push_back({"currency"});
  columns.push_back({"lines", table::Align::right});
  columns.push_back({"share", table::Align::right});
  return columns;
}

void each_spend_report_row(const SpendReport& report, Totals totals,
                           const std::function<void(const std::vector<table::Value>&)>& visit)
{
  std::vector<table::Value> cells;
  auto add_total = [&](const std::string& period, std::int64_t lines) {
    const auto amount = report.period_totals.at(period);
    cells.assign({period});
    for (std::size_t i = 0; i < report.by.size(); ++i) {
      cells.emplace_back(i == 0 ? table::Value(std::string("total")) : table::Value());
    }
    cells.insert(cells.end(), {domain::format_amount(amount, report.digits), report.currency, lines, 1.0});
    visit(cells);
  };
  std::int64_t lines = 0;
  for (std::size_t i = 0; i < report.rows.size(); ++i) {
    const auto& row = report.rows[i];
    cells.assign({row.period});
    cells.insert(cells.end(), row.dimensions.begin(), row.dimensions.end());
    cells.insert(cells.end(),
                 {domain::format_amount(row.amount, report.digits), report.currency, row.lines, row.share});
    visit(cells);
    lines += row.lines;
    const bool last_of_period = i + 1 == report.rows.size() || report.rows[i + 1].period != row.period;
    if (totals == Totals::yes && last_of_period) {
      add_total(row.period, lines);
    }
    if (last_of_period) {
      lines = 0;
    }
  }
}

table::Table spend_report_table(const SpendReport& report, Totals totals)
{
  table::Table table;
  table.columns = spend_report_columns(report);
  each_spend_report_row(report, totals, [&](const std::vector<table::Value>& row) { table.add_row(row); });
  return table;
}

} // namespace vendorcat::report
