// `vendorcat report spend|renewals|concentration|consumption|unit-cost|assessment|html`.

#include "cli/nouns.hpp"
#include "domain/errors.hpp"
#include "io/output_file.hpp"
#include "report/assessment.hpp"
#include "report/consumption.hpp"
#include "report/html_report.hpp"
#include "report/record.hpp"
#include "report/renewals.hpp"
#include "report/spend_report.hpp"
#include "report/unit_cost.hpp"

#include <fmt/format.h>

#include <limits>

namespace vendorcat::cli {

namespace {

struct SpendOptions
{
  std::vector<std::string> by{"type"};
  std::string period = "quarter";
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string currency;
  std::string provider;
  std::string service;
};

struct UnitCostOptions : SpendOptions
{
  UnitCostOptions() { by = {"model"}; }
  std::string unit = "fte";
};

struct RenewalsOptions
{
  int within = 90;
  std::optional<std::string> on;
};

struct ConcentrationOptions
{
  std::string by = "provider";
  int top = 10;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string currency;
};

struct ConsumptionOptions
{
  std::optional<std::string> on;
  std::string provider;
  std::string status;
};

struct HtmlOptions
{
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string currency;
  std::optional<std::string> on;
};

// The spend report's options from the command line's; throws UsageError for
// a dimension given twice, ValidationError for an unknown one or period.
report::SpendReportOptions spend_report_options(const SpendOptions& options)
{
  report::SpendReportOptions spend;
  spend.by.clear();
  for (const auto& name : options.by) {
    const auto dimension = store::parse_dimension(name);
    if (std::find(spend.by.begin(), spend.by.end(), dimension) != spend.by.end()) {
      throw UsageError(fmt::format("dimension '{}' is given twice", name));
    }
    spend.by.push_back(dimension);
  }
  spend.period = domain::parse_granularity(options.period);
  spend.from = options.from;
  spend.to = options.to;
  spend.currency = options.currency;
  spend.provider = options.provider;
  spend.service = options.service;
  return spend;
}

void run_spend(Session& session, const SpendOptions& options)
{
  const auto computed = report::compute_spend_report(session.catalogue(), spend_report_options(options));
  const bool totals = session.format() == table::Format::table;
  auto stream = session.rows(report::spend_report_columns(computed));
  report::each_spend_report_row(computed, totals ? report::Totals::yes : report::Totals::no,
                                [&](const std::vector<table::Value>& row) { stream.add(row); });
  stream.finish();
}

void run_unit_cost(Session& session, const UnitCostOptions& options)
{
  report::UnitCostOptions unit_cost{spend_report_options(options), domain::parse_volume_unit(options.unit)};
  session.print(report::unit_cost_table(report::compute_unit_cost_report(session.catalogue(), unit_cost)));
}

void run_renewals(Session& session, const RenewalsOptions& options)
{
  session.print(
    report::renewals_table(report::compute_renewals(session.catalogue(), options.within, options.on)));
}

void run_concentration(Session& session, const ConcentrationOptions& options)
{
  report::ConcentrationOptions concentration;
  concentration.by = store::parse_dimension(options.by);
  concentration.top = options.top;
  concentration.from = options.from;
  concentration.to = options.to;
  concentration.currency = options.currency;
  const auto computed = report::compute_concentration(session.catalogue(), concentration);
  if (session.format() == table::Format::csv) {
    // CSV has no nesting: it carries the shares; the HHI is in table and json.
    session.print(computed.shares);
    return;
  }
  session.print_record(report::concentration_record(computed));
}

struct AssessmentOptions
{
  bool mismatch_only = false;
};

void run_assessment(Session& session, const AssessmentOptions& options)
{
  session.print(
    report::assessment_table(report::compute_assessments(session.catalogue(), options.mismatch_only)));
}

void run_consumption(Session& session, const ConsumptionOptions& options)
{
  session.print(report::consumption_table(report::compute_consumption(
    session.catalogue(), {.on = options.on, .provider = options.provider, .status = options.status})));
}

void run_html(Session& session, const HtmlOptions& options)
{
  report::HtmlReportOptions html;
  html.from = options.from;
  html.to = options.to;
  html.currency = options.currency;
  html.on = options.on;
  auto& file = session.output_file(table::Format::html, "the HTML report");
  file.write([&](std::ostream& out) { report::render_html_report(session.catalogue(), html, out); });
}

void add_range(CLI::App* app, std::optional<std::string>& from, std::optional<std::string>& to)
{
  add_optional(app, "--from", from, "First date, inclusive (YYYY-MM-DD)");
  add_optional(app, "--to", to, "Last date, inclusive (YYYY-MM-DD)");
}

// The period, range, currency and filters that report spend and report
// unit-cost share.
void add_spend_filters(CLI::App* app, SpendOptions& options)
{
  app->add_option("--period", options.period, "month, quarter (default), year or all");
  add_range(app, options.from, options.to);
  app->add_option("--currency", options.currency, "Report currency (default: the base currency)");
  app->add_option("--provider", options.provider, "Only this provider's engagements");
  app->add_option("--service", options.service, "Only this service's engagements");
}

} // namespace

void setup_report(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("report", "Spend by BPO/KPO and any dimension, renewals, concentration, "
                                            "contract consumption, unit cost, the BPO/KPO assessment");
  noun->require_subcommand(1);

  auto spend = std::make_shared<SpendOptions>();
  auto* spend_app = add_verb<SpendOptions>(
    *noun, slot, "spend",
    "Spend per period and dimension in one currency, exact (rounded once per cell, half to even).\n"
    "Example: vendorcat report spend --by type,model --period quarter --from 2026-01-01",
    Needs::reading, run_spend, spend);
  spend_app->add_option("--by", spend->by, "type (default), model, provider, service, country, region, unit")
    ->delimiter(',');
  add_spend_filters(spend_app, *spend);

  auto unit_cost = std::make_shared<UnitCostOptions>();
  auto* unit_cost_app = add_verb<UnitCostOptions>(
    *noun, slot, "unit-cost",
    "Cost per unit delivered (FTE, hour, transaction, case) per period and dimension: the spend of the "
    "months that have a volume in the unit over the quantity, rounded half to even to the currency's "
    "minor units; with the model as a dimension, vs_onshore sets each row against the onshore one. The "
    "range counts in whole months.\n"
    "Example: vendorcat report unit-cost --by model --period quarter --unit fte",
    Needs::reading, run_unit_cost, unit_cost);
  unit_cost_app
    ->add_option("--by", unit_cost->by,
                 "model (default), type, provider, service, country, region, unit (the client unit)")
    ->delimiter(',');
  add_spend_filters(unit_cost_app, *unit_cost);
  unit_cost_app->add_option("--unit", unit_cost->unit, "fte (default), hours, transactions or cases");

  auto renewals = std::make_shared<RenewalsOptions>();
  auto* renewals_app = add_verb<RenewalsOptions>(
    *noun, slot, "renewals",
    "Planned and active engagements whose current term's notice deadline or end falls within the "
    "window, soonest first. An auto-renewing engagement past its end date is rolled forward by whole "
    "terms of its renewal months (default 12); state is notice-due (the deadline is ahead), "
    "notice-missed (passed, the term still runs) or ending (no notice period); days_left counts to the "
    "deadline while notice is due, else to term_end.\nExample: vendorcat report renewals --within 120",
    Needs::reading, run_renewals, renewals);
  renewals_app->add_option("--within", renewals->within, "Days ahead (default 90)")
    ->type_name("DAYS")
    ->check(CLI::NonNegativeNumber);
  add_optional(renewals_app, "--on", renewals->on, "Count from this date instead of today");

  auto concentration = std::make_shared<ConcentrationOptions>();
  auto* concentration_app = add_verb<ConcentrationOptions>(
    *noun, slot, "concentration",
    "Each provider's (or country's) share of spend, the top N and the rest, and the HHI.\n"
    "Example: vendorcat report concentration --by country --top 5",
    Needs::reading, run_concentration, concentration);
  concentration_app->add_option("--by", concentration->by, "provider (default) or country")
    ->check(CLI::IsMember({"provider", "country"}));
  concentration_app->add_option("--top", concentration->top, "How many to list (default 10)")
    ->type_name("N")
    ->check(CLI::Range(1, std::numeric_limits<int>::max()));
  add_range(concentration_app, concentration->from, concentration->to);
  concentration_app->add_option("--currency", concentration->currency, "Report currency");

  auto consumption = std::make_shared<ConsumptionOptions>();
  auto* consumption_app = add_verb<ConsumptionOptions>(
    *noun, slot, "consumption",
    "How much of each contract value is spent by a date (spend converted to the engagement's currency "
    "through the base currency, rounded once), the run rate of the three whole months before that "
    "month, when the value runs out at that rate, and a status: over (spent more than the value), "
    "at-risk (runs out before the end date) or ok. Only engagements with a contract value.\n"
    "Example: vendorcat report consumption --on 2026-06-30 --status at-risk",
    Needs::reading, run_consumption, consumption);
  add_optional(consumption_app, "--on", consumption->on,
               "Spend up to and including this date (default: today)");
  consumption_app->add_option("--provider", consumption->provider, "Only this provider's engagements");
  consumption_app
    ->add_option("--status", consumption->status, "Only rows of this status: ok, at-risk or over")
    ->check(CLI::IsMember({"ok", "at-risk", "over"}));

  auto assessment = std::make_shared<AssessmentOptions>();
  add_verb<AssessmentOptions>(
    *noun, slot, "assessment",
    "Per assessed engagement (see 'vendorcat engagement assess' and 'vendorcat help bpo-kpo'): how many "
    "of the eight criteria are answered, how many point to KPO, the type they give (empty on a tie or "
    "with fewer than five answers), the engagement's type and its source, and mismatch: true when the "
    "assessed type differs from the service's default type.\n"
    "Example: vendorcat report assessment --mismatch-only",
    Needs::reading, run_assessment, assessment)
    ->add_flag("--mismatch-only", assessment->mismatch_only,
               "Only engagements whose assessed type differs from their service's default");

  auto html = std::make_shared<HtmlOptions>();
  auto* html_app = add_verb<HtmlOptions>(
    *noun, slot, "html",
    "Write a self-contained HTML page with charts and tables.\nExample: vendorcat report html -o spend.html",
    Needs::reading, run_html, html);
  add_range(html_app, html->from, html->to);
  html_app->add_option("--currency", html->currency, "Report currency");
  add_optional(html_app, "--on", html->on, "Date the renewals section counts from (default: today)");
}

} // namespace vendorcat::cli
