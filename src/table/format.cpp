#include "table/format.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>

#include <array>
#include <utility>

namespace vendorcat::table {

namespace {

constexpr std::array<std::pair<std::string_view, Format>, 4> format_names{{
  {"table", Format::table},
  {"csv", Format::csv},
  {"json", Format::json},
  {"jsonl", Format::jsonl},
}};

} // namespace

Format parse_format(std::string_view text)
{
  for (const auto& [name, format] : format_names) {
    if (name == text) {
      return format;
    }
  }
  throw UsageError(fmt::format("unknown format '{}' (expected table, csv, json or jsonl)", text));
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
