#pragma once

// The output formats a report can be rendered in (the --format option).

#include <string_view>

namespace vendorcat::table {

// table is aligned text for people; csv, json and jsonl are for programs.
enum class Format
{
  table,
  csv,
  json,
  jsonl,
};

// The Format named by TEXT (exactly `table`, `csv`, `json` or `jsonl`);
// throws UsageError listing the allowed values for anything else.
Format parse_format(std::string_view text);

// The name of FORMAT as parse_format accepts it; never fails.
std::string_view to_string(Format format);

} // namespace vendorcat::table
