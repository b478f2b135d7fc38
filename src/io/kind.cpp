#include "io/kind.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>

#include <array>

namespace vendorcat::io {

namespace {

constexpr std::array kind_names{"providers", "locations", "services", "offerings",  "engagements",
                                "spend",     "fx",        "volumes",  "assessments"};

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

void throw_conflict(std::string_view column, const std::string& what)
{
  throw FieldError(std::string(column),
                   fmt::format("{} already exists (use --on-conflict skip or update)", what));
}

} // namespace vendorcat::io
