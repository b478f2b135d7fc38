// Banker's rounding of 128-bit quotients, and ExactSum. Every converted amount
// is amount * 10^(4 - digits) * rate.scaled(), an exact integer count of 1e-14
// target major units, so any number of lines can be summed without loss and
// rounded half to even exactly once. Overflows are detected, never wrapped.

#include "domain/rounding.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace vendorcat::domain {

namespace {

Int128 power_of_ten(int digits)
{
  Int128 result = 1;
  for (int i = 0; i < digits; ++i) {
    result *= 10;
  }
  return result;
}

void check_digits(int digits)
{
  if (digits < 0 || digits > ExactSum::max_digits) {
    throw Error(
      fmt::format("unsupported number of minor digits {}: expected 0 to {}", digits, ExactSum::max_digits));
  }
}

} // namespace

std::int64_t divide_half_even(Int128 numerator, Int128 denominator)
{
  if (denominator <= 0) {
    throw Error("divide_half_even needs a positive denominator");
  }
  // C++ division truncates towards zero, so |remainder| < denominator and the
  // remainder has the numerator's sign.
  Int128 quotient = numerator / denominator;
  const Int128 remainder = numerator % denominator;
  const Int128 magnitude = remainder < 0 ? -remainder : remainder;
  const Int128 rest = denominator - magnitude; // compare 2|r| with d without overflow
  const bool away = magnitude > rest || (magnitude == rest && quotient % 2 != 0);
  if (magnitude != 0 && away) {
    quotient += numerator < 0 ? -1 : 1;
  }
  if (quotient < std::numeric_limits<std::int64_t>::min() ||
      quotient > std::numeric_limits<std::int64_t>::max()) {
    throw Error("amount out of range: the rounded result does not fit in 64 bits");
  }
  return static_cast<std::int64_t>(quotient);
}

ScaledDecimal divide_significant(Int128 numerator, Int128 denominator, int significant, int max_decimals)
{
  constexpr int max_digits = 18; // 10^18 < 2^63: every rounded result fits an int64
  if (numerator <= 0 || denominator <= 0) {
    throw Error("divide_significant needs a positive numerator and denominator");
  }
  if (significant < 1 || significant > max_digits || max_decimals < 0 || max_decimals > max_digits) {
    throw Error(fmt::format("divide_significant: unsupported precision of {} digits and {} decimals",
                            significant, max_decimals));
  }
  // The quotient's first digit is in the 10^magnitude place: 10^m <= n/d < 10^(m+1).
  int magnitude = 0;
  for (Int128 whole = numerator / denominator; whole >= 10; whole /= 10) {
    ++magnitude;
  }
  if (numerator < denominator) {
    // Leading zeros after the point; past MAX_DECIMALS + 1 of them the place
    // no longer matters, as the decimals are capped there.
    Int128 scaled = numerator;
    magnitude = 0;
    while (scaled < denominator && magnitude > -(max_decimals + 1)) {
      if (__builtin_mul_overflow(scaled, Int128{10}, &scaled)) {
        throw Error("divide_significant: the numerator is too large");
      }
      --magnitude;
    }
  }
  const int decimals = std::min(significant - 1 - magnitude, max_decimals);
  Int128 top = numerator;
  Int128 bottom = denominator;
  if (decimals >= 0 && __builtin_mul_overflow(numerator, power_of_ten(decimals), &top)) {
    throw Error("divide_significant: the numerator is too large");
  }
  if (decimals < 0 && __builtin_mul_overflow(denominator, power_of_ten(-decimals), &bottom)) {
    throw Error("divide_significant: the denominator is too large");
  }
  return {divide_half_even(top, bottom), decimals};
}

Rate rate_of_quotient(Int128 numerator, Int128 denominator)
{
  const auto rounded =
    divide_significant(numerator, denominator, rate_significant_digits, Rate::scale_digits);
  // In units of 1e-10; the loop stops once the rate is too large, so the
  // product never overflows.
  const Int128 limit = power_of_ten(Rate::max_integer_digits + Rate::scale_digits);
  Int128 scaled = rounded.unscaled;
  for (int i = rounded.decimals; i < Rate::scale_digits && scaled < limit; ++i) {
    scaled *= 10;
  }
  if (scaled >= limit) {
    throw ValidationError(fmt::format("invalid rate: too large, more than {} digits before the decimal point",
                                      Rate::max_integer_digits));
  }
  if (scaled == 0) {
    throw ValidationError(
      fmt::format("invalid rate: too small, below 0.5 in the {}th decimal place", Rate::scale_digits));
  }
  return Rate::from_scaled(static_cast<std::int64_t>(scaled));
}

void ExactSum::add(std::int64_t minor_amount, int from_digits, const Rate& rate)
{
  check_digits(from_digits);
  // |minor_amount| * 10^4 < 2^77 always fits; the product with the rate may not.
  add_term(Int128{minor_amount} * power_of_ten(max_digits - from_digits), Int128{rate.scaled()});
}

void ExactSum::add_exact(std::int64_t minor_amount, int digits)
{
  check_digits(digits);
  add_term(Int128{minor_amount} * power_of_ten(max_digits - digits), power_of_ten(Rate::scale_digits));
}

void ExactSum::add(const ExactSum& other)
{
  add_term(other.m_numerator, 1);
}

void ExactSum::add_term(Int128 a, Int128 b)
{
  // On overflow the sum is left as it was.
  Int128 term = 0;
  Int128 sum = 0;
  if (__builtin_mul_overflow(a, b, &term) || __builtin_add_overflow(m_numerator, term, &sum)) {
    throw Error("amount out of range: the converted sum does not fit in 128 bits");
  }
  m_numerator = sum;
}

ExactSum ExactSum::divided_by(const Rate& rate) const
{
  ExactSum quotient;
  const Int128 scale = power_of_ten(Rate::scale_digits);
  const Int128 whole = m_numerator / rate.scaled();
  const Int128 rest = m_numerator % rate.scaled();
  // whole * scale + rest * scale / rate, with the last division rounded.
  quotient.add_term(whole, scale);
  quotient.add_term(divide_half_even(rest * scale, rate.scaled()), 1);
  return quotient;
}

std::int64_t ExactSum::result(int to_digits) const
{
  check_digits(to_digits);
  return divide_half_even(m_numerator, power_of_ten(denominator_digits - to_digits));
}

std::int64_t ExactSum::result_divided(int to_digits, std::int64_t divisor) const
{
  check_digits(to_digits);
  return divide_half_even(m_numerator, power_of_ten(denominator_digits - to_digits) * Int128{divisor});
}

} // namespace vendorcat::domain
