// The HTML report's SVG charts (report/svg_chart.hpp): what is drawn for
// each bar and series, escaping, negative values, empty charts and the
// accessible title; and the compact axis labels.

#include "report/svg_chart.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

using namespace vendorcat;

namespace {

std::size_t count(const std::string& text, const std::string& part)
{
  std::size_t found = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) {
    ++found;
  }
  return found;
}

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

// The svg is one element, with the title as its accessible name.
void expect_svg_with_title(const std::string& svg, const std::string& escaped_title)
{
  EXPECT_EQ(svg.rfind("<svg class=\"chart\" role=\"img\" aria-label=\"" + escaped_title + "\"", 0), 0U)
    << svg;
  EXPECT_TRUE(contains(svg, ">\n<title>" + escaped_title + "</title>\n")) << svg;
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_EQ(count(svg, "<svg"), 1U);
  EXPECT_EQ(count(svg, "</svg>"), 1U);
}

// The data bars of a stacked chart (legend swatches have no tooltip).
std::vector<std::string> bar_rects(const std::string& svg)
{
  static const std::regex bar(R"(<rect [^>]*><title>[^<]*</title></rect>)");
  std::vector<std::string> found;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it) {
    found.push_back(it->str());
  }
  return found;
}

// The y and height attributes of a rect, e.g. `y="52.0" height="288.0"`.
std::string y_and_height(const std::string& rect)
{
  static const std::regex attributes(R"#(y="([0-9.]+)" width="[0-9.]+" height="([0-9.]+)")#");
  std::smatch match;
  return std::regex_search(rect, match, attributes) ? match.str(1) + "/" + match.str(2) : "";
}

report::StackedBarChart two_series_chart()
{
  report::StackedBarChart chart;
  chart.title = "Spend by month";
  chart.currency = "EUR";
  chart.series = {{"BPO", "#2563eb"}, {"KPO", "#f59e0b"}};
  chart.bars = {{"2025-01", {100000, 50000}}, {"2025-02", {20000, 30000}}, {"2025-03", {70000, 10000}}};
  return chart;
}

} // namespace

TEST(StackedBarSvg, DrawsOneRectPerBarAndSeriesWithItsTooltip)
{
  const auto svg = report::stacked_bar_svg(two_series_chart());
  expect_svg_with_title(svg, "Spend by month");
  EXPECT_EQ(bar_rects(svg).size(), 6U);
  EXPECT_TRUE(contains(svg, "<title>2025-01 BPO: 1000.00 EUR</title>"));
  EXPECT_TRUE(contains(svg, "<title>2025-03 KPO: 100.00 EUR</title>"));
  // One x label per bar, one legend entry (swatch and name) per series.
  for (const char* label :
       {">2025-01</text>", ">2025-02</text>", ">2025-03</text>", ">BPO</text>", ">KPO</text>"}) {
    EXPECT_EQ(count(svg, label), 1U) << label;
  }
  EXPECT_EQ(count(svg, "rx=\"2\" fill=\"#2563eb\"/>"), 1U);
  EXPECT_EQ(count(svg, "rx=\"2\" fill=\"#f59e0b\"/>"), 1U);
  EXPECT_EQ(count(svg, "fill=\"#2563eb\"><title>"), 3U);
  EXPECT_EQ(count(svg, "fill=\"#f59e0b\"><title>"), 3U);
}

TEST(StackedBarSvg, LabelsTheAxisInTheCurrencyAndEachBarWithItsTotal)
{
  const auto svg = report::stacked_bar_svg(two_series_chart());
  EXPECT_TRUE(contains(svg, " font-weight=\"600\">EUR</text>"));
  // Totals above the bars: 2025-01 is 1000.00 + 500.00, 2025-03 700.00 + 100.00.
  EXPECT_TRUE(contains(svg, " font-weight=\"600\">1.5k</text>"));
  EXPECT_TRUE(contains(svg, " font-weight=\"600\">800</text>"));
  // Gridlines at nice steps: 0, 500, 1k, 1.5k.
  for (const char* step :
       {"\"end\">0</text>", "\"end\">500</text>", "\"end\">1k</text>", "\"end\">1.5k</text>"}) {
    EXPECT_EQ(count(svg, step), 1U) << step;
  }
}

TEST(StackedBarSvg, EscapesTheTitleLabelsAndSeriesNames)
{
  auto chart = two_series_chart();
  chart.title = "Spend <&> \"all\"";
  chart.series[0].name = "<R&D>";
  chart.bars[0].label = "<&>";
  const auto svg = report::stacked_bar_svg(chart);
  expect_svg_with_title(svg, "Spend &lt;&amp;&gt; &quot;all&quot;");
  EXPECT_FALSE(contains(svg, "<&>"));
  EXPECT_FALSE(contains(svg, "<R&D>"));
  EXPECT_TRUE(contains(svg, ">&lt;R&amp;D&gt;</text>"));
  EXPECT_TRUE(contains(svg, ">&lt;&amp;&gt;</text>"));
  EXPECT_TRUE(contains(svg, "<title>&lt;&amp;&gt; &lt;R&amp;D&gt;: 1000.00 EUR</title>"));
}

TEST(StackedBarSvg, ANegativeValueIsDrawnAsNothingAndDoesNotLowerTheStack)
{
  report::StackedBarChart chart;
  chart.title = "Net";
  chart.currency = "EUR";
  chart.series = {{"BPO", "#2563eb"}, {"KPO", "#f59e0b"}};
  chart.bars = {{"credit", {-50000, 100000}}, {"plain", {0, 100000}}};
  const auto rects = bar_rects(report::stacked_bar_svg(chart));
  ASSERT_EQ(rects.size(), 2U); // neither the credit note nor the zero is drawn
  EXPECT_NE(y_and_height(rects[0]), "");
  EXPECT_EQ(y_and_height(rects[0]), y_and_height(rects[1]));
}

TEST(StackedBarSvg, OnlyNegativeValuesDrawNoBarsButStillAnAxis)
{
  report::StackedBarChart chart;
  chart.title = "Credits";
  chart.currency = "EUR";
  chart.series = {{"BPO", "#2563eb"}};
  chart.bars = {{"2025-01", {-100}}};
  const auto svg = report::stacked_bar_svg(chart);
  expect_svg_with_title(svg, "Credits");
  EXPECT_TRUE(bar_rects(svg).empty());
  EXPECT_GE(count(svg, "<line "), 2U);
}

TEST(StackedBarSvg, AnEmptyChartIsStillAValidSvg)
{
  report::StackedBarChart chart;
  chart.title = "Nothing yet";
  const auto svg = report::stacked_bar_svg(chart);
  expect_svg_with_title(svg, "Nothing yet");
  EXPECT_TRUE(bar_rects(svg).empty());
  EXPECT_EQ(count(svg, "<rect"), 0U);
}

TEST(GroupedBarSvg, DrawsEachValueSideBySideScaledToTheLargestOne)
{
  const auto svg = report::grouped_bar_svg(two_series_chart());
  expect_svg_with_title(svg, "Spend by month");
  const auto bars = bar_rects(svg);
  ASSERT_EQ(bars.size(), 6U);
  EXPECT_TRUE(contains(svg, "<title>2025-01 BPO: 1000.00 EUR</title>"));
  // The scale reaches the largest single value (1000.00), not a stack: gridlines 0 to 1k.
  for (const char* step : {"\"end\">0</text>", "\"end\">250</text>", "\"end\">1k</text>"}) {
    EXPECT_EQ(count(svg, step), 1U) << step;
  }
  EXPECT_FALSE(contains(svg, "\"end\">1.5k</text>"));
  // Side by side: both bars of a month stand on the axis, BPO left of KPO.
  const auto plot_bottom = std::string("340.0");
  for (const auto& bar : bars) {
    const auto attributes = y_and_height(bar);
    const auto slash = attributes.find('/');
    ASSERT_NE(slash, std::string::npos) << bar;
    EXPECT_NEAR(std::stod(attributes.substr(0, slash)) + std::stod(attributes.substr(slash + 1)),
                std::stod(plot_bottom), 0.11)
      << bar;
  }
  // Each value is written above its bar.
  EXPECT_TRUE(contains(svg, ">1k</text>"));
  EXPECT_TRUE(contains(svg, ">500</text>"));
  EXPECT_TRUE(contains(svg, ">700</text>"));
}

TEST(GroupedBarSvg, AMissingOrNegativeValueDrawsNothing)
{
  auto chart = two_series_chart();
  chart.bars = {{"2025-Q1", {0, -5000}}, {"2025-Q2", {300000, 0}}};
  const auto svg = report::grouped_bar_svg(chart);
  ASSERT_EQ(bar_rects(svg).size(), 1U);
  EXPECT_TRUE(contains(svg, "<title>2025-Q2 BPO: 3000.00 EUR</title>"));
  EXPECT_TRUE(contains(report::grouped_bar_svg(report::StackedBarChart{}), "</svg>"));
}

TEST(HorizontalBarSvg, DrawsOneGroupPerBarWithItsTooltipAndValueText)
{
  report::HorizontalBarChart chart;
  chart.title = "Top providers";
  chart.bars = {{"Acme Oy", 300, "3.00 EUR", "#0f766e"},
                {"Beta AB", 150, "1.50 EUR", "#0f766e"},
                {"Gamma", 75, "0.75 EUR", "#0f766e"}};
  const auto svg = report::horizontal_bar_svg(chart);
  expect_svg_with_title(svg, "Top providers");
  EXPECT_EQ(count(svg, "<g>"), 3U);
  EXPECT_EQ(count(svg, "</g>"), 3U);
  EXPECT_EQ(count(svg, "<rect "), 3U);
  EXPECT_TRUE(contains(svg, "<g><title>Acme Oy: 3.00 EUR</title>"));
  EXPECT_TRUE(contains(svg, " class=\"num\">0.75 EUR</text>"));
  // The largest bar sets the scale: half the value, half the width.
  EXPECT_TRUE(contains(svg, "width=\"520.0\""));
  EXPECT_TRUE(contains(svg, "width=\"260.0\""));
}

TEST(HorizontalBarSvg, EscapesLabelsAndValueTexts)
{
  report::HorizontalBarChart chart;
  chart.title = "<&>";
  chart.bars = {{"<&>", 10, "a & b", "#0f766e"}};
  const auto svg = report::horizontal_bar_svg(chart);
  expect_svg_with_title(svg, "&lt;&amp;&gt;");
  EXPECT_FALSE(contains(svg, "<&>"));
  EXPECT_TRUE(contains(svg, "<g><title>&lt;&amp;&gt;: a &amp; b</title>"));
  EXPECT_TRUE(contains(svg, ">a &amp; b</text>"));
}

TEST(HorizontalBarSvg, ANegativeValueHasNoBarButKeepsItsRowAndText)
{
  report::HorizontalBarChart chart;
  chart.title = "Net";
  chart.bars = {{"Plus", 100, "1.00", "#0f766e"}, {"Minus", -40, "-0.40", "#0f766e"}};
  const auto svg = report::horizontal_bar_svg(chart);
  EXPECT_EQ(count(svg, "<g>"), 2U);
  EXPECT_EQ(count(svg, "<rect "), 1U);
  EXPECT_TRUE(contains(svg, ">-0.40</text>"));
  EXPECT_FALSE(contains(svg, "width=\"-"));
}

TEST(HorizontalBarSvg, AnEmptyChartIsStillAValidSvg)
{
  report::HorizontalBarChart chart;
  chart.title = "No providers";
  const auto svg = report::horizontal_bar_svg(chart);
  expect_svg_with_title(svg, "No providers");
  EXPECT_EQ(count(svg, "<g>"), 0U);
}

TEST(HorizontalBarSvg, ALongLabelIsCutWithAnEllipsisButTheTooltipKeepsIt)
{
  report::HorizontalBarChart chart;
  chart.title = "Long";
  const std::string name = "Ääkkös Outsourcing Services International Holding";
  chart.bars = {{name, 1, "0.01", "#0f766e"}};
  const auto svg = report::horizontal_bar_svg(chart);
  EXPECT_TRUE(contains(svg, "<title>" + name + ": 0.01</title>"));
  EXPECT_TRUE(contains(svg, ">Ääkkös Outsourcing Services Inte\u2026</text>")); // 32 code points
}

TEST(CompactAmount, ShortensFromAThousandUp)
{
  EXPECT_EQ(report::compact_amount(0, 2), "0");
  EXPECT_EQ(report::compact_amount(99, 2), "0.99");
  EXPECT_EQ(report::compact_amount(100, 2), "1");
  EXPECT_EQ(report::compact_amount(99999, 2), "999.99");
  EXPECT_EQ(report::compact_amount(100000, 2), "1k");
  EXPECT_EQ(report::compact_amount(25000000, 2), "250k");
  EXPECT_EQ(report::compact_amount(150000000, 2), "1.5M");
  EXPECT_EQ(report::compact_amount(123456789000, 2), "1.23bn");
  EXPECT_EQ(report::compact_amount(1500, 0), "1.5k");
  EXPECT_EQ(report::compact_amount(1234567, 3), "1.23k");
}

TEST(CompactAmount, NegativeAmountsKeepTheirSign)
{
  EXPECT_EQ(report::compact_amount(-2500000, 2), "-25k");
  EXPECT_EQ(report::compact_amount(-50, 2), "-0.5");
  EXPECT_EQ(report::compact_amount(-1, 3), "0"); // -0.001 rounds to zero, without a sign
}

TEST(CompactAmount, RoundingUpToTheNextUnitUsesThatUnit)
{
  EXPECT_EQ(report::compact_amount(99999950, 2), "1M");
  EXPECT_EQ(report::compact_amount(999999, 3), "1k");
}
