#pragma once

// The one scanner of plain decimal text (`1234.50`, `-80`, `0.0912`) that the
// money and rate parsers share: it splits the text into its digits and
// refuses every other form with the same messages for both.

#include "domain/errors.hpp"

#include <optional>
#include <string>
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

// TEXT with its comma made a dot when TEXT is `[-]DIGITS,DIGITS` (a decimal
// written with a decimal comma, `1234,50`); nullopt otherwise. Never fails.
std::optional<std::string> decimal_comma_as_dot(std::string_view text);

// Throws ValidationError "WHAT 'TEXT' has a decimal comma: write DOTTED";
// when three digits follow the comma, which may separate thousands too, the
// message gives both readings.
[[noreturn]] void reject_decimal_comma(std::string_view what, std::string_view text, std::string_view dotted);

// Refuses TEXT with the hint of reject_decimal_comma when it is a decimal
// written with a decimal comma that PARSE (a parser that throws
// ValidationError) accepts once the comma is a dot: the value is never
// guessed, but the message says how to write it. Returns otherwise, for the
// parser to refuse TEXT in its own words. Cheap for text without a comma.
template<typename Parse>
void refuse_decimal_comma(std::string_view text, std::string_view what, const Parse& parse)
{
  if (text.find(',') == std::string_view::npos) {
    return;
  }
  const auto dotted = decimal_comma_as_dot(text);
  if (!dotted) {
    return;
  }
  try {
    parse(std::string_view(*dotted));
  } catch (const ValidationError&) {
    return;
  }
  reject_decimal_comma(what, text, *dotted);
}

} // namespace vendorcat::domain
