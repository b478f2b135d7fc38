// The report's charts as hand-written SVG, so the HTML page needs no script
// and no library. The vertical chart (stacked or grouped) picks a "nice" y scale (steps of 1, 2,
// 2.5 or 5 times a power of ten, four or five gridlines) and thins its x
// labels when bars get narrow; the horizontal chart scales every bar to the
// largest one. Negative values are clamped to zero when drawn; the exact
// figures stay in each bar's tooltip and in the tables next to the charts.

#include "report/svg_chart.hpp"

#include "domain/amount.hpp"
#include "report/html_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace vendorcat::report {

namespace {

constexpr double stacked_width = 960;
constexpr double stacked_height = 380;
constexpr double plot_left = 76;
constexpr double plot_right = 16;
constexpr double plot_top = 52;
constexpr double plot_bottom = 40;

constexpr double bars_width = 960;
constexpr double row_height = 32;
constexpr double bar_height = 20;
constexpr double label_width = 240;
constexpr double value_width = 200;
constexpr std::size_t label_chars = 32;

constexpr const char* axis_colour = "#94a3b8";
constexpr const char* grid_colour = "#e2e8f0";
constexpr const char* text_colour = "#334155";

double major_units(std::int64_t minor, int digits)
{
  return static_cast<double>(minor) / std::pow(10.0, digits);
}

// VALUE with at most DECIMALS decimals, trailing zeros dropped.
std::string trimmed(double value, int decimals)
{
  auto text = fmt::format("{:.{}f}", value, decimals);
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return text == "-0" ? "0" : text;
}

std::string compact(double major)
{
  // The unit the magnitude reaches, or the next one when the value shown with
  // 2 decimals would read 1000 of it: 999999.5 is 1M, not 1000k.
  constexpr std::array<std::pair<double, const char*>, 4> units{
    {{1.0, ""}, {1e3, "k"}, {1e6, "M"}, {1e9, "bn"}}};
  const double magnitude = std::fabs(major);
  std::size_t unit = 0;
  while (unit + 1 < units.size() && magnitude >= units[unit + 1].first) {
    ++unit;
  }
  if (unit + 1 < units.size() && std::round(magnitude / units[unit].first * 100.0) >= 100'000.0) {
    ++unit;
  }
  return trimmed(major / units[unit].first, 2) + units[unit].second;
}

// The gridline step for values up to MAX (> 0): 1, 2, 2.5 or 5 times a
// power of ten, giving four or five steps.
double nice_step(double max)
{
  const double raw = max / 4.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double normalised = raw / magnitude;
  for (const double nice : {1.0, 2.0, 2.5, 5.0}) {
    if (normalised <= nice) {
      return nice * magnitude;
    }
  }
  return 10.0 * magnitude;
}

// TEXT cut to MAX code points (UTF-8), with an ellipsis when cut.
std::string truncated(const std::string& text, std::size_t max)
{
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0U) != 0x80U && ++points > max) {
      return text.substr(0, i) + "\u2026";
    }
  }
  return text;
}

std::string svg_open(double width, double height, const std::string& title)
{
  return fmt::format("<svg class=\"chart\" role=\"img\" "
                     "aria-label=\"{0}\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" "
                     "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" "
                     "font-size=\"12\" fill=\"{3}\">\n<title>{0}</title>\n",
                     html_escape(title), width, height, text_colour);
}

std::string rect(double x, double y, double width, double height, const std::string& colour,
                 const std::string& tooltip)
{
  return fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                     "fill=\"{}\"><title>{}</title></rect>\n",
                     x, y, width, height, html_escape(colour), html_escape(tooltip));
}

std::string text(double x, double y, const char* anchor, const std::string& content,
                 const std::string& extra = "")
{
  return fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"{}\"{}>{}</text>\n", x, y, anchor, extra,
                     html_escape(content));
}

struct Scale
{
  double top = 1;  // the value at the top gridline, in major units
  double step = 1; // between gridlines
};

// How a vertical chart draws a bar's values.
enum class Layout
{
  stacked, // one on another
  grouped, // side by side
};

Scale scale_for(const StackedBarChart& chart, Layout layout)
{
  double max = 0;
  for (const auto& bar : chart.bars) {
    double stacked = 0;
    for (const auto value : bar.values) {
      const double drawn = std::max(0.0, major_units(value, chart.digits));
      stacked = layout == Layout::stacked ? stacked + drawn : std::max(stacked, drawn);
    }
    max = std::max(max, stacked);
  }
  if (max <= 0) {
    return {};
  }
  const double step = nice_step(max);
  return {std::ceil(max / step - 1e-9) * step, step};
}

std::string gridlines(const StackedBarChart& chart, const Scale& scale)
{
  const double plot_height = stacked_height - plot_top - plot_bottom;
  std::string svg;
  const auto steps = static_cast<int>(std::lround(scale.top / scale.step));
  for (int i = 0; i <= steps; ++i) {
    const double value = scale.step * i;
    const double y = plot_top + plot_height - value / scale.top * plot_height;
    svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"/>\n",
                       plot_left, y, stacked_width - plot_right, y, i == 0 ? axis_colour : grid_colour);
    svg += text(plot_left - 8, y + 4, "end", compact(value));
  }
  svg += text(plot_left - 8, plot_top - 14, "end", chart.currency, " font-weight=\"600\"");
  return svg;
}

std::string legend(const std::vector<ChartSeries>& series)
{
  std::string svg;
  double x = plot_left;
  for (const auto& entry : series) {
    svg += fmt::format("<rect x=\"{:.1f}\" y=\"10\" width=\"14\" height=\"14\" rx=\"2\" fill=\"{}\"/>\n", x,
                       html_escape(entry.colour));
    svg += text(x + 20, 21, "start", entry.name, " font-size=\"13\"");
    x += 20 + 9.0 * static_cast<double>(entry.name.size()) + 28;
  }
  return svg;
}

std::string stacked_bar(const StackedBarChart& chart, const Scale& scale, std::size_t index, double slot)
{
  const auto& bar = chart.bars[index];
  const double plot_height = stacked_height - plot_top - plot_bottom;
  const double width = std::min(slot * 0.62, 80.0);
  const double x = plot_left + slot * (static_cast<double>(index) + 0.5) - width / 2;
  const double base = plot_top + plot_height;
  std::string svg;
  double stacked = 0;
  std::int64_t total = 0;
  for (std::size_t s = 0; s < chart.series.size() && s < bar.values.size(); ++s) {
    total += bar.values[s];
    const double value = std::max(0.0, major_units(bar.values[s], chart.digits));
    if (value <= 0) {
      continue;
    }
    const double y_low = base - stacked / scale.top * plot_height;
    stacked += value;
    const double y_high = base - stacked / scale.top * plot_height;
    svg += rect(x, y_high, width, y_low - y_high, chart.series[s].colour,
                fmt::format("{} {}: {} {}", bar.label, chart.series[s].name,
                            domain::format_amount(bar.values[s], chart.digits), chart.currency));
  }
  if (slot >= 48) {
    const double y = base - stacked / scale.top * plot_height - 6;
    svg += text(x + width / 2, y, "middle", compact(major_units(total, chart.digits)),
                " font-size=\"11\" font-weight=\"600\"");
  }
  return svg;
}

// A bar's values side by side, each with its value above when there is room.
std::string grouped_bar(const StackedBarChart& chart, const Scale& scale, std::size_t index, double slot)
{
  const auto& bar = chart.bars[index];
  const double plot_height = stacked_height - plot_top - plot_bottom;
  const auto count = std::max<std::size_t>(chart.series.size(), 1);
  const double width = std::min(slot * 0.72, 36.0 * static_cast<double>(count));
  const double each = width / static_cast<double>(count);
  const double x = plot_left + slot * (static_cast<double>(index) + 0.5) - width / 2;
  const double base = plot_top + plot_height;
  std::string svg;
  for (std::size_t s = 0; s < chart.series.size() && s < bar.values.size(); ++s) {
    const double value = std::max(0.0, major_units(bar.values[s], chart.digits));
    if (value <= 0) {
      continue;
    }
    const double height = value / scale.top * plot_height;
    const double left = x + each * static_cast<double>(s);
    svg += rect(left, base - height, each - 2, height, chart.series[s].colour,
                fmt::format("{} {}: {} {}", bar.label, chart.series[s].name,
                            domain::format_amount(bar.values[s], chart.digits), chart.currency));
    if (each >= 28) {
      svg += text(left + (each - 2) / 2, base - height - 5, "middle", compact(value), " font-size=\"10\"");
    }
  }
  return svg;
}

std::string x_labels(const StackedBarChart& chart, double slot)
{
  const auto every = static_cast<std::size_t>(std::max(1.0, std::ceil(64.0 / slot)));
  std::string svg;
  for (std::size_t i = 0; i < chart.bars.size(); i += every) {
    svg += text(plot_left + slot * (static_cast<double>(i) + 0.5), stacked_height - plot_bottom + 20,
                "middle", chart.bars[i].label);
  }
  return svg;
}

std::string horizontal_row(const HorizontalBar& bar, std::size_t index, double max)
{
  const double bar_area = bars_width - label_width - value_width;
  const double y = 8 + row_height * static_cast<double>(index);
  const double value = std::max(0.0, static_cast<double>(bar.value));
  const double width = max > 0 ? value / max * bar_area : 0;
  std::string svg =
    fmt::format("<g><title>{}: {}</title>\n", html_escape(bar.label), html_escape(bar.value_text));
  svg += text(label_width - 12, y + row_height / 2 + 4, "end", truncated(bar.label, label_chars),
              " font-size=\"13\"");
  if (width > 0) {
    svg +=
      fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" rx=\"2\" "
                  "fill=\"{}\"/>\n",
                  label_width, y + (row_height - bar_height) / 2, width, bar_height, html_escape(bar.colour));
  }
  svg += text(label_width + width + 8, y + row_height / 2 + 4, "start", bar.value_text, " class=\"num\"");
  return svg + "</g>\n";
}

std::string vertical_bar_svg(const StackedBarChart& chart, Layout layout)
{
  const Scale scale = scale_for(chart, layout);
  const double slot = (stacked_width - plot_left - plot_right) /
                      static_cast<double>(std::max<std::size_t>(chart.bars.size(), 1));
  std::string svg = svg_open(stacked_width, stacked_height, chart.title);
  svg += gridlines(chart, scale);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    svg +=
      layout == Layout::stacked ? stacked_bar(chart, scale, i, slot) : grouped_bar(chart, scale, i, slot);
  }
  svg += x_labels(chart, slot);
  svg += legend(chart.series);
  return svg + "</svg>\n";
}

} // namespace

std::string compact_amount(std::int64_t value, int digits)
{
  return compact(major_units(value, digits));
}

std::string stacked_bar_svg(const StackedBarChart& chart)
{
  return vertical_bar_svg(chart, Layout::stacked);
}

std::string grouped_bar_svg(const StackedBarChart& chart)
{
  return vertical_bar_svg(chart, Layout::grouped);
}

std::string horizontal_bar_svg(const HorizontalBarChart& chart)
{
  double max = 0;
  for (const auto& bar : chart.bars) {
    max = std::max(max, static_cast<double>(bar.value));
  }
  const double height = 16 + row_height * static_cast<double>(chart.bars.size());
  std::string svg = svg_open(bars_width, height, chart.title);
  svg += fmt::format("<line x1=\"{0}\" y1=\"4\" x2=\"{0}\" y2=\"{1:.1f}\" stroke=\"{2}\"/>\n", label_width,
                     height - 4, axis_colour);
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    svg += horizontal_row(chart.bars[i], i, max);
  }
  return svg + "</svg>\n";
}

} // namespace vendorcat::report
