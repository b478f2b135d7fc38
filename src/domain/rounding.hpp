#pragma once

// Exact integer division with banker's rounding (to a whole number, or to a
// number of significant digits), and exact sums of currency conversions that
// are rounded once at the end.

#include "domain/rate.hpp"

#include <cstdint>

namespace vendorcat::domain {

// A signed 128-bit integer (a GCC/Clang extension, hence __extension__ to keep
// -Wpedantic quiet).
__extension__ typedef __int128 Int128;

// NUMERATOR / DENOMINATOR rounded half to even (2.5 -> 2, 3.5 -> 4, -2.5 -> -2).
// Throws Error when DENOMINATOR is not positive or the result does not fit in
// an int64.
std::int64_t divide_half_even(Int128 numerator, Int128 denominator);

// A decimal as UNSCALED / 10^DECIMALS (DECIMALS may be negative: 12 and -3 is
// 12000).
struct ScaledDecimal
{
  std::int64_t unscaled = 0;
  int decimals = 0;
};

// NUMERATOR / DENOMINATOR (both positive) rounded half to even once, to
// SIGNIFICANT digits but to no more than MAX_DECIMALS decimals, whichever
// keeps fewer digits: 2/3 to 10 digits is 0.6666666667, 1/1600 to 10 digits
// and at most 10 decimals is 0.0006250000 (7 digits). Throws Error unless both
// are positive, SIGNIFICANT is 1..18 and MAX_DECIMALS is 0..18, or when an
// intermediate product would overflow 128 bits.
ScaledDecimal divide_significant(Int128 numerator, Int128 denominator, int significant, int max_decimals);

// NUMERATOR / DENOMINATOR (both positive) as a rate: rounded half to even
// once to rate_significant_digits, and to no more than the rate's ten
// decimals. Throws ValidationError when that rounds to zero or leaves more
// than Rate::max_integer_digits before the point, Error as
// divide_significant does.
Rate rate_of_quotient(Int128 numerator, Int128 denominator);

// The significant digits rate_of_quotient keeps.
inline constexpr int rate_significant_digits = 10;

// A sum of amounts converted into one target currency, kept exactly as an
// Int128 numerator over 10^14 target major units and rounded once by result(),
// so a report cell does not accumulate per-line rounding errors.
class ExactSum
{
public:
  // The most minor digits an added amount or a result may have.
  static constexpr int max_digits = 4;
  // The sum is kept in units of 10^-denominator_digits target major units.
  static constexpr int denominator_digits = Rate::scale_digits + max_digits;

  // An empty sum (zero); never fails.
  ExactSum() = default;

  // Adds MINOR_AMOUNT (in a currency with FROM_DIGITS minor digits) times RATE
  // (target units per source unit). Throws Error when FROM_DIGITS is not
  // 0..max_digits or the sum would overflow Int128.
  void add(std::int64_t minor_amount, int from_digits, const Rate& rate);

  // Adds MINOR_AMOUNT already in the target currency (with DIGITS minor
  // digits). Throws Error when DIGITS is not 0..max_digits or the sum would
  // overflow Int128.
  void add_exact(std::int64_t minor_amount, int digits);

  // Adds everything summed in OTHER; throws Error when the sum would overflow.
  void add(const ExactSum& other);

  // The sum in target minor units with TO_DIGITS decimals, rounded half to even
  // once. Throws Error when TO_DIGITS is not 0..max_digits or the result does
  // not fit in an int64.
  std::int64_t result(int to_digits) const;

  // The sum divided by DIVISOR, as result() gives it: rounded half to even
  // once, from the exact quotient (an average of months, say). Throws Error
  // as result() does, and when DIVISOR is not positive.
  std::int64_t result_divided(int to_digits, std::int64_t divisor) const;

  // This sum (in units of a base currency) expressed in a currency worth RATE
  // base units each: the quotient is rounded half to even at the sum's own
  // precision (10^-14 of a unit), far below any minor unit, so the single
  // rounding of result() still decides the figure. Never fails.
  ExactSum divided_by(const Rate& rate) const;

  // True when nothing but zeros has been added; never fails.
  bool is_zero() const { return m_numerator == 0; }

private:
  void add_term(Int128 a, Int128 b);

  Int128 m_numerator = 0; // in units of 10^-denominator_digits target major units
};

} // namespace vendorcat::domain
