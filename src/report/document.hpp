#pragma once

// Output written whole rather than streamed: a spreadsheet (`.xlsx`) or an
// HTML page of plain tables, one sheet (or section) per table a command
// prints. `-o FILE.xlsx` and `-o FILE.html` on a listing or report collect
// its tables here (cli::Session) and write them when the command is done.

#include "report/record.hpp"
#include "table/table.hpp"

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::report {

// One table and the name of its sheet (or section heading).
struct Sheet
{
  std::string name;
  table::Table table;
};

// RECORD as sheets: its fields (and explanations) as a `field`, `value`
// sheet named NAME, then one sheet per section under the section's name.
std::vector<Sheet> record_sheets(const Record& record, const std::string& name);

// Writes SHEETS to PATH as an Office Open XML workbook (libxlsxwriter), one
// worksheet each, with typed cells:
//
// | cell                                          | written as                  |
// | --------------------------------------------- | --------------------------- |
// | integer                                       | a number (`#,##0`)          |
// | ratio (double)                                | a number (`0.0000`)         |
// | boolean                                       | a boolean                   |
// | text of a right-aligned column that is a      | a number with as many       |
// | decimal (an amount, a rate, a quantity)       | decimals as the text has    |
// | text that is a date (YYYY-MM-DD)              | a date (`yyyy-mm-dd`)       |
// | anything else, JSON cells included            | text                        |
//
// A decimal of more than 15 significant digits (beyond what a spreadsheet
// holds exactly) stays text, so no figure is changed. The header row is bold
// and frozen; columns are as wide as their text (up to 60). Sheet names are
// made valid (at most 31 characters, none of `[]:*?/\`, unique). An empty
// list writes one empty sheet. Throws UsageError for a sheet of more rows
// than check_sheet_rows allows, IoError naming PATH when the file cannot be
// written.
void write_xlsx(const std::vector<Sheet>& sheets, const std::filesystem::path& path);

// The most data rows a worksheet holds under its header (1,048,576 rows
// in all).
inline constexpr std::size_t max_sheet_rows = 1'048'575;

// Throws UsageError ("WHAT has more rows than a worksheet holds...: write
// .csv instead") when ROWS is above max_sheet_rows; a listing collected for
// a workbook checks each row as it comes, so memory never holds more.
void check_sheet_rows(std::string_view what, std::size_t rows);

// Writes SHEETS to OUT as one HTML page titled TITLE: a heading and a table
// per sheet, figures right-aligned, every text escaped. Throws IoError when
// OUT fails.
void render_html_tables(const std::vector<Sheet>& sheets, std::string_view title, std::ostream& out);

// Whether TEXT is a plain decimal number as amounts, rates and quantities
// are written (`-1234.50`, `0.85`, `12`): an optional minus, digits, and
// optionally a point followed by digits. Never fails.
bool is_decimal_text(std::string_view text);

} // namespace vendorcat::report
