// Parsing and printing of money amounts. An amount is kept as an int64 count
// of minor units; the text form is a plain decimal in major units with at most
// as many decimals as the currency has minor digits. The parser is strict on
// purpose (no spaces, thousands separators or exponents) so a locale-formatted
// spreadsheet value is reported instead of silently misread. Magnitudes are
// accumulated as uint64 and checked against INT64_MAX digit by digit, so the
// range check is exact; INT64_MIN is rejected to keep the range symmetric.

#include "domain/amount.hpp"

#include "domain/ascii.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>

#include <limits>

namespace vendorcat::domain {

namespace {

void check_minor_digits(int minor_digits)
{
  if (minor_digits < 0 || minor_digits > max_minor_digits) {
    throw Error(fmt::format("unsupported number of minor digits {}: expected 0 to {}", minor_digits,
                            max_minor_digits));
  }
}

[[noreturn]] void reject(std::string_view text, std::string_view reason)
{
  throw ValidationError(fmt::format("invalid amount '{}': {}", text, reason));
}

bool is_separator(char c)
{
  return c == ',' || c == '\'' || c == '_';
}

std::uint64_t power_of_ten(int digits)
{
  std::uint64_t result = 1;
  for (int i = 0; i < digits; ++i) {
    result *= 10;
  }
  return result;
}

// True when REST, what follows a number, is an exponent such as `e3` or `E-2`.
bool is_exponent(std::string_view rest)
{
  if (rest.empty() || (rest.front() != 'e' && rest.front() != 'E')) {
    return false;
  }
  rest.remove_prefix(1);
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
    rest.remove_prefix(1);
  }
  return ascii_all_digits(rest);
}

} // namespace

std::int64_t parse_amount(std::string_view text, int minor_digits)
{
  check_minor_digits(minor_digits);
  if (text.empty()) {
    reject(text, "expected a number such as 1234.50");
  }
  for (const char c : text) {
    if (ascii_is_space(c)) {
      reject(text, "spaces are not allowed");
    }
    if (is_separator(c)) {
      reject(text, "use a dot for decimals and no thousands separators");
    }
  }

  std::size_t pos = 0;
  bool negative = false;
  if (text[pos] == '+' || text[pos] == '-') {
    negative = text[pos] == '-';
    ++pos;
  }
  const std::size_t integer_begin = pos;
  while (pos < text.size() && ascii_is_digit(text[pos])) {
    ++pos;
  }
  const std::string_view integer_digits = text.substr(integer_begin, pos - integer_begin);
  bool has_dot = false;
  std::string_view fraction_digits;
  if (pos < text.size() && text[pos] == '.') {
    has_dot = true;
    const std::size_t fraction_begin = ++pos;
    while (pos < text.size() && ascii_is_digit(text[pos])) {
      ++pos;
    }
    fraction_digits = text.substr(fraction_begin, pos - fraction_begin);
  }
  const std::string_view rest = text.substr(pos);

  if (!rest.empty()) {
    if (!integer_digits.empty() && is_exponent(rest)) {
      reject(text, "exponents are not allowed");
    }
    reject(text, "expected a number such as 1234.50");
  }
  if (integer_digits.empty()) {
    if (has_dot && !fraction_digits.empty()) {
      reject(text, "expected a digit before the decimal point");
    }
    reject(text, "expected a number such as 1234.50");
  }
  if (has_dot) {
    if (minor_digits == 0) {
      reject(text, "this currency has no decimals");
    }
    if (fraction_digits.empty()) {
      reject(text, "expected a digit after the decimal point");
    }
    if (fraction_digits.size() > static_cast<std::size_t>(minor_digits)) {
      reject(text, fmt::format("at most {} decimal{} allowed", minor_digits, minor_digits == 1 ? "" : "s"));
    }
  }

  // INT64_MAX * 10 + 9 still fits in a uint64, so one check per digit is exact.
  constexpr auto limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  std::uint64_t magnitude = 0;
  const auto push_digit = [&](char c) {
    magnitude = magnitude * 10 + static_cast<std::uint64_t>(c - '0');
    if (magnitude > limit) {
      reject(text, "out of range");
    }
  };
  for (const char c : integer_digits) {
    push_digit(c);
  }
  for (const char c : fraction_digits) {
    push_digit(c);
  }
  for (std::size_t i = fraction_digits.size(); i < static_cast<std::size_t>(minor_digits); ++i) {
    push_digit('0');
  }

  const auto value = static_cast<std::int64_t>(magnitude);
  return negative ? -value : value;
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

} // namespace vendorcat::domain
