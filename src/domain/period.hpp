#pragma once

// Reporting periods: a month, a quarter, a year, or all time.

#include "domain/date.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

namespace vendorcat::domain {

// How finely a report groups its rows or columns.
enum class Granularity
{
  month,
  quarter,
  year,
  all,
};

// The granularity named by TEXT (`month`, `quarter`, `year` or `all`, any
// case); throws ValidationError listing the allowed values otherwise.
Granularity parse_granularity(std::string_view text);

// The lower-case name of GRANULARITY; never fails.
std::string to_string(Granularity granularity);

// The label of the period of GRANULARITY that contains MONTH: `2025-03`,
// `2025-Q1`, `2025` or `all`; never fails.
std::string period_label(const Month& month, Granularity granularity);

// One month, quarter or year, or all time.
class Period
{
public:
  // All time; never fails.
  Period() = default;

  // The period written as `2026`, `2026-Q1` (or `q1`), `2026-03` or `all` (any
  // case); throws ValidationError on any other form or out-of-range year,
  // quarter or month.
  static Period parse(std::string_view text);

  // All time; never fails.
  static Period all();

  // The period of GRANULARITY that contains MONTH (all time for
  // Granularity::all); never fails.
  static Period of(const Month& month, Granularity granularity);

  // The granularity of the period (Granularity::all for all time); never fails.
  Granularity granularity() const { return m_granularity; }

  // True for all time; never fails.
  bool is_all() const { return m_granularity == Granularity::all; }

  // The first and last day of the period, or nullopt for all time; never fail.
  std::optional<Date> first_day() const;
  std::optional<Date> last_day() const;

  // True when DATE falls inside the period (always for all time); never fails.
  bool contains(const Date& date) const;

  // The label as accepted by parse(): `2026-03`, `2026-Q1`, `2026` or `all`;
  // never fails.
  std::string to_string() const;

  // Equal when both granularity and start agree; never fails.
  bool operator==(const Period&) const = default;

private:
  Period(Granularity granularity, const Month& first) : m_granularity(granularity), m_first(first) {}

  Granularity m_granularity = Granularity::all;
  Month m_first; // first month of the period; 1970-01 for all time
};

} // namespace vendorcat::domain

template<>
struct fmt::formatter<vendorcat::domain::Granularity> : fmt::formatter<std::string_view>
{
  auto format(vendorcat::domain::Granularity granularity, format_context& ctx) const
  {
    return formatter<std::string_view>::format(to_string(granularity), ctx);
  }
};

template<>
struct fmt::formatter<vendorcat::domain::Period> : fmt::formatter<std::string_view>
{
  auto format(const vendorcat::domain::Period& period, format_context& ctx) const
  {
    return formatter<std::string_view>::format(period.to_string(), ctx);
  }
};
