#pragma once

// Locale-independent ASCII helpers shared by the domain parsers.

#include <string>
#include <string_view>

namespace vendorcat::domain {

// True when C is one of '0'..'9'; never fails.
bool ascii_is_digit(char c);

// True when C is a space, tab, newline, carriage return, vertical tab or form
// feed; never fails.
bool ascii_is_space(char c);

// True when TEXT is non-empty and made only of '0'..'9'; never fails.
bool ascii_all_digits(std::string_view text);

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
