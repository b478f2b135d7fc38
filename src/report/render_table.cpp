// The table renderer for people, and display_width: a small UTF-8 decoder
// with a simplified East Asian width table (after Markus Kuhn's wcwidth),
// enough to keep `Kraków` and `株式会社テスト` aligned in a terminal.

#include "domain/errors.hpp"
#include "domain/utf8.hpp"
#include "report/render.hpp"
#include "table/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>

namespace vendorcat::report {

namespace {

struct CodeRange
{
  char32_t first;
  char32_t last;
};

// Combining marks and zero-width characters: they take no column.
constexpr std::array<CodeRange, 13> zero_width_ranges{{
  {0x0300, 0x036F}, // combining diacritical marks
  {0x0483, 0x0489}, // Cyrillic combining marks
  {0x0591, 0x05BD}, // Hebrew points
  {0x0610, 0x061A}, // Arabic marks
  {0x064B, 0x065F}, // Arabic vowel marks
  {0x1160, 0x11FF}, // Hangul medial vowels and final consonants
  {0x1AB0, 0x1AFF}, // combining diacritical marks extended
  {0x1DC0, 0x1DFF}, // combining diacritical marks supplement
  {0x200B, 0x200F}, // zero-width space, joiners, direction marks
  {0x20D0, 0x20FF}, // combining marks for symbols
  {0xFE00, 0xFE0F}, // variation selectors
  {0xFE20, 0xFE2F}, // combining half marks
  {0xFEFF, 0xFEFF}, // zero-width no-break space (byte-order mark)
}};

// East Asian wide and fullwidth characters: they take two columns.
constexpr std::array<CodeRange, 13> wide_ranges{{
  {0x1100, 0x115F},   // Hangul initial consonants
  {0x2329, 0x232A},   // angle brackets
  {0x2E80, 0x303E},   // CJK radicals, punctuation
  {0x3041, 0x33FF},   // kana, CJK compatibility
  {0x3400, 0x4DBF},   // CJK extension A
  {0x4E00, 0x9FFF},   // CJK unified ideographs
  {0xA000, 0xA4CF},   // Yi
  {0xAC00, 0xD7A3},   // Hangul syllables
  {0xF900, 0xFAFF},   // CJK compatibility ideographs
  {0xFE30, 0xFE4F},   // CJK compatibility forms
  {0xFF00, 0xFF60},   // fullwidth forms
  {0xFFE0, 0xFFE6},   // fullwidth signs
  {0x1F300, 0x1F64F}, // pictographs, emoticons
}};

bool in_ranges(char32_t code, const auto& ranges)
{
  for (const auto& range : ranges) {
    if (code >= range.first && code <= range.last) {
      return true;
    }
  }
  return false;
}

std::size_t code_point_width(char32_t code)
{
  if (in_ranges(code, zero_width_ranges)) {
    return 0;
  }
  if (in_ranges(code, wide_ranges) || (code >= 0x1F900 && code <= 0x1F9FF) ||
      (code >= 0x20000 && code <= 0x2FFFD) || (code >= 0x30000 && code <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

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
};

Cell make_cell(std::string text)
{
  const std::size_t width = display_width(text);
  return {std::move(text), width};
}

void write_line(std::ostream& out, const table::Table& table, const std::vector<Cell>& cells,
                const std::vector<std::size_t>& widths)
{
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) {
      line += "  ";
    }
    const std::string padding(widths[i] - cells[i].width, ' ');
    if (table.columns[i].align == table::Align::right) {
      line += padding;
      line += cells[i].text;
    } else {
      line += cells[i].text;
      line += padding;
    }
  }
  const auto end = line.find_last_not_of(' ');
  line.erase(end == std::string::npos ? 0 : end + 1);
  out << line << '\n';
}

} // namespace

std::size_t display_width(std::string_view text)
{
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto [code, length] = domain::decode_utf8(text, pos);
    if (length == 0) {
      width += 1;
      pos += 1;
    } else {
      width += code_point_width(code);
      pos += length;
    }
  }
  return width;
}

void render_table(const table::Table& table, std::ostream& out)
{
  table::check_shape(table);
  const std::size_t count = table.columns.size();

  std::vector<Cell> header;
  header.reserve(count);
  std::vector<std::size_t> widths(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    header.push_back(make_cell(one_line(table.columns[i].key)));
    widths[i] = header[i].width;
  }
  std::vector<std::vector<Cell>> rows;
  rows.reserve(table.rows.size());
  for (const auto& row : table.rows) {
    auto& cells = rows.emplace_back();
    cells.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      cells.push_back(make_cell(table_cell_text(row[i])));
      widths[i] = std::max(widths[i], cells[i].width);
    }
  }

  std::vector<Cell> dashes;
  dashes.reserve(count);
  for (const std::size_t width : widths) {
    dashes.push_back({std::string(width, '-'), width});
  }
  write_line(out, table, header, widths);
  write_line(out, table, dashes, widths);
  for (const auto& cells : rows) {
    write_line(out, table, cells, widths);
  }
  if (!out) {
    throw IoError("could not write the report");
  }
}

} // namespace vendorcat::report
