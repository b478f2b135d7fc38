// Computing `report unit-cost`. The spend comes from compute_spend_report
// with the volume unit set, so it is converted and rounded exactly as report
// spend's figures are; the quantities come from the volumes of the same
// engagements and months, grouped by the same period labels and dimension
// values. The unit cost is computed from the rounded amount shown beside it
// and the exact quantity, so a reader can check it from the row; vs_onshore
// likewise from the two unit costs shown. All in integers.

#include "report/unit_cost.hpp"

#include "domain/amount.hpp"
#include "domain/classification.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/name_order.hpp"
#include "domain/period.hpp"
#include "domain/rounding.hpp"
#include "store/volume_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

namespace vendorcat::report {

namespace {

using GroupKey = std::pair<std::string, std::vector<std::string>>; // period label, dimension values

// Period labels of one kind sort as text; dimension values as names
// (domain::compare_names), as report spend's rows do.
struct GroupLess
{
  bool operator()(const GroupKey& a, const GroupKey& b) const
  {
    if (a.first != b.first) {
      return a.first < b.first;
    }
    return std::lexicographical_compare(a.second.begin(), a.second.end(), b.second.begin(), b.second.end(),
                                        domain::NameLess{});
  }
};

constexpr std::int64_t ratio_scale = 10'000; // vs_onshore's 4 decimals

// OPTIONS' range widened to the whole months it touches (a volume is a
// month's), after checking it as report spend does.
SpendReportOptions in_whole_months(const UnitCostOptions& options)
{
  auto spend = options.spend;
  spend.volume_unit = options.unit;
  if (spend.from && spend.to) {
    domain::check_range(domain::Date::parse(*spend.from), domain::Date::parse(*spend.to));
  }
  if (spend.from) {
    spend.from = domain::Month::of(domain::Date::parse(*spend.from)).first_day().to_string();
  }
  if (spend.to) {
    spend.to = domain::Month::of(domain::Date::parse(*spend.to)).last_day().to_string();
  }
  return spend;
}

// Sets each row's vs_onshore from the onshore row of its period and other
// dimensions (MODEL is the model's index among them).
void compare_with_onshore(std::vector<UnitCostRow>& rows, std::size_t model)
{
  std::map<GroupKey, std::int64_t, GroupLess> onshore;
  const auto onshore_name = domain::to_string(domain::DeliveryModel::onshore);
  for (const auto& row : rows) {
    if (row.dimensions[model] == onshore_name && row.unit_cost && *row.unit_cost > 0) {
      onshore.emplace(GroupKey{row.period, row.dimensions}, *row.unit_cost);
    }
  }
  for (auto& row : rows) {
    if (!row.unit_cost) {
      continue;
    }
    GroupKey key{row.period, row.dimensions};
    key.second[model] = onshore_name;
    const auto found = onshore.find(key);
    if (found != onshore.end()) {
      row.vs_onshore = domain::divide_half_even(domain::Int128{*row.unit_cost} * ratio_scale, found->second);
    }
  }
}

} // namespace

UnitCostReport compute_unit_cost_report(store::Catalogue& catalogue, const UnitCostOptions& options)
{
  const auto spend_options = in_whole_months(options);
  const auto spend = compute_spend_report(catalogue, spend_options);
  UnitCostReport report;
  report.by = spend.by;
  report.unit = options.unit;
  report.currency = spend.currency;
  report.digits = spend.digits;

  std::map<GroupKey, UnitCostRow, GroupLess>
    groups; // in period, then dimension order: labels of one kind sort so
  GroupKey key;
  store::each_monthly_volume(
    catalogue, spend_query(catalogue, spend_options), [&](const store::MonthlyVolume& volume) {
      key.first = domain::period_label(volume.month, spend_options.period);
      key.second.assign(volume.dimensions.begin(), volume.dimensions.end());
      auto& group = groups[key];
      if (__builtin_add_overflow(group.quantity, volume.quantity, &group.quantity)) {
        throw ValidationError(fmt::format("quantity out of range: the {} of {} would not fit in 64 bits",
                                          domain::to_string(options.unit), key.first));
      }
    });
  // Every month whose spend counts has a volume, so every spend row has its group.
  for (const auto& row : spend.rows) {
    groups[GroupKey{row.period, row.dimensions}].amount = row.amount;
  }
  report.rows.reserve(groups.size());
  for (auto& [group_key, row] : groups) {
    row.period = group_key.first;
    row.dimensions = group_key.second;
    if (row.quantity > 0) {
      row.unit_cost =
        domain::divide_half_even(domain::Int128{row.amount} * domain::quantity_scale, row.quantity);
    }
    report.rows.push_back(std::move(row));
  }
  const auto model = std::find(report.by.begin(), report.by.end(), store::SpendDimension::model);
  if (model != report.by.end()) {
    report.compares_onshore = true;
    compare_with_onshore(report.rows, static_cast<std::size_t>(model - report.by.begin()));
  }
  return report;
}

std::vector<table::Column> unit_cost_columns(const UnitCostReport& report)
{
  std::vector<table::Column> columns{{"period"}};
  for (const auto dimension : report.by) {
    columns.push_back({std::string(store::to_string(dimension))});
  }
  columns.push_back({"amount", table::Align::right});
  columns.push_back({"currency"});
  columns.push_back({"quantity", table::Align::right});
  columns.push_back({"unit"});
  columns.push_back({"unit_cost", table::Align::right});
  if (report.compares_onshore) {
    columns.push_back({"vs_onshore", table::Align::right});
  }
  return columns;
}

table::Table unit_cost_table(const UnitCostReport& report)
{
  table::Table table;
  table.columns = unit_cost_columns(report);
  const std::string unit(domain::to_string(report.unit));
  for (const auto& row : report.rows) {
    std::vector<table::Value> cells{row.period};
    cells.insert(cells.end(), row.dimensions.begin(), row.dimensions.end());
    // One cell at a time: a conditional or an initializer list of variants
    // trips GCC 12's maybe-uninitialized warning at -O3.
    cells.emplace_back(domain::format_amount(row.amount, report.digits));
    cells.emplace_back(report.currency);
    cells.emplace_back(domain::format_quantity(row.quantity));
    cells.emplace_back(unit);
    if (row.unit_cost) {
      cells.emplace_back(domain::format_amount(*row.unit_cost, report.digits));
    } else {
      cells.emplace_back();
    }
    if (report.compares_onshore) {
      if (row.vs_onshore) {
        cells.emplace_back(static_cast<double>(*row.vs_onshore) / static_cast<double>(ratio_scale));
      } else {
        cells.emplace_back();
      }
    }
    table.add_row(std::move(cells));
  }
  return table;
}

} // namespace vendorcat::report
