#pragma once

// Inline SVG charts for the HTML report: a vertical bar chart, its values
// stacked or grouped side by side, and a horizontal bar chart. Values are amounts in minor units; bars below
// zero (net credit notes) are drawn as zero. Every label is HTML-escaped here, so callers pass plain text.

#include <cstdint>
#include <string>
#include <vector>

namespace vendorcat::report {

// One stacked series: its legend name and fill colour (e.g. "#2563eb").
struct ChartSeries
{
  std::string name;
  std::string colour;
};

// One bar of a stacked chart: its x label and one value per series.
struct StackedBar
{
  std::string label;
  std::vector<std::int64_t> values;
};

struct StackedBarChart
{
  std::string title;    // the aria-label
  std::string currency; // the y axis unit (`EUR`, `EUR per FTE`)
  int digits = 2;       // minor digits of the currency
  std::vector<ChartSeries> series;
  std::vector<StackedBar> bars;
};

// One bar of a horizontal chart; VALUE_TEXT is printed after the bar.
struct HorizontalBar
{
  std::string label;
  std::int64_t value = 0;
  std::string value_text;
  std::string colour;
};

struct HorizontalBarChart
{
  std::string title; // the aria-label
  std::vector<HorizontalBar> bars;
};

// The chart as an <svg role="img"> element with gridlines, axis labels in
// the currency, x labels and a legend; never fails.
std::string stacked_bar_svg(const StackedBarChart& chart);

// The same chart with each bar's values side by side, each labelled with its
// value where there is room (figures that do not add up, such as unit
// costs); never fails.
std::string grouped_bar_svg(const StackedBarChart& chart);

// The chart as an <svg role="img"> element, one labelled bar per row; never fails.
std::string horizontal_bar_svg(const HorizontalBarChart& chart);

// VALUE (minor units with DIGITS decimals) as a short axis label: `0`,
// `250k`, `1.5M`; never fails.
std::string compact_amount(std::int64_t value, int digits);

} // namespace vendorcat::report
