// The format dispatch and the rounding shared by the renderers; each renderer
// lives in its own render_<format>.cpp.

#include "report/render.hpp"

#include <cmath>

namespace vendorcat::report {

void render(const Table& table, Format format, std::ostream& out)
{
  switch (format) {
  case Format::table:
    render_table(table, out);
    return;
  case Format::csv:
    render_csv(table, out);
    return;
  case Format::json:
    render_json(table, out);
    return;
  case Format::jsonl:
    render_jsonl(table, out);
    return;
  }
  render_table(table, out);
}

double round_ratio(double value)
{
  if (!std::isfinite(value) || std::fabs(value) >= 1e15) {
    return value;
  }
  // 10000 and the rounded numerator are exact, so the quotient is the double
  // nearest the 4-decimal value and prints back as exactly those decimals.
  const double rounded = std::round(value * 10000.0) / 10000.0;
  return rounded == 0.0 ? 0.0 : rounded;
}

} // namespace vendorcat::report
