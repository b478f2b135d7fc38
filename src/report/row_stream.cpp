// RowStream: CSV (RFC 4180, `\n` line ends, through the shared field
// writer), a JSON array (what nlohmann's two-space indentation would write
// for the whole table, a row at a time), JSON Lines, or a table rendered at
// the end.

#include "report/row_stream.hpp"

#include "domain/errors.hpp"
#include "report/document.hpp"
#include "report/render.hpp"
#include "report/render_json_cell.hpp"
#include "table/text.hpp"

#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>

namespace vendorcat::report {

RowStream::RowStream(std::vector<table::Column> columns, table::Format format, std::ostream& out,
                     TableLayout layout, FitNotice notice, Done done)
  : m_format(format), m_out(out), m_layout(layout), m_notice(std::move(notice)), m_done(std::move(done))
{
  m_table.columns = std::move(columns);
}

void RowStream::start()
{
  // Not before the first row or the end: a listing whose filter is refused
  // writes nothing at all.
  m_started = true;
  if (m_format == table::Format::csv) {
    m_fields.clear();
    for (const auto& column : m_table.columns) {
      m_fields.push_back(column.key);
    }
    write_csv_line(m_fields);
  } else if (m_format == table::Format::json) {
    m_out << '[';
  }
  check_stream();
}

void RowStream::add(const std::vector<table::Value>& row)
{
  if (row.size() != m_table.columns.size()) {
    throw std::invalid_argument("report row " + std::to_string(m_rows + 1) + " has " +
                                std::to_string(row.size()) + " cells, table has " +
                                std::to_string(m_table.columns.size()) + " columns");
  }
  if (!m_started) {
    start();
  }
  ++m_rows;
  switch (m_format) {
  case table::Format::xlsx:
    check_sheet_rows("the listing", m_rows);
    [[fallthrough]];
  case table::Format::table:
  case table::Format::html:
    m_table.rows.push_back(row);
    return;
  case table::Format::csv:
    m_fields.clear();
    for (const auto& value : row) {
      m_fields.push_back(table::plain_text(value));
    }
    write_csv_line(m_fields);
    break;
  case table::Format::json: {
    // The row as an element of the array: every line indented two more.
    const auto text = dump_json(row_json(m_table.columns, row), 2);
    m_out << (m_rows == 1 ? "\n  " : ",\n  ");
    std::size_t start = 0;
    for (auto end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
      m_out.write(text.data() + start, static_cast<std::streamsize>(end + 1 - start)) << "  ";
      start = end + 1;
    }
    m_out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
    break;
  }
  case table::Format::jsonl:
    m_out << dump_json(row_json(m_table.columns, row), -1) << '\n';
    break;
  }
  check_stream();
}

std::size_t RowStream::finish()
{
  if (!m_started) {
    start();
  }
  if (m_format == table::Format::table) {
    const auto fit = render_table(m_table, m_out, m_layout);
    if (!fit.left_out.empty() && m_notice) {
      m_notice(fit);
    }
  } else if (m_format == table::Format::json) {
    m_out << (m_rows == 0 ? "]\n" : "\n]\n");
  }
  check_stream();
  if (m_done) {
    m_done(std::move(m_table), m_rows);
  }
  return m_rows;
}

void RowStream::write_csv_line(const std::vector<std::string>& fields)
{
  // With a single column an empty field would make a blank line, which CSV
  // readers skip; writing it as "" keeps the record.
  const bool single_column = m_table.columns.size() == 1;
  bool first = true;
  for (const auto& field : fields) {
    if (!first) {
      m_out << ',';
    }
    first = false;
    if (single_column && field.empty()) {
      m_out << "\"\"";
    } else {
      table::write_csv_field(m_out, field);
    }
  }
  m_out << '\n';
}

void RowStream::check_stream()
{
  if (!m_out) {
    switch (m_format) {
    case table::Format::csv:
      throw IoError("could not write the CSV report");
    case table::Format::json:
      throw IoError("could not write the JSON report");
    case table::Format::jsonl:
      throw IoError("could not write the JSON Lines report");
    case table::Format::table:
    case table::Format::html:
    case table::Format::xlsx:
      throw IoError("could not write the report");
    }
  }
}

} // namespace vendorcat::report
