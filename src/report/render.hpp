#pragma once

// Renderers: a table::Table written to a stream the caller gives, in one of the
// output formats. Nothing here prints to the terminal by itself.
//
// Cells per format:
//
// | cell   | table              | csv                  | json / jsonl       |
// | ------ | ------------------ | -------------------- | ------------------ |
// | null   | empty              | empty                | null               |
// | bool   | true / false       | true / false         | true / false       |
// | int64  | 1234               | 1234                 | 1234               |
// | double | 0.7500 (always 4)  | 0.75 (at most 4)     | 0.75 (at most 4)   |
// | string | line breaks as ⏎   | RFC 4180 quoting     | string, UTF-8 kept |
//
// Doubles are rounded to 4 decimals in every format, so the same report says
// the same thing whichever format is asked for.

#include "table/format.hpp"
#include "table/table.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::report {

// How the table format lays a table out for a person: the other formats
// ignore it. The default is the full table in plain text, for scripts, files
// and tests; the command line chooses a terminal's (cli::Session).
struct TableLayout
{
  std::size_t width = 0; // the terminal's columns; 0: no limit
  bool colour = false;   // bold keys, negative amounts and states in colour (terminal_style.hpp)
};

// What the table format left out to fit a TableLayout's width.
struct TableFit
{
  std::vector<std::string> left_out; // the keys of the columns dropped, in order

  // Adds OTHER's columns not already here.
  void merge(const TableFit& other);
};

// Writes TABLE to OUT in FORMAT, the table format laid out by LAYOUT, and
// returns what it left out. Throws std::invalid_argument when a row does not
// have one cell per column, and IoError when OUT fails.
TableFit render(const table::Table& table, table::Format format, std::ostream& out,
                const TableLayout& layout = {});

// Writes TABLE through a RowStream (row_stream.hpp) in FORMAT.
void render_stream(const table::Table& table, table::Format format, std::ostream& out);

// Writes TABLE for people: a header of keys, a line of dashes under each
// column, then one line per row. Cells are padded to the column's display
// width (see display_width), two spaces apart, right-aligned columns padded on
// the left, no trailing spaces. A line break in a text cell (LF, CR or CRLF)
// is shown as `⏎`, a tab as a space and any other control or bidirectional
// formatting character escaped (`\x1b`, `\u202e`; see
// domain::escape_for_terminal), so every row stays on one line and nothing
// stored can drive the terminal. An empty table is the header and dashes.
//
// With a LAYOUT width no line is wider: when the columns do not fit, text
// (left-aligned) cells and keys are cut with `…` to at least
// min_cut_width columns (or their whole text, when shorter); numbers and
// amounts (right-aligned) never are, only their keys. When even that does
// not fit, the rightmost columns are left out (columns come most important
// first) and returned. With LAYOUT colour, keys are bold and cells coloured
// as cell_tone (terminal_style.hpp) says; escapes take no column.
// Throws std::invalid_argument on a malformed table, IoError when OUT fails.
TableFit render_table(const table::Table& table, std::ostream& out, const TableLayout& layout = {});

// The narrowest a text column is cut to when a table is fitted to a width.
constexpr std::size_t min_cut_width = 10;

// The text the table format shows for VALUE: null empty, booleans true/false,
// ratios with 4 decimals, text on one line with control characters escaped
// as render_table describes. Never fails.
std::string table_cell_text(const table::Value& value);

// Writes TABLE as RFC 4180 CSV: a header of keys, then one record per row,
// each line ended by `\n` (not CRLF: friendlier to Unix tools; every CSV
// reader we know, ours included, accepts both). Fields are written by
// write_csv_field. An empty table is the header line alone. Throws
// std::invalid_argument on a malformed table, IoError when OUT fails.
void render_csv(const table::Table& table, std::ostream& out);

// Writes TABLE as a JSON array of objects, keys in column order, indented by
// two spaces and ended by a newline; an empty table is `[]`. Strings keep
// their UTF-8 as is (invalid UTF-8 is replaced by U+FFFD). Throws
// std::invalid_argument on a malformed table, IoError when OUT fails.
void render_json(const table::Table& table, std::ostream& out);

// Writes TABLE as JSON Lines: one compact object per row, each ended by a
// newline; nothing at all for an empty table. Throws like render_json.
void render_jsonl(const table::Table& table, std::ostream& out);

// The number of terminal columns TEXT takes: one per UTF-8 code point, two for
// East Asian wide and fullwidth characters (CJK, Hangul, fullwidth forms,
// most emoji), none for combining marks and zero-width characters; a byte that
// is not valid UTF-8 counts as one. Never fails.
std::size_t display_width(std::string_view text);

// TEXT cut to at most WIDTH terminal columns on a code point boundary, the
// cut marked with `…` (one column); TEXT itself when it fits. Never fails.
std::string cut_to_width(std::string_view text, std::size_t width);

// TEXT in lines of at most WIDTH terminal columns, broken at spaces (the
// spaces at a break dropped), a word wider than a line broken where the line
// ends; one line when it fits or WIDTH is 0. Never fails.
std::vector<std::string> wrap_to_width(std::string_view text, std::size_t width);

} // namespace vendorcat::report
