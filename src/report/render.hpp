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
#include <string_view>

namespace vendorcat::report {

// Writes TABLE to OUT in FORMAT. Throws std::invalid_argument when a row does
// not have one cell per column, and IoError when OUT fails.
void render(const table::Table& table, table::Format format, std::ostream& out);

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
// Throws std::invalid_argument on a malformed table, IoError when OUT fails.
void render_table(const table::Table& table, std::ostream& out);

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

} // namespace vendorcat::report
