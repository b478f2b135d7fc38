#pragma once

// The output formats a report can be rendered in (the --format option).

#include <string_view>

namespace vendorcat::table {

// table is aligned text for people; csv, json and jsonl are for programs;
// html (a page of tables) and xlsx (a workbook) are written whole, to a file
// (`-o FILE`) only, chosen by its extension.
enum class Format
{
  table,
  csv,
  json,
  jsonl,
  html,
  xlsx,
};

// The Format named by TEXT (exactly `table`, `csv`, `json` or `jsonl`, what
// --format takes); throws UsageError listing the allowed values for anything else.
Format parse_format(std::string_view text);

// The Format a file named PATH is written in, by its extension, in any letter
// case: `.txt` table, `.csv`, `.json`, `.jsonl`, `.html` (or `.htm`),
// `.xlsx`; throws UsageError naming them for any other extension or none.
Format format_of_file(std::string_view path);

// The name of FORMAT as parse_format accepts it; never fails.
std::string_view to_string(Format format);

} // namespace vendorcat::table
