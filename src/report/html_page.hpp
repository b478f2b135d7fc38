#pragma once

// What `report html` shows, computed from the reports it contains before a
// byte of the page is written: BPO versus KPO spend per quarter, spend by
// delivery model and by provider over the range, the cost per FTE of each
// delivery model per quarter, the renewals and the engagements whose
// assessment contradicts their service's default type. Each part
// is a report object with typed keys; the page (html_report.cpp) only lays
// them out.

#include "domain/classification.hpp"
#include "report/renewals.hpp"
#include "store/assessments.hpp"
#include "store/catalogue.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::report {

struct HtmlReportOptions
{
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string currency;          // empty: the base currency
  std::optional<std::string> on; // "today" for the renewals section (default: today)
  int renewals_within = 90;      // days
  int top_providers = 10;
};

// One period's spend split by outsourcing type.
struct TypeSplit
{
  std::string period;
  std::int64_t bpo = 0; // minor units of the report currency
  std::int64_t kpo = 0;
};

// Spend of one delivery model over the range.
struct ModelShare
{
  domain::DeliveryModel model = domain::DeliveryModel::onshore;
  std::int64_t amount = 0;
  double share = 0;
};

// Spend of one provider over the range.
struct ProviderShare
{
  std::string provider;
  std::int64_t amount = 0;
  double share = 0;
};

// One quarter's cost per FTE (per FTE-month) of each delivery model, from
// report unit-cost; none where a model has no FTE volume.
struct ModelUnitCosts
{
  std::string period;
  std::array<std::optional<std::int64_t>, 3> unit_cost;  // minor units, in all_delivery_models order
  std::array<std::optional<std::int64_t>, 3> vs_onshore; // ten-thousandths
};

struct HtmlPage
{
  std::string currency;
  int digits = 2;
  std::string range; // what the spend covers, in words
  std::string on;    // the date renewals count from
  int within = 0;
  std::vector<TypeSplit> quarters;        // by quarter
  std::vector<ModelShare> models;         // onshore, nearshore, offshore
  std::vector<ProviderShare> providers;   // the top N, largest first
  std::size_t provider_count = 0;         // all providers with spend
  std::int64_t provider_total = 0;        // the spend of all of them
  std::vector<ModelUnitCosts> unit_costs; // by quarter; empty without FTE volumes
  std::vector<Renewal> renewals;
  std::vector<store::EngagementAssessment> mismatches; // assessed type differs from the service's
};

// Computes the page. Throws ValidationError like compute_spend_report (a
// missing exchange rate) or for a top N below 1.
HtmlPage compute_html_page(store::Catalogue& catalogue, const HtmlReportOptions& options);

} // namespace vendorcat::report
