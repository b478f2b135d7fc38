// The unit-cost section of `report html` (see html_unit_cost.hpp): one bar
// per delivery model in each quarter, side by side (unit costs do not add
// up), then the figures with offshore over onshore, the cost arbitrage.

#include "report/html_unit_cost.hpp"

#include "domain/amount.hpp"
#include "domain/classification.hpp"
#include "report/html_parts.hpp"
#include "report/html_report.hpp"
#include "report/svg_chart.hpp"

#include <fmt/format.h>

namespace vendorcat::report {

namespace {

constexpr auto offshore = static_cast<std::size_t>(domain::DeliveryModel::offshore);

std::string unit_cost_chart(const HtmlPage& page)
{
  StackedBarChart chart;
  chart.title =
    fmt::format("Bar chart of the cost per FTE of each delivery model per quarter in {}", page.currency);
  chart.currency = fmt::format("{}/FTE", page.currency);
  chart.digits = page.digits;
  for (const auto model : domain::all_delivery_models) {
    chart.series.push_back({domain::to_string(model), model_colours.at(static_cast<std::size_t>(model))});
  }
  for (const auto& quarter : page.unit_costs) {
    StackedBar bar{quarter.period, {}};
    for (const auto& cost : quarter.unit_cost) {
      bar.values.push_back(cost.value_or(0));
    }
    chart.bars.push_back(std::move(bar));
  }
  return grouped_bar_svg(chart);
}

std::string optional_cell(const HtmlPage& page, const std::optional<std::int64_t>& minor)
{
  if (!minor) {
    return "<td class=\"num\"><span class=\"muted\">\u2014</span></td>";
  }
  return num_cell(domain::group_thousands(domain::format_amount(*minor, page.digits)), *minor < 0);
}

std::string unit_cost_table(const HtmlPage& page)
{
  std::string html = "<table>\n<thead><tr><th>Quarter</th>";
  for (const auto model : domain::all_delivery_models) {
    html += fmt::format("<th class=\"num\">{}{} ({}/FTE)</th>",
                        swatch(model_colours.at(static_cast<std::size_t>(model))),
                        html_escape(domain::to_string(model)), html_escape(page.currency));
  }
  html += "<th class=\"num\">Offshore vs onshore</th></tr></thead>\n<tbody>\n";
  for (const auto& quarter : page.unit_costs) {
    html += "<tr>" + cell(quarter.period);
    for (const auto& cost : quarter.unit_cost) {
      html += optional_cell(page, cost);
    }
    const auto& ratio = quarter.vs_onshore.at(offshore);
    html += ratio ? num_cell(fmt::format("{}\u00a0%", domain::format_amount(*ratio, 2)))
                  : "<td class=\"num\"><span class=\"muted\">\u2014</span></td>";
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

} // namespace

std::string unit_cost_section(const HtmlPage& page)
{
  std::string html = "<section id=\"unit-cost\">\n<h2>Unit cost by delivery model</h2>\n"
                     "<p class=\"lead\">Spend per FTE-month in each quarter, counting only the months "
                     "with an FTE volume: what nearshoring and offshoring save per person.</p>\n";
  if (page.unit_costs.empty()) {
    return html + empty_message("No FTE volumes recorded for this period.") + "</section>\n";
  }
  return html + unit_cost_chart(page) + unit_cost_table(page) + "</section>\n";
}

} // namespace vendorcat::report
