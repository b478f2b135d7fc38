// Parsing and printing of exchange rates. A rate is a plain positive decimal
// with at most ten decimals and eight integer digits, so its value in units of
// 1e-10 stays below 1e18 and always fits an int64. Printing trims trailing
// zeros, giving the shortest text that parses back to the same value.

#include "domain/rate.hpp"

#include "domain/decimal.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vendorcat::domain {

Rate Rate::parse(std::string_view text)
{
  constexpr std::string_view what = "rate";
  refuse_decimal_comma(text, what, [](std::string_view dotted) { Rate::parse(dotted); });
  const auto parts = scan_decimal(text, what, Sign::none, "expected a positive decimal such as 11.25");
  if (parts.has_dot && parts.fraction.empty()) {
    reject_decimal(what, text, "expected a digit after the decimal point");
  }
  if (parts.fraction.size() > static_cast<std::size_t>(scale_digits)) {
    reject_decimal(what, text, fmt::format("at most {} decimals allowed", scale_digits));
  }
  const std::string_view significant =
    parts.integer.substr(std::min(parts.integer.find_first_not_of('0'), parts.integer.size()));
  if (significant.size() > static_cast<std::size_t>(max_integer_digits)) {
    reject_decimal(what, text,
                   fmt::format("too large: at most {} digits before the decimal point", max_integer_digits));
  }

  // At most 8 + 10 significant digits: below 1e18, so no overflow is possible.
  std::int64_t value = 0;
  for (const char c : significant) {
    value = value * 10 + (c - '0');
  }
  for (const char c : parts.fraction) {
    value = value * 10 + (c - '0');
  }
  for (std::size_t i = parts.fraction.size(); i < static_cast<std::size_t>(scale_digits); ++i) {
    value *= 10;
  }
  if (value == 0) {
    reject_decimal(what, text, "must be greater than zero");
  }
  return Rate(value);
}

Rate Rate::from_scaled(std::int64_t scaled)
{
  if (scaled <= 0) {
    throw ValidationError(fmt::format("invalid rate: scaled value {} must be greater than zero", scaled));
  }
  return Rate(scaled);
}

std::string Rate::to_string() const
{
  const std::int64_t integer = m_scaled / scale;
  const std::int64_t fraction = m_scaled % scale;
  if (fraction == 0) {
    return fmt::format("{}", integer);
  }
  std::string decimals = fmt::format("{:0{}}", fraction, scale_digits);
  decimals.erase(decimals.find_last_not_of('0') + 1);
  return fmt::format("{}.{}", integer, decimals);
}

} // namespace vendorcat::domain
