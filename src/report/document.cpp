// Sheets from records, the decimal test the spreadsheet's typing uses, and
// the page of plain tables (`-o FILE.html`).

#include "report/document.hpp"

#include "domain/amount.hpp"
#include "domain/ascii.hpp"
#include "domain/errors.hpp"
#include "report/html_report.hpp"
#include "report/render.hpp"
#include "store/embedded.hpp"

#include <fmt/format.h>

#include <ostream>

namespace vendorcat::report {

std::vector<Sheet> record_sheets(const Record& record, const std::string& name)
{
  std::vector<Sheet> sheets;
  auto& fields = sheets.emplace_back();
  fields.name = name;
  fields.table.columns = {{"field"}, {"value"}};
  for (const auto& [key, value] : record.fields) {
    std::vector<table::Value> row;
    row.emplace_back(key);
    row.push_back(value);
    fields.table.add_row(std::move(row));
  }
  for (const auto& note : record.notes) {
    std::vector<table::Value> row;
    row.emplace_back(std::string("explanation"));
    row.emplace_back(note);
    fields.table.add_row(std::move(row));
  }
  for (const auto& section : record.sections) {
    sheets.push_back({section.name, section.table});
  }
  return sheets;
}

bool is_decimal_text(std::string_view text)
{
  if (text.starts_with('-')) {
    text.remove_prefix(1);
  }
  const auto point = text.find('.');
  const auto whole = text.substr(0, point);
  return domain::ascii_all_digits(whole) &&
         (point == std::string_view::npos || domain::ascii_all_digits(text.substr(point + 1)));
}

namespace {

std::string html_cell(const table::Column& column, const table::Value& value)
{
  const auto text = table_cell_text(value);
  if (column.align != table::Align::right) {
    return fmt::format("<td>{}</td>", html_escape(text));
  }
  const bool negative = text.starts_with('-');
  return fmt::format("<td class=\"num{}\">{}</td>", negative ? " neg" : "",
                     html_escape(is_decimal_text(text) ? domain::group_thousands(text) : text));
}

} // namespace

void render_html_tables(const std::vector<Sheet>& sheets, std::string_view title, std::ostream& out)
{
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << " \u2014 vendorcat</title>\n<style>"
      << store::embedded_file("resources/report.css") << "</style>\n</head>\n<body>\n<main>\n"
      << "<h1>" << html_escape(title) << "</h1>\n";
  for (const auto& sheet : sheets) {
    if (sheets.size() > 1) {
      out << "<h2>" << html_escape(sheet.name) << "</h2>\n";
    }
    out << "<table>\n<thead><tr>";
    for (const auto& column : sheet.table.columns) {
      out << (column.align == table::Align::right ? "<th class=\"num\">" : "<th>") << html_escape(column.key)
          << "</th>";
    }
    out << "</tr></thead>\n<tbody>\n";
    for (const auto& row : sheet.table.rows) {
      out << "<tr>";
      for (std::size_t i = 0; i < row.size(); ++i) {
        out << html_cell(sheet.table.columns[i], row[i]);
      }
      out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
  }
  out << "</main>\n</body>\n</html>\n";
  if (!out) {
    throw IoError("could not write the HTML page");
  }
}

} // namespace vendorcat::report
