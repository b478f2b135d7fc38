#include "table/format.hpp"

#include "domain/ascii.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace vendorcat::table {

namespace {

constexpr std::array<std::pair<std::string_view, Format>, 6> format_names{{
  {"table", Format::table},
  {"csv", Format::csv},
  {"json", Format::json},
  {"jsonl", Format::jsonl},
  {"html", Format::html},
  {"xlsx", Format::xlsx},
}};

constexpr std::array<std::pair<std::string_view, Format>, 7> extensions{{
  {".txt", Format::table},
  {".csv", Format::csv},
  {".json", Format::json},
  {".jsonl", Format::jsonl},
  {".html", Format::html},
  {".htm", Format::html},
  {".xlsx", Format::xlsx},
}};

} // namespace

Format parse_format(std::string_view text)
{
  for (const auto& [name, format] : format_names) {
    if (name == text && format != Format::html && format != Format::xlsx) {
      return format;
    }
  }
  throw UsageError(fmt::format("unknown format '{}' (expected table, csv, json or jsonl)", text));
}

Format format_of_file(std::string_view path)
{
  const auto slash = path.find_last_of('/');
  const auto name = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  const auto dot = name.find_last_of('.');
  const auto extension =
    domain::ascii_lower(dot == std::string_view::npos || dot == 0 ? std::string_view() : name.substr(dot));
  for (const auto& [known, format] : extensions) {
    if (known == extension) {
      return format;
    }
  }
  throw UsageError(
    fmt::format("cannot tell the format of '{}' from its extension: name the file .csv, .json, "
                ".jsonl, .html, .xlsx or .txt (a table), or give --format",
                path));
}

std::string_view to_string(Format format)
{
  for (const auto& [name, candidate] : format_names) {
    if (candidate == format) {
      return name;
    }
  }
  return "table";
}

} // namespace vendorcat::table
