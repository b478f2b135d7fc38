#pragma once

// Locale-independent ASCII helpers shared by the domain parsers.

#include <string>
#include <string_view>

namespace vendorcat::domain {

// The three tests below are inline: parsers call them per character of every
// imported value.

// True when C is one of '0'..'9'; never fails.
constexpr bool ascii_is_digit(char c)
{
  return c >= '0' && c <= '9';
}

// True when C is a space, tab, newline, carriage return, vertical tab or form
// feed; never fails.
constexpr bool ascii_is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// True when TEXT is non-empty and made only of '0'..'9'; never fails.
constexpr bool ascii_all_digits(std::string_view text)
{
  if (text.empty()) {
    return false;
  }
  for (const char c : text) {
    if (!ascii_is_digit(c)) {
      return false;
    }
  }
  return true;
}

// TEXT with 'A'..'Z' turned into 'a'..'z' and every other byte unchanged;
// never fails.
std::string ascii_lower(std::string_view text);

// TEXT without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view text);

// True when A and B are equal ignoring ASCII case; never fails.
bool ascii_iequals(std::string_view a, std::string_view b);

// The value of DIGITS, which must be 1 to 9 ASCII digits; throws Error
// (a programming error, not bad input) otherwise.
int ascii_digits_value(std::string_view digits);

} // namespace vendorcat::domain
