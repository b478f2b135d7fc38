// The shared decimal scanner (see decimal.hpp). It looks at every character
// first, so that a locale-formatted value (`1 234,50`) gets the message that
// explains it rather than a generic one.

#include "domain/decimal.hpp"

#include "domain/ascii.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>

namespace vendorcat::domain {

namespace {

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

std::string_view digits_from(std::string_view text, std::size_t& pos)
{
  const std::size_t begin = pos;
  while (pos < text.size() && ascii_is_digit(text[pos])) {
    ++pos;
  }
  return text.substr(begin, pos - begin);
}

} // namespace

void reject_decimal(std::string_view what, std::string_view text, std::string_view reason)
{
  throw ValidationError(fmt::format("invalid {} '{}': {}", what, text, reason));
}

std::optional<std::string> decimal_comma_as_dot(std::string_view text)
{
  const auto comma = text.find(',');
  if (comma == std::string_view::npos) {
    return std::nullopt;
  }
  const auto integer = text.substr(0, comma);
  const auto fraction = text.substr(comma + 1);
  if (!ascii_all_digits(integer.starts_with('-') ? integer.substr(1) : integer) ||
      !ascii_all_digits(fraction)) {
    return std::nullopt;
  }
  return fmt::format("{}.{}", integer, fraction);
}

void reject_decimal_comma(std::string_view what, std::string_view text, std::string_view dotted)
{
  if (text.size() - text.find(',') == 4) {
    std::string whole(text);
    whole.erase(whole.find(','), 1);
    throw ValidationError(
      fmt::format("{} '{}' has a comma: write {} if it is a decimal comma, {} if it separates thousands",
                  what, text, dotted, whole));
  }
  throw ValidationError(fmt::format("{} '{}' has a decimal comma: write {}", what, text, dotted));
}

DecimalText scan_decimal(std::string_view text, std::string_view what, Sign sign, std::string_view expected)
{
  if (text.empty()) {
    reject_decimal(what, text, expected);
  }
  for (const char c : text) {
    if (ascii_is_space(c)) {
      reject_decimal(what, text, "spaces are not allowed");
    }
    if (c == ',' || c == '\'' || c == '_') {
      reject_decimal(what, text, "use a dot for decimals and no thousands separators");
    }
  }
  DecimalText parts;
  std::size_t pos = 0;
  if (text.front() == '+' || text.front() == '-') {
    if (sign == Sign::none) {
      reject_decimal(what, text, "expected a positive decimal without a sign");
    }
    if (text.front() == '+') {
      reject_decimal(what, text, "write it without a plus sign");
    }
    parts.negative = true;
    ++pos;
  }
  parts.integer = digits_from(text, pos);
  if (pos < text.size() && text[pos] == '.') {
    parts.has_dot = true;
    ++pos;
    parts.fraction = digits_from(text, pos);
  }
  const std::string_view rest = text.substr(pos);
  if (!rest.empty()) {
    reject_decimal(what, text,
                   !parts.integer.empty() && is_exponent(rest) ? "exponents are not allowed" : expected);
  }
  if (parts.integer.empty()) {
    reject_decimal(what, text,
                   parts.has_dot && !parts.fraction.empty() ? "expected a digit before the decimal point"
                                                            : expected);
  }
  return parts;
}

} // namespace vendorcat::domain
