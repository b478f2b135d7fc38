// Parsing and printing of exchange rates. A rate is a plain positive decimal
// with at most ten decimals and eight integer digits, so its value in units of
// 1e-10 stays below 1e18 and always fits an int64. Printing trims trailing
// zeros, giving the shortest text that parses back to the same value.

#include "domain/rate.hpp"

#include "domain/ascii.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vendorcat::domain {

namespace {

[[noreturn]] void reject(std::string_view text, std::string_view reason)
{
  throw ValidationError(fmt::format("invalid rate '{}': {}", text, reason));
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

Rate Rate::parse(std::string_view text)
{
  constexpr std::string_view expected = "expected a positive decimal such as 11.25";
  if (text.empty()) {
    reject(text, expected);
  }
  for (const char c : text) {
    if (ascii_is_space(c)) {
      reject(text, "spaces are not allowed");
    }
    if (c == ',' || c == '\'' || c == '_') {
      reject(text, "use a dot for decimals and no thousands separators");
    }
  }
  if (text.front() == '+' || text.front() == '-') {
    reject(text, "expected a positive decimal without a sign");
  }

  std::size_t pos = 0;
  while (pos < text.size() && ascii_is_digit(text[pos])) {
    ++pos;
  }
  const std::string_view integer_digits = text.substr(0, pos);
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
    reject(text, expected);
  }
  if (integer_digits.empty()) {
    reject(text, has_dot && !fraction_digits.empty() ? "expected a digit before the decimal point" : expected);
  }
  if (has_dot && fraction_digits.empty()) {
    reject(text, "expected a digit after the decimal point");
  }
  if (fraction_digits.size() > static_cast<std::size_t>(scale_digits)) {
    reject(text, fmt::format("at most {} decimals allowed", scale_digits));
  }
  const std::string_view significant = integer_digits.substr(std::min(
      integer_digits.find_first_not_of('0'), integer_digits.size()));
  if (significant.size() > static_cast<std::size_t>(max_integer_digits)) {
    reject(text, fmt::format("too large: at most {} digits before the decimal point", max_integer_digits));
  }

  // At most 8 + 10 significant digits: below 1e18, so no overflow is possible.
  std::int64_t value = 0;
  for (const char c : significant) {
    value = value * 10 + (c - '0');
  }
  for (const char c : fraction_digits) {
    value = value * 10 + (c - '0');
  }
  for (std::size_t i = fraction_digits.size(); i < static_cast<std::size_t>(scale_digits); ++i) {
    value *= 10;
  }
  if (value == 0) {
    reject(text, "must be greater than zero");
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
