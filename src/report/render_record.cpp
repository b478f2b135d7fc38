// Rendering one record: the table format is for people (aligned `key: value`
// lines, then each section as a table); the others reuse the table renderers
// or the JSON one.

#include "report/document.hpp"
#include "report/record.hpp"
#include "report/render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <stdexcept>

namespace vendorcat::report {

namespace {

void render_record_table(const Record& record, std::ostream& out)
{
  std::size_t width = 0;
  for (const auto& [key, value] : record.fields) {
    width = std::max(width, key.size());
  }
  for (const auto& [key, value] : record.fields) {
    const auto text = table_cell_text(value);
    out << key << ':';
    if (!text.empty()) {
      out << std::string(width - key.size() + 1, ' ') << text;
    }
    out << '\n';
  }
  for (const auto& note : record.notes) {
    out << "  " << table_cell_text(note) << '\n';
  }
  for (const auto& section : record.sections) {
    out << '\n' << section.name << " (" << section.table.rows.size() << ")\n";
    if (!section.table.rows.empty()) {
      render_table(section.table, out);
    }
  }
}

} // namespace

void render_record(const Record& record, table::Format format, std::ostream& out)
{
  switch (format) {
  case table::Format::table:
    render_record_table(record, out);
    return;
  case table::Format::csv: {
    table::Table table;
    std::vector<table::Value> row;
    for (const auto& [key, value] : record.fields) {
      table.columns.push_back({key});
      row.push_back(value);
    }
    table.add_row(std::move(row));
    render_csv(table, out);
    return;
  }
  case table::Format::json:
    render_record_json(record, out, 2);
    return;
  case table::Format::jsonl:
    render_record_json(record, out, -1);
    return;
  case table::Format::html:
    render_html_tables(record_sheets(record, "record"), "record", out);
    return;
  case table::Format::xlsx:
    throw std::invalid_argument("a workbook is written to a file (report::write_xlsx)");
  }
}

} // namespace vendorcat::report
