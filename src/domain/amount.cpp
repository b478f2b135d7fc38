// Parsing and printing of money amounts. An amount is kept as an int64 count
// of minor units; the text form is a plain decimal in major units with at most
// as many decimals as the currency has minor digits. The parser is strict on
// purpose (no spaces, thousands separators, plus signs or exponents) so a
// locale-formatted spreadsheet value is reported instead of silently misread.
// Digits are added one at a time and the running magnitude is compared with
// max_amount before each step, so no value can wrap around.

#include "domain/amount.hpp"

#include "domain/ascii.hpp"
#include "domain/counted.hpp"
#include "domain/decimal.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>

namespace vendorcat::domain {

namespace {

void check_minor_digits(int minor_digits)
{
  if (minor_digits < 0 || minor_digits > max_minor_digits) {
    throw Error(
      fmt::format("unsupported number of minor digits {}: expected 0 to {}", minor_digits, max_minor_digits));
  }
}

std::uint64_t power_of_ten(int digits)
{
  std::uint64_t result = 1;
  for (int i = 0; i < digits; ++i) {
    result *= 10;
  }
  return result;
}

} // namespace

std::int64_t parse_amount(std::string_view text, int minor_digits, std::string_view what)
{
  check_minor_digits(minor_digits);
  refuse_decimal_comma(text, what,
                       [&](std::string_view dotted) { parse_amount(dotted, minor_digits, what); });
  const auto parts = scan_decimal(text, what, Sign::minus, "expected a number such as 1234.50");
  if (parts.has_dot) {
    if (minor_digits == 0) {
      reject_decimal(what, text, "this currency has no decimals");
    }
    if (parts.fraction.empty()) {
      reject_decimal(what, text, "expected a digit after the decimal point");
    }
    if (parts.fraction.size() > static_cast<std::size_t>(minor_digits)) {
      reject_decimal(what, text, fmt::format("at most {} allowed", counted(minor_digits, "decimal")));
    }
  }
  std::int64_t magnitude = 0;
  const auto push_digit = [&](char c) {
    const auto digit = static_cast<std::int64_t>(c - '0');
    if (magnitude > (max_amount - digit) / 10) {
      reject_decimal(
        what, text,
        fmt::format("out of range: the largest amount is {}", format_amount(max_amount, minor_digits)));
    }
    magnitude = magnitude * 10 + digit;
  };
  for (const char c : parts.integer) {
    push_digit(c);
  }
  for (const char c : parts.fraction) {
    push_digit(c);
  }
  for (std::size_t i = parts.fraction.size(); i < static_cast<std::size_t>(minor_digits); ++i) {
    push_digit('0');
  }
  return parts.negative ? -magnitude : magnitude;
}

std::string format_amount(std::int64_t minor, int minor_digits)
{
  check_minor_digits(minor_digits);
  // Negate in unsigned arithmetic, which is well defined even for INT64_MIN.
  const bool negative = minor < 0;
  const std::uint64_t magnitude =
    negative ? std::uint64_t{0} - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
  const std::string_view sign = negative ? "-" : "";
  if (minor_digits == 0) {
    return fmt::format("{}{}", sign, magnitude);
  }
  const std::uint64_t divisor = power_of_ten(minor_digits);
  return fmt::format("{}{}.{:0{}}", sign, magnitude / divisor, magnitude % divisor, minor_digits);
}

std::string group_thousands(std::string_view decimal)
{
  const std::size_t sign = decimal.starts_with('-') ? 1 : 0;
  const auto point = decimal.find('.');
  const std::size_t whole_end = point == std::string_view::npos ? decimal.size() : point;
  const auto whole = decimal.substr(sign, whole_end - sign);
  if (!ascii_all_digits(whole) ||
      (point != std::string_view::npos && !ascii_all_digits(decimal.substr(point + 1)))) {
    return std::string(decimal);
  }
  std::string grouped(decimal.substr(0, sign));
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) {
      grouped += ',';
    }
    grouped += whole[i];
  }
  grouped += decimal.substr(whole_end);
  return grouped;
}

} // namespace vendorcat::domain
