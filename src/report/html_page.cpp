// The figures of `report html`, from compute_spend_report (by type per
// quarter, by delivery model and by provider over the range) and
// compute_renewals, and the cost per FTE by delivery model per quarter from
// compute_unit_cost_report. A spend report's type and model keys are read back into
// the domain's types once, here, so that the page never compares names.

#include "report/html_page.hpp"

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "report/assessment.hpp"
#include "report/spend_report.hpp"
#include "report/unit_cost.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace vendorcat::report {

namespace {

SpendReport spend_by(store::Catalogue& catalogue, const HtmlReportOptions& options,
                     store::SpendDimension dimension, domain::Granularity period)
{
  SpendReportOptions spend;
  spend.by = {dimension};
  spend.period = period;
  spend.from = options.from;
  spend.to = options.to;
  spend.currency = options.currency;
  return compute_spend_report(catalogue, spend);
}

std::vector<TypeSplit> split_by_type(const SpendReport& report)
{
  std::map<std::string, TypeSplit> periods;
  for (const auto& row : report.rows) {
    auto& split = periods[row.period];
    split.period = row.period;
    switch (domain::parse_outsourcing_type(row.dimensions.at(0))) {
    case domain::OutsourcingType::bpo:
      split.bpo += row.amount;
      break;
    case domain::OutsourcingType::kpo:
      split.kpo += row.amount;
      break;
    }
  }
  std::vector<TypeSplit> splits;
  for (auto& [period, split] : periods) {
    splits.push_back(std::move(split));
  }
  return splits;
}

// Every delivery model, zero when it has no spend.
std::vector<ModelShare> shares_by_model(const SpendReport& report)
{
  std::vector<ModelShare> shares;
  for (const auto model : domain::all_delivery_models) {
    shares.push_back({model, 0, 0});
  }
  for (const auto& row : report.rows) {
    auto& share = shares.at(static_cast<std::size_t>(domain::parse_delivery_model(row.dimensions.at(0))));
    share.amount += row.amount;
    share.share += row.share;
  }
  return shares;
}

std::vector<ProviderShare> shares_by_provider(const SpendReport& report)
{
  std::vector<ProviderShare> shares;
  for (const auto& row : report.rows) {
    shares.push_back({row.dimensions.at(0), row.amount, row.share});
  }
  std::stable_sort(shares.begin(), shares.end(),
                   [](const ProviderShare& a, const ProviderShare& b) { return a.amount > b.amount; });
  return shares;
}

std::vector<ModelUnitCosts> fte_costs_by_model(store::Catalogue& catalogue, const HtmlReportOptions& options)
{
  UnitCostOptions unit_cost;
  unit_cost.spend.by = {store::SpendDimension::model};
  unit_cost.spend.period = domain::Granularity::quarter;
  unit_cost.spend.from = options.from;
  unit_cost.spend.to = options.to;
  unit_cost.spend.currency = options.currency;
  unit_cost.unit = domain::VolumeUnit::fte;
  std::map<std::string, ModelUnitCosts> quarters;
  for (const auto& row : compute_unit_cost_report(catalogue, unit_cost).rows) {
    auto& quarter = quarters[row.period];
    quarter.period = row.period;
    const auto model = static_cast<std::size_t>(domain::parse_delivery_model(row.dimensions.at(0)));
    quarter.unit_cost.at(model) = row.unit_cost;
    quarter.vs_onshore.at(model) = row.vs_onshore;
  }
  std::vector<ModelUnitCosts> costs;
  for (auto& [period, quarter] : quarters) {
    costs.push_back(std::move(quarter));
  }
  return costs;
}

std::string range_text(const HtmlReportOptions& options, const std::vector<TypeSplit>& quarters)
{
  if (options.from || options.to) {
    return fmt::format("{} to {}",
                       options.from ? domain::Date::parse(*options.from).to_string() : "the first spend",
                       options.to ? domain::Date::parse(*options.to).to_string() : "the last spend");
  }
  if (quarters.empty()) {
    return "all dates";
  }
  return fmt::format("{} to {} (all recorded spend)", quarters.front().period, quarters.back().period);
}

} // namespace

HtmlPage compute_html_page(store::Catalogue& catalogue, const HtmlReportOptions& options)
{
  if (options.top_providers < 1) {
    throw ValidationError(
      fmt::format("invalid number of top providers {}: give 1 or more", options.top_providers));
  }
  HtmlPage page;
  const auto by_type =
    spend_by(catalogue, options, store::SpendDimension::type, domain::Granularity::quarter);
  const auto by_model = spend_by(catalogue, options, store::SpendDimension::model, domain::Granularity::all);
  const auto by_provider =
    spend_by(catalogue, options, store::SpendDimension::provider, domain::Granularity::all);
  page.unit_costs = fte_costs_by_model(catalogue, options);
  page.renewals = compute_renewals(catalogue, options.renewals_within, options.on);
  page.mismatches = compute_assessments(catalogue, true);
  page.currency = by_type.currency;
  page.digits = by_type.digits;
  page.quarters = split_by_type(by_type);
  page.models = shares_by_model(by_model);
  page.providers = shares_by_provider(by_provider);
  page.provider_count = page.providers.size();
  for (const auto& share : page.providers) {
    page.provider_total += share.amount;
  }
  page.providers.resize(std::min(page.providers.size(), static_cast<std::size_t>(options.top_providers)));
  page.range = range_text(options, page.quarters);
  page.on = (options.on ? domain::Date::parse(*options.on) : domain::Date::today()).to_string();
  page.within = options.renewals_within;
  return page;
}

} // namespace vendorcat::report
