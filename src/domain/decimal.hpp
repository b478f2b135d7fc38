#pragma once

// The one scanner of plain decimal text (`1234.50`, `-80`, `0.0912`) that the
// money and rate parsers share: it splits the text into its digits and
// refuses every other form with the same messages for both.

#include <string_view>

namespace vendorcat::domain {

// A plain decimal as written: an optional minus sign, integer digits, and the
// digits after a dot (the views point into the scanned text).
struct DecimalText
{
  bool negative = false;
  std::string_view integer; // at least one digit
  bool has_dot = false;
  std::string_view fraction; // may be empty after a dot: the caller decides
};

// Whether a leading minus sign is accepted. A plus sign never is.
enum class Sign
{
  none,
  minus,
};

// Throws ValidationError "invalid WHAT 'TEXT': REASON".
[[noreturn]] void reject_decimal(std::string_view what, std::string_view text, std::string_view reason);

// Splits TEXT, which must be `[-]DIGITS[.DIGITS]`. Throws ValidationError
// naming WHAT for spaces, thousands separators, a plus sign (or any sign
// with Sign::none), exponents, a missing digit before the dot, and with
// EXPECTED as the reason for anything else.
DecimalText scan_decimal(std::string_view text, std::string_view what, Sign sign, std::string_view expected);

} // namespace vendorcat::domain
