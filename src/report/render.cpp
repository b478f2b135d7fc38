// The format dispatch and the rounding shared by the renderers; each renderer
// lives in its own render_<format>.cpp.

#include "report/render.hpp"

#include <cmath>

namespace vendorcat::report {

void render(const table::Table& table, table::Format format, std::ostream& out)
{
  switch (format) {
  case table::Format::table:
    render_table(table, out);
    return;
  case table::Format::csv:
    render_csv(table, out);
    return;
  case table::Format::json:
    render_json(table, out);
    return;
  case table::Format::jsonl:
    render_jsonl(table, out);
    return;
  }
  render_table(table, out);
}

} // namespace vendorcat::report
