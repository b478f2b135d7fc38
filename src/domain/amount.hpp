#pragma once

// Money amounts as exact integer counts of minor units (cents, fils, yen).

#include <cstdint>
#include <string>
#include <string_view>

namespace vendorcat::domain {

// The most minor digits a currency may have (ISO 4217 goes up to 4, e.g. CLF).
inline constexpr int max_minor_digits = 4;

// The largest magnitude of one amount, in minor units: 10^15 - 1
// (9999999999999.99 in a currency with two decimals). Every such amount is
// exact in any JSON reader (below 2^53), and thousands of them still sum in
// 64 bits; every sum the store keeps is checked on top of that.
inline constexpr std::int64_t max_amount = 999'999'999'999'999;

// The decimal TEXT in major units (`1234`, `-80.00`, `0.5`) as a count of
// minor units with MINOR_DIGITS decimals, e.g. `12.5` with 2 digits is 1250.
// Throws ValidationError on anything else: spaces, separators, a plus sign,
// exponents, more decimals than MINOR_DIGITS (any decimal point when it is 0),
// or a magnitude above max_amount (the message names the limit); throws Error
// when MINOR_DIGITS is not 0..max_minor_digits. Messages call the text WHAT
// ("invalid amount '+5': ...", "invalid value '+5': ...").
std::int64_t parse_amount(std::string_view text, int minor_digits, std::string_view what = "amount");

// MINOR as a decimal in major units with exactly MINOR_DIGITS decimals, e.g.
// -8000 with 2 digits is `-80.00`; handles the whole int64 range. Throws Error
// when MINOR_DIGITS is not 0..max_minor_digits.
std::string format_amount(std::int64_t minor, int minor_digits);

// DECIMAL (as format_amount writes it: `-1234567.50`) with a comma between
// each group of three digits of its whole part (`-1,234,567.50`), as pages
// and spreadsheets show figures for people; any other text is returned as it
// is. Never fails.
std::string group_thousands(std::string_view decimal);

// An amount of money as stored: a count of minor units and the number of
// minor digits of its currency, printed as format_amount() prints it.
struct Amount
{
  std::int64_t minor = 0;
  int digits = 2;

  std::string to_string() const { return format_amount(minor, digits); }
  bool operator==(const Amount&) const = default;
};

} // namespace vendorcat::domain
