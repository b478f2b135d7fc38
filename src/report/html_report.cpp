// `report html`: the page laid out from its figures (html_page.hpp), computed
// first so that a ValidationError such as a missing exchange rate leaves the
// stream untouched. The page is one self-contained HTML5 document: the style
// sheet (resources/report.css, embedded) inline, inline SVG charts
// (svg_chart.hpp) each followed by its table, no script and nothing fetched
// from anywhere. Every text that comes from the catalogue goes through
// html_escape.

#include "report/html_report.hpp"

#include "domain/amount.hpp"
#include "domain/assessment.hpp"
#include "domain/counted.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "report/html_page.hpp"
#include "report/html_parts.hpp"
#include "report/html_unit_cost.hpp"
#include "report/svg_chart.hpp"
#include "store/embedded.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <ostream>

namespace vendorcat::report {

namespace {

constexpr const char* bpo_colour = "#2563eb";
constexpr const char* kpo_colour = "#f59e0b";
constexpr const char* provider_colour = "#0f766e";

using Page = HtmlPage;

// A row of a share table: its label, amount and share.
struct ShareRow
{
  std::string label;
  std::int64_t amount = 0;
  double share = 0;
};

std::string amount(const Page& page, std::int64_t minor)
{
  return domain::group_thousands(domain::format_amount(minor, page.digits));
}

std::string percent(double share)
{
  return fmt::format("{:.1f}\u00a0%", share * 100.0);
}

std::string amount_cell(const Page& page, std::int64_t minor)
{
  return num_cell(amount(page, minor), minor < 0);
}

std::string head()
{
  return fmt::format("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                     "<title>Outsourcing spend report \u2014 vendorcat</title>\n<style>{}</style>\n"
                     "</head>\n<body>\n<main>\n",
                     store::embedded_file("resources/report.css"));
}

std::string card(const std::string& label, const std::string& value, const std::string& sub)
{
  return fmt::format("<div class=\"card\"><div class=\"label\">{}</div><div class=\"value\">{}</div>"
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
    return total == 0 ? std::string("\u2014")
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
  return fmt::format("<header>\n<h1>Outsourcing spend report</h1>\n<p class=\"meta\">Report currency "
                     "<strong>{}</strong> \u00b7 Spend from <strong>{}</strong> \u00b7 Renewals as of "
                     "<strong>{}</strong></p>\n{}</header>\n",
                     html_escape(page.currency), html_escape(page.range), html_escape(page.on),
                     summary_cards(page));
}

std::string quarter_chart(const Page& page)
{
  StackedBarChart chart;
  chart.title = fmt::format("Stacked bar chart of BPO and KPO spend per quarter in {}", page.currency);
  chart.currency = page.currency;
  chart.digits = page.digits;
  chart.series = {{"BPO", bpo_colour}, {"KPO", kpo_colour}};
  for (const auto& quarter : page.quarters) {
    chart.bars.push_back({quarter.period, {quarter.bpo, quarter.kpo}});
  }
  return stacked_bar_svg(chart);
}

std::string quarter_table(const Page& page)
{
  std::string html =
    fmt::format("<table>\n<thead><tr><th>Quarter</th><th class=\"num\">{}BPO ({})</th>"
                "<th class=\"num\">{}KPO ({})</th><th class=\"num\">Total ({})</th></tr></thead>\n<tbody>\n",
                swatch(bpo_colour), html_escape(page.currency), swatch(kpo_colour),
                html_escape(page.currency), html_escape(page.currency));
  TypeSplit sum;
  for (const auto& q : page.quarters) {
    html += "<tr>" + cell(q.period) + amount_cell(page, q.bpo) + amount_cell(page, q.kpo) +
            amount_cell(page, q.bpo + q.kpo) + "</tr>\n";
    sum.bpo += q.bpo;
    sum.kpo += q.kpo;
  }
  return html + "</tbody>\n<tfoot><tr>" + cell("Total") + amount_cell(page, sum.bpo) +
         amount_cell(page, sum.kpo) + amount_cell(page, sum.bpo + sum.kpo) + "</tr></tfoot>\n</table>\n";
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
                                    [](const TypeSplit& q) { return q.bpo < 0 || q.kpo < 0; });
  if (negative) {
    html += "<p class=\"note\">A negative net amount (more credit notes than invoices) is drawn "
            "as zero in the chart; the table shows the real figure in red.</p>\n";
  }
  return html + "</section>\n";
}

std::string share_table(const Page& page, const std::vector<ShareRow>& rows, const std::string& first)
{
  std::string html = fmt::format("<table>\n<thead><tr><th>{}</th><th class=\"num\">Amount ({})</th>"
                                 "<th class=\"num\">Share</th></tr></thead>\n<tbody>\n",
                                 html_escape(first), html_escape(page.currency));
  std::int64_t total = 0;
  for (const auto& row : rows) {
    html +=
      "<tr>" + cell(row.label) + amount_cell(page, row.amount) + num_cell(percent(row.share)) + "</tr>\n";
    total += row.amount;
  }
  return html + "</tbody>\n<tfoot><tr>" + cell("Total") + amount_cell(page, total) +
         num_cell(page.provider_total == 0 ? "" : percent(1.0)) + "</tr></tfoot>\n</table>\n";
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
  std::vector<ShareRow> rows;
  for (const auto& model : page.models) {
    const auto label = domain::to_string(model.model);
    chart.bars.push_back(
      {label, model.amount,
       fmt::format("{} {} \u00b7 {}", amount(page, model.amount), page.currency, percent(model.share)),
       model_colours.at(static_cast<std::size_t>(model.model))});
    rows.push_back({label, model.amount, model.share});
  }
  return html + horizontal_bar_svg(chart) + share_table(page, rows, "Delivery model") + "</section>\n";
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
    html += "<tr>" + num_cell(std::to_string(i + 1)) + cell(row.provider) + amount_cell(page, row.amount) +
            num_cell(percent(row.share)) + "</tr>\n";
    shown += row.amount;
  }
  html += "</tbody>\n<tfoot>";
  const auto rest = page.provider_count - page.providers.size();
  const auto total = page.provider_total;
  if (rest > 0) {
    const double share = total == 0 ? 0.0 : static_cast<double>(total - shown) / static_cast<double>(total);
    html += "<tr><td></td>" + cell(domain::counted(rest, "other provider")) +
            amount_cell(page, total - shown) + num_cell(percent(share)) + "</tr>";
  }
  return html + "<tr><td></td>" +
         cell(fmt::format("Total ({})", domain::counted(page.provider_count, "provider"))) +
         amount_cell(page, total) + num_cell(total == 0 ? "" : percent(1.0)) + "</tr></tfoot>\n</table>\n";
}

std::string provider_section(const Page& page)
{
  std::string html = "<section id=\"top-providers\">\n<h2>Top providers</h2>\n"
                     "<p class=\"lead\">The providers with the most spend, largest first.</p>\n";
  if (page.providers.empty()) {
    return html + empty_message("No spend recorded for this period.") + "</section>\n";
  }
  HorizontalBarChart chart;
  chart.title =
    fmt::format("Bar chart of the top {} providers by spend in {}", page.providers.size(), page.currency);
  for (const auto& row : page.providers) {
    chart.bars.push_back(
      {row.provider, row.amount,
       fmt::format("{} {} \u00b7 {}", amount(page, row.amount), page.currency, percent(row.share)),
       provider_colour});
  }
  return html + horizontal_bar_svg(chart) + provider_table(page) + "</section>\n";
}

std::string renewal_row(const Renewal& r)
{
  const auto optional = [](const std::optional<std::string>& text, bool numeric) {
    // An absent value is a muted dash.
    const auto td = numeric ? "<td class=\"num\">" : "<td class=\"nowrap\">";
    return text ? fmt::format("{}{}</td>", td, html_escape(*text))
                : fmt::format("{}<span class=\"muted\">\u2014</span></td>", td);
  };
  const auto badge =
    r.auto_renew ? "<span class=\"badge auto\">auto-renews</span>" : "<span class=\"badge manual\">no</span>";
  return fmt::format(
    "<tr>{}{}{}{}<td class=\"num{}\">{}</td><td>{}</td>{}{}</tr>\n", nowrap_cell(r.ref), cell(r.provider),
    nowrap_cell(r.end_date.to_string()),
    optional(r.notice_deadline ? std::optional(r.notice_deadline->to_string()) : std::nullopt, false),
    r.days_left <= 30 ? " soon" : "", r.days_left, badge,
    optional(r.value ? std::optional(domain::group_thousands(r.value->to_string())) : std::nullopt, true),
    cell(r.currency));
}

std::string renewals_section(const Page& page)
{
  std::string html = fmt::format("<section id=\"renewals\">\n<h2>Upcoming renewals</h2>\n"
                                 "<p class=\"lead\">Planned and active engagements whose end date or "
                                 "notice deadline falls within {} days of {}, soonest first.</p>\n",
                                 page.within, html_escape(page.on));
  if (page.renewals.empty()) {
    return html + empty_message(fmt::format("No renewals within {} days.", page.within)) + "</section>\n";
  }
  html += "<table>\n<thead><tr><th>Ref</th><th>Provider</th><th>End date</th><th>Notice deadline</th>"
          "<th class=\"num\">Days left</th><th>Auto-renew</th><th class=\"num\">Value</th>"
          "<th>Currency</th></tr></thead>\n<tbody>\n";
  for (const auto& renewal : page.renewals) {
    html += renewal_row(renewal);
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

std::string mismatch_section(const Page& page)
{
  std::string html = fmt::format(
    "<section id=\"assessment\">\n<h2>Assessed type differs from the service</h2>\n"
    "<p class=\"lead\">Engagements whose answers to the eight BPO/KPO criteria point to the other type "
    "than their service's default (at least {} answers, no tie); their spend counts as the type shown.</p>\n",
    domain::min_assessed_answers);
  if (page.mismatches.empty()) {
    return html + empty_message("No assessed engagement contradicts its service.") + "</section>\n";
  }
  html += "<table>\n<thead><tr><th>Ref</th><th>Provider</th><th>Service</th><th>Service type</th>"
          "<th>Assessed</th><th class=\"num\">KPO points</th><th>Type</th></tr></thead>\n<tbody>\n";
  for (const auto& row : page.mismatches) {
    const auto assessed = row.assessment.type();
    html += fmt::format("<tr>{}{}{}<td>{}</td><td>{}</td>{}<td>{} ({})</td></tr>\n", nowrap_cell(row.ref),
                        cell(row.provider), nowrap_cell(row.service), domain::to_string(row.service_type),
                        assessed ? domain::to_string(*assessed) : "",
                        num_cell(fmt::format("{} of {}", row.assessment.points(domain::OutsourcingType::kpo),
                                             row.assessment.answered())),
                        domain::to_string(row.type), domain::to_string(row.type_source));
  }
  return html + "</tbody>\n</table>\n</section>\n";
}

std::string page_html(const Page& page)
{
  return head() + page_header(page) + quarter_section(page) + model_section(page) + unit_cost_section(page) +
         provider_section(page) + renewals_section(page) + mismatch_section(page) +
         fmt::format("<footer>Generated by vendorcat. Amounts in {} are exact, net of credit notes, "
                     "converted at each month's exchange rate and rounded once per figure, so "
                     "totals of different breakdowns can differ in the last digit.</footer>\n"
                     "</main>\n</body>\n</html>\n",
                     html_escape(page.currency));
}

} // namespace

void render_html_report(store::Catalogue& catalogue, const HtmlReportOptions& options, std::ostream& out)
{
  const auto html = page_html(compute_html_page(catalogue, options));
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
