// Parsing and printing of quantities, and the names of their units. The
// parser shares the money and rate parsers' scanner (decimal.hpp), so a
// locale-formatted value (`1 234,5`) gets the same message; printing trims
// trailing zeros, giving the shortest text that parses back to the same count.

#include "domain/quantity.hpp"

#include "domain/ascii.hpp"
#include "domain/decimal.hpp"
#include "domain/errors.hpp"

#include <array>

namespace vendorcat::domain {

namespace {

constexpr std::array<std::string_view, 4> unit_names{"fte", "hours", "transactions", "cases"};

} // namespace

VolumeUnit parse_volume_unit(std::string_view text)
{
  for (const auto unit : all_volume_units) {
    if (ascii_iequals(text, to_string(unit))) {
      return unit;
    }
  }
  throw ValidationError(fmt::format("invalid unit '{}': expected fte, hours, transactions or cases", text));
}

std::string_view to_string(VolumeUnit unit)
{
  return unit_names[static_cast<std::size_t>(unit)];
}

std::int64_t parse_quantity(std::string_view text)
{
  constexpr std::string_view what = "quantity";
  refuse_decimal_comma(text, what, [](std::string_view dotted) { parse_quantity(dotted); });
  const auto parts = scan_decimal(text, what, Sign::minus, "expected a number such as 12.5");
  if (parts.negative) {
    reject_decimal(what, text, "a quantity cannot be negative");
  }
  if (parts.has_dot && parts.fraction.empty()) {
    reject_decimal(what, text, "expected a digit after the decimal point");
  }
  if (parts.fraction.size() > static_cast<std::size_t>(quantity_digits)) {
    reject_decimal(what, text, fmt::format("at most {} decimals allowed", quantity_digits));
  }
  std::int64_t value = 0;
  const auto push_digit = [&](char c) {
    const auto digit = static_cast<std::int64_t>(c - '0');
    if (value > (max_quantity - digit) / 10) {
      reject_decimal(what, text,
                     fmt::format("out of range: the largest quantity is {}", format_quantity(max_quantity)));
    }
    value = value * 10 + digit;
  };
  for (const char c : parts.integer) {
    push_digit(c);
  }
  for (const char c : parts.fraction) {
    push_digit(c);
  }
  for (std::size_t i = parts.fraction.size(); i < static_cast<std::size_t>(quantity_digits); ++i) {
    push_digit('0');
  }
  return value;
}

std::string format_quantity(std::int64_t thousandths)
{
  // In unsigned arithmetic, which is well defined even for INT64_MIN.
  const bool negative = thousandths < 0;
  const std::uint64_t magnitude = negative ? std::uint64_t{0} - static_cast<std::uint64_t>(thousandths)
                                           : static_cast<std::uint64_t>(thousandths);
  const auto scale = static_cast<std::uint64_t>(quantity_scale);
  const std::string_view sign = negative ? "-" : "";
  if (magnitude % scale == 0) {
    return fmt::format("{}{}", sign, magnitude / scale);
  }
  std::string decimals = fmt::format("{:0{}}", magnitude % scale, quantity_digits);
  decimals.erase(decimals.find_last_not_of('0') + 1);
  return fmt::format("{}{}.{}", sign, magnitude / scale, decimals);
}

} // namespace vendorcat::domain
