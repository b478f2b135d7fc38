// The format dispatch and the rounding shared by the renderers: the table
// format in render_table.cpp, csv, json and jsonl through row_stream.cpp.

#include "report/render.hpp"

#include "report/document.hpp"
#include "report/row_stream.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace vendorcat::report {

void render_stream(const table::Table& table, table::Format format, std::ostream& out)
{
  RowStream stream(table.columns, format, out);
  for (const auto& row : table.rows) {
    stream.add(row);
  }
  stream.finish();
}

void render_csv(const table::Table& table, std::ostream& out)
{
  render_stream(table, table::Format::csv, out);
}

void render_json(const table::Table& table, std::ostream& out)
{
  render_stream(table, table::Format::json, out);
}

void render_jsonl(const table::Table& table, std::ostream& out)
{
  render_stream(table, table::Format::jsonl, out);
}

void TableFit::merge(const TableFit& other)
{
  for (const auto& key : other.left_out) {
    if (std::find(left_out.begin(), left_out.end(), key) == left_out.end()) {
      left_out.push_back(key);
    }
  }
}

TableFit render(const table::Table& table, table::Format format, std::ostream& out, const TableLayout& layout)
{
  switch (format) {
  case table::Format::table:
    return render_table(table, out, layout);
  case table::Format::csv:
    render_csv(table, out);
    return {};
  case table::Format::json:
    render_json(table, out);
    return {};
  case table::Format::jsonl:
    render_jsonl(table, out);
    return {};
  case table::Format::html:
    render_html_tables({{"report", table}}, "report", out);
    return {};
  case table::Format::xlsx:
    throw std::invalid_argument("a workbook is written to a file (report::write_xlsx)");
  }
  return render_table(table, out, layout);
}

} // namespace vendorcat::report
