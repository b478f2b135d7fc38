// Fuzzes domain::parse_amount with the input as text, once for every number
// of minor digits (0 to max_minor_digits). Expected: a value or a
// ValidationError, nothing else. Properties of an accepted text: it spells
// a plain decimal ([+-]digits[.digits]) and the value is exactly that
// decimal, i.e. format_amount gives the text in canonical form (no '+', no
// leading zeros, all minor digits, no "-" on zero), and parsing that text
// again gives the same value (the round trip).

#include "domain/amount.hpp"
#include "domain/ascii.hpp"
#include "domain/errors.hpp"
#include "fuzz_support.hpp"

#include <optional>
#include <string>

namespace {

using namespace vendorcat;

// TEXT, a plain decimal with at most MINOR_DIGITS decimals, written as
// format_amount writes its value; nullopt when TEXT is no such decimal.
std::optional<std::string> canonical(std::string_view text, int minor_digits)
{
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  const auto dot = text.find('.');
  auto integer = text.substr(0, dot);
  const auto fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (!domain::ascii_all_digits(integer) ||
      (dot != std::string_view::npos && !domain::ascii_all_digits(fraction)) ||
      fraction.size() > static_cast<std::size_t>(minor_digits)) {
    return std::nullopt;
  }
  while (integer.size() > 1 && integer.front() == '0') {
    integer.remove_prefix(1);
  }
  std::string digits(integer);
  if (minor_digits > 0) {
    digits += '.';
    digits += fraction;
    digits.append(static_cast<std::size_t>(minor_digits) - fraction.size(), '0');
  }
  const bool zero = digits.find_first_not_of("0.") == std::string::npos;
  return (negative && !zero ? "-" : "") + digits;
}

void check_amount(std::string_view text, int minor_digits)
{
  std::int64_t value = 0;
  try {
    value = domain::parse_amount(text, minor_digits);
  } catch (const ValidationError&) {
    return;
  }
  if (value > domain::max_amount || value < -domain::max_amount) {
    fuzz::finding(
      fmt::format("parse_amount('{}', {}) accepted {}, beyond the limit", text, minor_digits, value));
  }
  const auto expected = canonical(text, minor_digits);
  if (!expected) {
    fuzz::finding(
      fmt::format("parse_amount('{}', {}) accepted a text that is no plain decimal", text, minor_digits));
  }
  const auto formatted = domain::format_amount(value, minor_digits);
  if (formatted != *expected) {
    fuzz::finding(fmt::format("parse_amount('{}', {}) gave {} ('{}'), expected '{}'", text, minor_digits,
                              value, formatted, *expected));
  }
  std::int64_t again = 0;
  try {
    again = domain::parse_amount(formatted, minor_digits);
  } catch (const ValidationError& error) {
    fuzz::finding(fmt::format("parse_amount refuses format_amount's '{}': {}", formatted, error.what()));
  }
  if (again != value) {
    fuzz::finding(fmt::format("round trip of '{}' with {} digits: {} then '{}' then {}", text, minor_digits,
                              value, formatted, again));
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  return fuzz::run([text = fuzz::as_text(data, size)] {
    for (int minor_digits = 0; minor_digits <= domain::max_minor_digits; ++minor_digits) {
      check_amount(text, minor_digits);
    }
  });
}
