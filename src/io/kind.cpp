#include "io/kind.hpp"

#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "io/kinds.hpp"

#include <fmt/format.h>

#include <array>

namespace vendorcat::io {

namespace {

constexpr std::array kind_names{"providers", "locations", "services", "offerings",  "engagements",
                                "spend",     "fx",        "volumes",  "assessments"};

// The singular and plural nouns of each kind's records, in kind_names' order.
constexpr std::array<std::array<const char*, 2>, kind_names.size()> record_nouns{{
  {"provider", "providers"},
  {"location", "locations"},
  {"service", "services"},
  {"offering", "offerings"},
  {"engagement", "engagements"},
  {"spend line", "spend lines"},
  {"exchange rate", "exchange rates"},
  {"volume", "volumes"},
  {"assessment", "assessments"},
}};

} // namespace

Kind parse_kind(std::string_view text)
{
  for (std::size_t i = 0; i < kind_names.size(); ++i) {
    if (text == kind_names[i]) {
      return static_cast<Kind>(i);
    }
  }
  throw UsageError(fmt::format("unknown kind '{}': expected {}", text, kind_list()));
}

std::string kind_list()
{
  std::string listed;
  for (std::size_t i = 0; i < kind_names.size(); ++i) {
    listed += fmt::format("{}{}", i == 0 ? "" : i + 1 == kind_names.size() ? " or " : ", ", kind_names[i]);
  }
  return listed;
}

std::string_view to_string(Kind kind)
{
  return kind_names[static_cast<std::size_t>(kind)];
}

const std::vector<Kind>& all_kinds()
{
  static const std::vector<Kind> kinds{Kind::providers, Kind::locations,   Kind::services,
                                       Kind::offerings, Kind::engagements, Kind::spend,
                                       Kind::fx,        Kind::volumes,     Kind::assessments};
  return kinds;
}

std::string counted_records(Kind kind, std::size_t count)
{
  const auto& nouns = record_nouns[static_cast<std::size_t>(kind)];
  return domain::counted(count, nouns[0], nouns[1]);
}

std::string column_summary(Kind kind)
{
  return visit_kind(kind, [](const auto& description) {
    const auto names = description.file_columns();
    const auto required = description.required_columns();
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
      text += fmt::format("{}{}{}", i == 0 ? "" : ", ", names[i], i < required ? "*" : "");
    }
    return text;
  });
}

void throw_conflict(std::string_view column, const std::string& what)
{
  throw FieldError(std::string(column),
                   fmt::format("{} already exists (use --on-conflict skip or update)", what));
}

} // namespace vendorcat::io
