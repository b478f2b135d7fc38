// The table renderer for people: cells on one line and safe for a terminal,
// padded by display width (text_width.cpp), the columns fitted to a
// terminal's width (table_fit.cpp) and coloured (terminal_style.cpp) when the
// layout says so.

#include "domain/errors.hpp"
#include "domain/utf8.hpp"
#include "report/render.hpp"
#include "report/table_fit.hpp"
#include "report/terminal_style.hpp"
#include "table/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <ostream>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace vendorcat::report {

namespace {

// TEXT on one line and safe for a terminal: CRLF, CR and LF become `⏎`, a
// tab a space, and any other control or bidirectional formatting character
// (and any byte that is not UTF-8) an escape such as `\x1b` or `\u202e`.
std::string one_line(std::string_view text)
{
  std::string line;
  line.reserve(text.size());
  std::size_t start = 0; // of the text not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n' || c == '\t') {
      line += domain::escape_for_terminal(text.substr(start, i - start));
      line += c == '\t' ? " " : "\u23CE";
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      start = i + 1;
    }
  }
  line += domain::escape_for_terminal(text.substr(start));
  return line;
}

} // namespace

std::string table_cell_text(const table::Value& value)
{
  return std::visit(
    [](const auto& cell) -> std::string {
      using T = std::decay_t<decltype(cell)>;
      if constexpr (std::is_same_v<T, std::monostate>) {
        return {};
      } else if constexpr (std::is_same_v<T, std::string>) {
        return one_line(cell);
      } else if constexpr (std::is_same_v<T, bool>) {
        return cell ? "true" : "false";
      } else if constexpr (std::is_same_v<T, double>) {
        return fmt::format("{:.4f}", table::round_ratio(cell));
      } else {
        return std::to_string(cell);
      }
    },
    value);
}

namespace {

struct Cell
{
  std::string text;
  std::size_t width = 0;
  Tone tone = Tone::plain;
};

Cell make_cell(std::string text)
{
  const std::size_t width = display_width(text);
  return {std::move(text), width};
}

// CELL cut to WIDTH columns, its tone kept.
void cut(Cell& cell, std::size_t width)
{
  if (cell.width > width) {
    cell.text = cut_to_width(cell.text, width);
    cell.width = display_width(cell.text);
  }
}

void write_line(std::ostream& out, const table::Table& table, const std::vector<Cell>& cells,
                const std::vector<std::size_t>& widths)
{
  std::string line;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    if (i > 0) {
      line += "  ";
    }
    const std::string padding(widths[i] > cells[i].width ? widths[i] - cells[i].width : 0, ' ');
    if (table.columns[i].align == table::Align::right) {
      line += padding;
      line += styled(cells[i].text, cells[i].tone);
    } else {
      line += styled(cells[i].text, cells[i].tone);
      line += padding;
    }
  }
  const auto end = line.find_last_not_of(' ');
  line.erase(end == std::string::npos ? 0 : end + 1);
  out << line << '\n';
}

// The widths of TABLE's columns in LAYOUT (one per column kept) from the
// widths of their keys and widest cells: a text column may be cut to
// min_cut_width, a number's only down to its widest cell.
std::vector<std::size_t> column_widths(const table::Table& table, const std::vector<Cell>& header,
                                       const std::vector<std::size_t>& cells, const TableLayout& layout)
{
  std::vector<ColumnSpan> spans;
  spans.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::size_t natural = std::max(header[i].width, cells[i]);
    const std::size_t shortest = std::min(natural, min_cut_width);
    spans.push_back(
      {natural, table.columns[i].align == table::Align::right ? std::max(cells[i], shortest) : shortest});
  }
  return fit_columns(spans, layout.width);
}

} // namespace

TableFit render_table(const table::Table& table, std::ostream& out, const TableLayout& layout)
{
  table::check_shape(table);
  const std::size_t count = table.columns.size();

  std::vector<Cell> header;
  header.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    header.push_back(make_cell(one_line(table.columns[i].key)));
  }
  std::vector<std::size_t> cell_widths(count, 0); // the widest cell of each column
  std::vector<std::vector<Cell>> rows;
  rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    auto& cells = rows.emplace_back();
    cells.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      cells.push_back(make_cell(table_cell_text(row[i])));
      cell_widths[i] = std::max(cell_widths[i], cells[i].width);
      if (layout.colour) {
        cells[i].tone = cell_tone(table.columns[i].key, table.columns[i].align, cells[i].text);
      }
    }
  }

  // Spare columns go first, rightmost first, while the table does not fit;
  // then fit_columns leaves out from the right.
  std::vector<std::size_t> shown(count);
  for (std::size_t i = 0; i < count; ++i) {
    shown[i] = i;
  }
  const auto project = [&](const std::vector<std::size_t>& indexes) {
    table::Table view;
    std::vector<Cell> view_header;
    std::vector<std::size_t> view_widths;
    for (const auto i : indexes) {
      view.columns.push_back(table.columns[i]);
      view_header.push_back(header[i]);
      view_widths.push_back(cell_widths[i]);
    }
    return std::make_tuple(std::move(view), std::move(view_header), std::move(view_widths));
  };
  while (layout.width > 0) {
    auto [view, view_header, view_widths] = project(shown);
    if (column_widths(view, view_header, view_widths, layout).size() == shown.size()) {
      break;
    }
    const auto spare =
      std::find_if(shown.rbegin(), shown.rend(), [&](std::size_t i) { return table.columns[i].spare; });
    if (spare == shown.rend()) {
      break;
    }
    shown.erase(std::next(spare).base());
  }
  auto [view, view_header, view_widths] = project(shown);
  const auto widths = column_widths(view, view_header, view_widths, layout);
  shown.resize(widths.size());
  TableFit fit;
  for (std::size_t i = 0; i < count; ++i) {
    if (std::find(shown.begin(), shown.end(), i) == shown.end()) {
      fit.left_out.push_back(table.columns[i].key);
    }
  }
  header = std::move(view_header);
  for (auto& cells : rows) {
    std::vector<Cell> kept;
    for (const auto i : shown) {
      kept.push_back(std::move(cells[i]));
    }
    cells = std::move(kept);
  }
  std::vector<Cell> dashes;
  dashes.reserve(widths.size());
  for (std::size_t i = 0; i < widths.size(); ++i) {
    cut(header[i], widths[i]);
    if (layout.colour) {
      header[i].tone = Tone::heading;
    }
    dashes.push_back({std::string(widths[i], '-'), widths[i]});
    if (view.columns[i].align == table::Align::left) {
      for (auto& cells : rows) {
        cut(cells[i], widths[i]);
      }
    }
  }
  write_line(out, view, header, widths);
  write_line(out, view, dashes, widths);
  for (const auto& cells : rows) {
    write_line(out, view, cells, widths);
  }
  if (!out) {
    throw IoError("could not write the report");
  }
  return fit;
}

} // namespace vendorcat::report
