// Rendering one record: the table format is for people (aligned `key: value`
// lines, then each section as a table, all fitted to the layout's width: long
// values and explanations wrapped, sections as render_table fits a table);
// the others reuse the table renderers or the JSON one.

#include "report/document.hpp"
#include "report/record.hpp"
#include "report/render.hpp"
#include "report/terminal_style.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace vendorcat::report {

namespace {

// The lines of a field's VALUE: one, or within a LAYOUT width lines of what
// is left beside its key (at least min_cut_width columns).
std::vector<std::string> value_lines(const std::string& value, std::size_t indent, const TableLayout& layout)
{
  if (layout.width == 0) {
    return {value};
  }
  return wrap_to_width(value, std::max(layout.width > indent ? layout.width - indent : 0, min_cut_width));
}

TableFit render_record_table(const Record& record, std::ostream& out, const TableLayout& layout)
{
  std::size_t width = 0;
  for (const auto& [key, value] : record.fields) {
    width = std::max(width, display_width(key));
  }
  const std::size_t indent = width + 2; // `key:` and a space
  for (const auto& [key, value] : record.fields) {
    const auto text = table_cell_text(value);
    out << key << ':';
    if (!text.empty()) {
      const auto tone = layout.colour ? cell_tone(key, table::Align::left, text) : Tone::plain;
      const auto lines = value_lines(text, indent, layout);
      out << std::string(indent - display_width(key) - 1, ' ') << styled(lines.front(), tone);
      for (std::size_t i = 1; i < lines.size(); ++i) {
        out << '\n' << std::string(indent, ' ') << styled(lines[i], tone);
      }
    }
    out << '\n';
  }
  for (const auto& note : record.notes) {
    // An explanation is prose: its lines are wrapped, the later ones indented.
    const auto lines = value_lines(table_cell_text(note), 4, layout);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out << (i == 0 ? "  " : "    ") << lines[i] << '\n';
    }
  }
  TableFit fit;
  for (const auto& section : record.sections) {
    out << '\n' << section.name << " (" << section.table.rows.size() << ")\n";
    if (!section.table.rows.empty()) {
      fit.merge(render_table(section.table, out, layout));
    }
  }
  return fit;
}

} // namespace

TableFit render_record(const Record& record, table::Format format, std::ostream& out,
                       const TableLayout& layout)
{
  switch (format) {
  case table::Format::table:
    return render_record_table(record, out, layout);
  case table::Format::csv: {
    table::Table table;
    std::vector<table::Value> row;
    for (const auto& [key, value] : record.fields) {
      table.columns.push_back({key});
      row.push_back(value);
    }
    table.add_row(std::move(row));
    render_csv(table, out);
    return {};
  }
  case table::Format::json:
    render_record_json(record, out, 2);
    return {};
  case table::Format::jsonl:
    render_record_json(record, out, -1);
    return {};
  case table::Format::html:
    render_html_tables(record_sheets(record, "record"), "record", out);
    return {};
  case table::Format::xlsx:
    throw std::invalid_argument("a workbook is written to a file (report::write_xlsx)");
  }
  return {};
}

} // namespace vendorcat::report
