// `report html`: the whole page as one self-contained HTML5 document. All the
// figures come from the existing computations (compute_spend_report by type
// per quarter, by delivery model and by provider over the range, and
// compute_renewals), gathered into a Page first so that a ValidationError
// such as a missing exchange rate leaves the stream untouched. The page is
// then assembled as a string: inline CSS, inline SVG charts (svg_chart.hpp)
// each followed by its table, no script and nothing fetched from anywhere.
// Every text that comes from the catalogue goes through html_escape.

#include "report/html_report.hpp"

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "report/renewals.hpp"
#include "report/spend_report.hpp"
#include "report/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <ostream>

namespace vendorcat::report {

namespace {

constexpr const char* bpo_colour = "#2563eb";
constexpr const char* kpo_colour = "#f59e0b";
constexpr const char* provider_colour = "#0f766e";
constexpr std::array<std::pair<const char*, const char*>, 3> model_colours{
  {{"onshore", "#0e7490"}, {"nearshore", "#7c3aed"}, {"offshore", "#db2777"}}};

struct QuarterRow
{
  std::string quarter;
  std::int64_t bpo = 0;
  std::int64_t kpo = 0;
};

struct ShareRow
{
  std::string label;
  std::int64_t amount = 0;
  double share = 0;
};

// Everything the page shows, computed before a byte is written.
struct Page
{
  std::string currency;
  int digits = 2;
  std::string range;
  std::string on;
  int within = 0;
  std::vector<QuarterRow> quarters;
  std::vector<ShareRow> models;
  std::vector<ShareRow> providers; // the top N
  std::size_t provider_count = 0;
  std::int64_t total = 0;
  std::vector<Renewal> renewals;
};

// ---- computing ------------------------------------------------------------

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

std::vector<QuarterRow> quarters_of(const SpendReport& report)
{
  std::map<std::string, QuarterRow> quarters;
  for (const auto& row : report.rows) {
    auto& quarter = quarters[row.period];
    quarter.quarter = row.period;
    (row.dimensions.at(0) == "KPO" ? quarter.kpo : quarter.bpo) += row.amount;
  }
  std::vector<QuarterRow> rows;
  for (auto& [label, quarter] : quarters) {
    rows.push_back(std::move(quarter));
  }
  return rows;
}

// Onshore, nearshore and offshore in that order, zero when absent.
std::vector<ShareRow> models_of(const SpendReport& report)
{
  std::vector<ShareRow> rows;
  for (const auto& [model, colour] : model_colours) {
    ShareRow row{model, 0, 0};
    for (const auto& spend : report.rows) {
      if (spend.dimensions.at(0) == model) {
        row.amount += spend.amount;
        row.share += spend.share;
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<ShareRow> providers_of(const SpendReport& report)
{
  std::vector<ShareRow> rows;
  for (const auto& row : report.rows) {
    rows.push_back({row.dimensions.at(0), row.amount, row.share});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const ShareRow& a, const ShareRow& b) { return a.amount > b.amount; });
  return rows;
}

std::string range_text(const HtmlReportOptions& options, const std::vector<QuarterRow>& quarters)
{
  if (options.from || options.to) {
    return fmt::format(
      "{} to {}", options.from ? domain::Date::parse(*options.from).to_string() : "the first spend",
      options.to ? domain::Date::parse(*options.to).to_string() : "the last spend");
  }
  if (quarters.empty()) {
    return "all dates";
  }
  return fmt::format("{} to {} (all recorded spend)", quarters.front().quarter,
                     quarters.back().quarter);
}

Page compute_page(store::Catalogue& catalogue, const HtmlReportOptions& options)
{
  if (options.top_providers < 1) {
    throw ValidationError(
      fmt::format("invalid number of top providers {}: give 1 or more", options.top_providers));
  }
  Page page;
  const auto by_type =
    spend_by(catalogue, options, store::SpendDimension::type, domain::Granularity::quarter);
  const auto by_model =
    spend_by(catalogue, options, store::SpendDimension::model, domain::Granularity::all);
  const auto by_provider =
    spend_by(catalogue, options, store::SpendDimension::provider, domain::Granularity::all);
  page.renewals = compute_renewals(catalogue, options.renewals_within, options.on);
  page.currency = by_type.currency;
  page.digits = by_type.digits;
  page.quarters = quarters_of(by_type);
  page.models = models_of(by_model);
  page.providers = providers_of(by_provider);
  page.provider_count = page.providers.size();
  for (const auto& row : page.providers) {
    page.total += row.amount;
  }
  page.providers.resize(
    std::min(page.providers.size(), static_cast<std::size_t>(options.top_providers)));
  page.range = range_text(options, page.quarters);
  page.on = (options.on ? domain::Date::parse(*options.on) : domain::Date::today()).to_string();
  page.within = options.renewals_within;
  return page;
}

// ---- writing --------------------------------------------------------------

constexpr const char* style = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f1f5f9; color: #0f172a;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 24px 48px; }
header h1 { font-size: 26px; line-height: 1.2; margin: 0 0 6px; }
header .meta { margin: 0; color: #475569; }
header .meta strong { color: #0f172a; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; margin-top: 20px; }
.card { background: #fff; border: 1px solid #e2e8f0; border-radius: 10px; padding: 14px 16px; }
.card .label { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: #64748b; }
.card .value { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .sub { font-size: 13px; color: #64748b; }
section { background: #fff; border: 1px solid #e2e8f0; border-radius: 10px; padding: 20px 24px;
  margin-top: 24px; box-shadow: 0 1px 2px rgba(15, 23, 42, .05); }
h2 { font-size: 18px; margin: 0 0 4px; }
.lead { margin: 0 0 12px; color: #64748b; font-size: 14px; }
svg.chart { display: block; width: 100%; max-width: 100%; height: auto; margin: 8px 0 16px; }
svg.chart .num { font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 7px 10px; border-bottom: 1px solid #e2e8f0; text-align: left;
  vertical-align: top; }
thead th { font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
  color: #475569; border-bottom: 2px solid #cbd5e1; vertical-align: bottom; }
tbody tr:nth-child(even) { background: #f8fafc; }
tfoot td { font-weight: 650; border-bottom: 0; }
tfoot tr:first-child td { border-top: 2px solid #cbd5e1; }
.nowrap { white-space: nowrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.neg { color: #b91c1c; }
.soon { color: #b91c1c; font-weight: 650; }
.muted { color: #94a3b8; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.badge { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px;
  font-weight: 600; white-space: nowrap; }
.badge.auto { background: #fef3c7; color: #92400e; border: 1px solid #f59e0b; }
.badge.manual { background: #f1f5f9; color: #475569; border: 1px solid #cbd5e1; }
.empty { margin: 8px 0 0; padding: 16px; background: #f8fafc; border: 1px dashed #cbd5e1;
  border-radius: 8px; color: #475569; }
.note { margin: 10px 0 0; font-size: 13px; color: #64748b; }
footer { margin-top: 24px; font-size: 12px; color: #64748b; text-align: center; }
@media (max-width: 720px) { .cards { grid-template-columns: repeat(2, 1fr); } }
@media print { body { background: #fff; } section { box-shadow: none; break-inside: avoid; } }
)css";

std::string amount(const Page& page, std::int64_t minor)
{
  return domain::format_amount(minor, page.digits);
}

std::string percent(double share)
{
  return fmt::format("{:.1f}\u00a0%", share * 100.0);
}

std::string num_cell(const std::string& text, bool negative = false)
{
  return fmt::format("<td class=\"num{}\">{}</td>", negative ? " neg" : "", html_escape(text));
}

std::string cell(const std::string& text)
{
  return fmt::format("<td>{}</td>", html_escape(text));
}

std::string nowrap_cell(const std::string& text)
{
  return fmt::format("<td class=\"nowrap\">{}</td>", html_escape(text));
}

std::string amount_cell(const Page& page, std::int64_t minor)
{
  return num_cell(amount(page, minor), minor < 0);
}

std::string swatch(const char* colour)
{
  return fmt::format("<span class=\"swatch\" style=\"background:{}\"></span>", colour);
}

std::string empty_message(const std::string& text)
{
  return fmt::format("<p class=\"empty\">{}</p>\n", html_escape(text));
}

std::string head()
{
  return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>Outsourcing spend report \u2014 vendorcat</title>\n<style>{}</style>\n"
                     "</head>\n<body>\n<main>\n",
                     style);
}

std::string card(const std::string& label, const std::string& value, const std::string& sub)
{
  return fmt::format(
    "<div class=\"card\"><div class=\"label\">{}</div><div class=\"value\">{}</div>"
    "<div class=\"sub\">{}</div></div>\n",
    html_escape(label), html_escape(value), html_escape(sub));
}

// MINOR in the currency, short from a thousand up (`22.3M EUR`), exact below.
std::string headline(const Page& page, std::int64_t minor)
{
  std::int64_t thousand = 1000;
  for (int i = 0; i < page.digits; ++i) {
    thousand *= 10;
  }
  const bool small = minor > -thousand && minor < thousand;
  return (small ? amount(page, minor) : compact_amount(minor, page.digits)) + " " + page.currency;
}

std::string summary_cards(const Page& page)
{
  std::int64_t bpo = 0;
  std::int64_t kpo = 0;
  for (const auto& quarter : page.quarters) {
    bpo += quarter.bpo;
    kpo += quarter.kpo;
  }
  const auto total = bpo + kpo; // as in the quarter table
  const auto share = [&](std::int64_t part) {
    return total == 0
             ? std::string("\u2014")
             : percent(static_cast<double>(part) / static_cast<double>(total)) + " of spend";
  };
  std::string html = "<div class=\"cards\">\n";
  html += card("Total spend", headline(page, total), amount(page, total) + " " + page.currency);
  html += card("BPO", headline(page, bpo), share(bpo));
  html += card("KPO", headline(page, kpo), share(kpo));
  html += card("Renewals", std::to_string(page.renewals.size()),
               fmt::format("within {} days of {}", page.within, page.on));
  return html + "</div>\n";
}

std::string page_header(const Page& page)
{
  return fmt::format(
    "<header>\n<h1>Outsourcing spend report</h1>\n<p class=\"meta\">Report currency "
    "<strong>{}</strong> \u00b7 Spend from <strong>{}</strong> \u00b7 Renewals as of "
    "<strong>{}</strong></p>\n{}</header>\n",
    html_escape(page.currency), html_escape(page.range), html_escape(page.on), summary_cards(page));
}

std::string quarter_chart(const Page& page)
{
  StackedBarChart chart;
  chart.title =
    fmt::format("Stacked bar chart of BPO and KPO spend per quarter in {}", page.currency);
  chart.currency = page.currency;
  chart.digits = page.digits;
  chart.series = {{"BPO", bpo_colour}, {"KPO", kpo_colour}};
  for (const auto& quarter : page.quarters) {
    chart.bars.push_back({quarter.quarter, {quarter.bpo, quarter.kpo}});
  }
  return stacked_bar_svg(chart);
}

std::string quarter_table(const Page& page)
{
  std::string html = fmt::format(
    "<table>\n<thead><tr><th>Quarter</th><th class=\"num\">{}BPO ({})</th>"
    "<th class=\"num\">{}KPO ({})</th><th class=\"num\">Total ({})</th></tr></thead>\n<tbody>\n",
    swatch(bpo_colour), html_escape(page.currency), swatch(kpo_colour), html_escape(page.currency),
    html_escape(page.currency));
  QuarterRow sum;
  for (const auto& q : page.quarters) {
    html += "<tr>" + cell(q.quarter) + amount_cell(page, q.bpo) + amount_cell(page, q.kpo) +
            amount_cell(page, q.bpo + q.kpo) + "</tr>\n";
    sum.bpo += q.bpo;
    sum.kpo += q.kpo;
  }
  return html + "</tbody>\n<tfoot><tr>" + cell("Total") + amount_cell(page, sum.bpo) +
         amount_cell(page, sum.kpo) + amount_cell(page, sum.bpo + sum.kpo) +
         "</tr></tfoot>\n</table>\n";
}

std::string quarter_section(const Page& page)
{
  std::string html = "<section id=\"bpo-kpo\">\n<h2>BPO versus KPO spend by quarter</h2>\n"
                     "<p class=\"lead\">Business process (rule-based) versus knowledge process "
                     "(judgement-based) outsourcing, net of credit notes.</p>\n";
  if (page.quarters.empty()) {
    return html + empty_message("No spend recorded for this period.") + "</section>\n";
  }
  html += quarter_chart(page);
  html += quarter_table(page);
  const bool negative = std::any_of(page.quarters.begin(), page.quarters.end(),
                                    [](const QuarterRow& q) { return q.bpo < 0 || q.kpo < 0; });
  if (negative) {
    html += "<p class=\"note\">A negative net amount (more credit notes than invoices) is drawn "
            "as zero in the chart; the table shows the real figure in red.</p>\n";
  }
  return html + "</section>\n";
}

std::string share_table(const Page& page, const std::vector<ShareRow>& rows,
                        const std::string& first)
{
  std::string html = fmt::format("<table>\n<thead><tr><th>{}</th><th class=\"num\">Amount ({})</th>"
                                 "<th class=\"num\">Share</th></tr></thead>\n<tbody>\n",
                                 html_escape(first), html_escape(page.currency));
  std::int64_t total = 0;
  for (const auto& row : rows) {
    html += "<tr>" + cell(row.label) + amount_cell(page, row.amount) +
            num_cell(percent(row.share)) + "</tr>\n";
    total += row.amount;
  }
  return html + "</tbody>\n<tfoot><tr>" + cell("Total") + amount_cell(page, total) +
         num_cell(page.total == 0 ? "" : percent(1.0)) + "</tr></tfoot>\n</table>\n";
}

std::string model_section(const Page& page)
{
  std::string html = "<section id=\"delivery-model\">\n<h2>Spend by delivery model</h2>\n"
                     "<p class=\"lead\">Where the work is delivered from, seen from the home "
                     "country.</p>\n";
  if (page.quarters.empty()) {
    return html + empty_message("No spend recorded for this period.") + "</section>\n";
  }
  HorizontalBarChart chart;
  chart.title = fmt::format("Bar chart of spend by delivery model in {}", page.currency);
  for (std::size_t i = 0; i < page.models.size(); ++i) {
    const auto& row = page.models[i];
    chart.bars.push_back(
      {row.label, row.amount,
       fmt::format("{} {} \u00b7 {}", amount(page, row.amount), page.currency, percent(row.share)),
       model_colours.at(i).second});
  }
  return html + horizontal_bar_svg(chart) + share_table(page, page.models, "Delivery model") +
         "</section>\n";
}

const char* plural(std::size_t count)
{
  return count == 1 ? "" : "s";
}

std::string provider_table(const Page& page)
{
  std::string html = fmt::format("<table>\n<thead><tr><th class=\"num\">Rank</th><th>Provider</th>"
                                 "<th class=\"num\">Amount ({})</th><th class=\"num\">Share</th>"
                                 "</tr></thead>\n<tbody>\n",
                                 html_escape(page.currency));
  std::int64_t shown = 0;
  for (std::size_t i = 0; i < page.providers.size(); ++i) {
    const auto& row = page.providers[i];
    html += "<tr>" + num_cell(std::to_string(i + 1)) + cell(row.label) +
            amount_cell(page, row.amount) + num_cell(percent(row.share)) + "</tr>\n";
    shown += row.amount;
  }
  html += "</tbody>\n<tfoot>";
  const auto rest = page.provider_count - page.providers.size();
  if (rest > 0) {
    const double share =
      page.total == 0 ? 0.0
                      : static_cast<double>(page.total - shown) / static_cast<double>(page.total);
    html += "<tr><td></td>" + cell(fmt::format("{} other provider{}", rest, plural(rest))) +
            amount_cell(page, page.total - shown) + num_cell(percent(share)) + "</tr>";
  }
  return html + "<tr><td></td>" +
         cell(
           fmt::format("Total ({} provider{})", page.provider_count, plural(page.provider_count))) +
         amount_cell(page, page.total) + num_cell(page.total == 0 ? "" : percent(1.0)) +
         "</tr></tfoot>\n</table>\n";
}

std::string provider_section(const Page& page)
{
  std::string html = "<section id=\"top-providers\">\n<h2>Top providers</h2>\n"
                     "<p class=\"lead\">The providers with the most spend, largest first.</p>\n";
  if (page.providers.empty()) {
    return html + empty_message("No spend recorded for this period.") + "</section>\n";
  }
  HorizontalBarChart chart;
  chart.title = fmt::format("Bar chart of the top {} providers by spend in {}",
                            page.providers.size(), page.currency);
  for (const auto& row : page.providers) {
    chart.bars.push_back(
      {row.label, row.amount,
       fmt::format("{} {} \u00b7 {}", amount(page, row.amount), page.currency, percent(row.share)),
       provider_colour});
  }
  return html + horizontal_bar_svg(chart) + provider_table(page) + "</section>\n";
}

std::string renewal_row(const Renewal& r)
{
  const auto optional = [](const std::optional<std::string>& text, bool numeric) {
    const auto td = numeric ? "<td class=\"num\">" : "<td class=\"nowrap\">";
    return text ? fmt::format("{}{}</td>", td, html_escape(*text))
                : fmt::format("{}<span class=\"muted\">\u2014</span></td>", td);
  };
  const auto badge = r.auto_renew ? "<span class=\"badge auto\">auto-renews</span>"
                                  : "<span class=\"badge manual\">no</span>";
  return fmt::format("<tr>{}{}{}{}<td class=\"num{}\">{}</td><td>{}</td>{}{}</tr>\n",
                     nowrap_cell(r.ref), cell(r.provider), nowrap_cell(r.end_date),
                     optional(r.notice_deadline, false), r.days_left <= 30 ? " soon" : "",
                     r.days_left, badge, optional(r.value, true), cell(r.currency));
}

std::string renewals_section(const Page& page)
{
  std::string html =
    fmt::format("<section id=\"renewals\">\n<h2>Upcoming renewals</h2>\n"
                "<p class=\"lead\">Planned and active engagements whose end date or "
                "notice deadline falls within {} days of {}, soonest first.</p>\n",
                page.within, html_escape(page.on));
  if (page.renewals.empty()) {
    return html + empty_message(fmt::format("No renewals within {} days.", page.within)) +
           "</section>\n";
  }
  html +=
    "<table>\n<thead><tr><th>Ref</th><th>Provider</th><th>End date</th><th>Notice deadline</th>"
    "<th class=\"num\">Days left</th><th>Auto-renew</th><th class=\"num\">Value</th>"
    "<th>Currency</th></tr></thead>\n<tbody>\n";
  for (const auto& renewal : page.renewals) {
    html += renewal_row(renewal);
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

std::string page_html(const Page& page)
{
  return head() + page_header(page) + quarter_section(page) + model_section(page) +
         provider_section(page) + renewals_section(page) +
         fmt::format(
           "<footer>Generated by vendorcat. Amounts in {} are exact, net of credit notes, "
           "converted at each month's exchange rate and rounded once per figure, so "
           "totals of different breakdowns can differ in the last digit.</footer>\n"
           "</main>\n</body>\n</html>\n",
           html_escape(page.currency));
}

} // namespace

void render_html_report(store::Catalogue& catalogue, const HtmlReportOptions& options,
                        std::ostream& out)
{
  const auto html = page_html(compute_page(catalogue, options));
  out << html;
  out.flush();
  if (!out) {
    throw IoError("cannot write the HTML report");
  }
}

std::string html_escape(std::string_view text)
{
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

} // namespace vendorcat::report
