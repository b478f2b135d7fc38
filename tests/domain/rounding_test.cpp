#include "domain/amount.hpp"
#include "domain/errors.hpp"
#include "domain/rounding.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace vendorcat;
using namespace vendorcat::domain;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

// The rounded result of converting each line on its own.
std::int64_t rounded_line(std::int64_t minor_amount, int from_digits, const char* rate, int to_digits)
{
  ExactSum line;
  line.add(minor_amount, from_digits, Rate::parse(rate));
  return line.result(to_digits);
}

} // namespace

TEST(DivideHalfEven, DividesExactly)
{
  EXPECT_EQ(divide_half_even(10, 2), 5);
  EXPECT_EQ(divide_half_even(-10, 2), -5);
  EXPECT_EQ(divide_half_even(0, 7), 0);
}

TEST(DivideHalfEven, RoundsToTheNearest)
{
  EXPECT_EQ(divide_half_even(14, 10), 1);
  EXPECT_EQ(divide_half_even(16, 10), 2);
  EXPECT_EQ(divide_half_even(-14, 10), -1);
  EXPECT_EQ(divide_half_even(-16, 10), -2);
  EXPECT_EQ(divide_half_even(2, 3), 1);
  EXPECT_EQ(divide_half_even(1, 3), 0);
}

TEST(DivideHalfEven, RoundsHalvesToEven)
{
  EXPECT_EQ(divide_half_even(5, 10), 0);
  EXPECT_EQ(divide_half_even(15, 10), 2);
  EXPECT_EQ(divide_half_even(25, 10), 2);
  EXPECT_EQ(divide_half_even(35, 10), 4);
  EXPECT_EQ(divide_half_even(1, 2), 0);
  EXPECT_EQ(divide_half_even(3, 2), 2);
}

TEST(DivideHalfEven, RoundsNegativeHalvesToEven)
{
  EXPECT_EQ(divide_half_even(-5, 10), 0);
  EXPECT_EQ(divide_half_even(-15, 10), -2);
  EXPECT_EQ(divide_half_even(-25, 10), -2);
  EXPECT_EQ(divide_half_even(-35, 10), -4);
  EXPECT_EQ(divide_half_even(-3, 2), -2);
}

TEST(DivideHalfEven, HandlesTheInt64Limits)
{
  EXPECT_EQ(divide_half_even(Int128{int64_max}, 1), int64_max);
  EXPECT_EQ(divide_half_even(Int128{int64_min}, 1), int64_min);
  EXPECT_EQ(divide_half_even(Int128{int64_max} * 10 + 4, 10), int64_max);
}

TEST(DivideHalfEven, HandlesHugeDenominators)
{
  const Int128 huge = Int128{int64_max} * int64_max * 2;
  EXPECT_EQ(divide_half_even(huge / 2, huge), 0);
  EXPECT_EQ(divide_half_even(huge / 2 + 1, huge), 1);
  EXPECT_EQ(divide_half_even(huge - 1, huge), 1);
  EXPECT_EQ(divide_half_even(-(huge / 2 + 1), huge), -1);
}

TEST(DivideHalfEven, ThrowsOnOverflow)
{
  EXPECT_THROW(divide_half_even(Int128{int64_max} + 1, 1), Error);
  EXPECT_THROW(divide_half_even(Int128{int64_min} - 1, 1), Error);
  // Rounding up past INT64_MAX overflows too.
  EXPECT_THROW(divide_half_even(Int128{int64_max} * 10 + 5, 10), Error);
}

TEST(DivideHalfEven, ThrowsOnNonPositiveDenominator)
{
  EXPECT_THROW(divide_half_even(1, 0), Error);
  EXPECT_THROW(divide_half_even(1, -1), Error);
}

TEST(ExactSum, StartsAtZero)
{
  const ExactSum sum;
  EXPECT_TRUE(sum.is_zero());
  EXPECT_EQ(sum.result(2), 0);
  EXPECT_EQ(sum.result(0), 0);
}

TEST(ExactSum, ConvertsWithARate)
{
  ExactSum sum;
  sum.add(parse_amount("100.00", 2), 2, Rate::parse("11.25"));
  EXPECT_EQ(format_amount(sum.result(2), 2), "1125.00");
}

TEST(ExactSum, ConvertsBetweenDifferentMinorDigits)
{
  ExactSum yen_to_euro;
  yen_to_euro.add(parse_amount("1000", 0), 0, Rate::parse("0.0061"));
  EXPECT_EQ(format_amount(yen_to_euro.result(2), 2), "6.10");

  ExactSum euro_to_yen;
  euro_to_yen.add(parse_amount("10.00", 2), 2, Rate::parse("163.45"));
  EXPECT_EQ(format_amount(euro_to_yen.result(0), 0), "1634");

  ExactSum dinar_to_euro;
  dinar_to_euro.add(parse_amount("1.234", 3), 3, Rate::parse("2.5"));
  EXPECT_EQ(format_amount(dinar_to_euro.result(2), 2), "3.08"); // 3.085 -> even
  EXPECT_EQ(format_amount(dinar_to_euro.result(4), 4), "3.0850");
}

TEST(ExactSum, AddsAmountsAlreadyInTheTargetCurrency)
{
  ExactSum sum;
  sum.add_exact(parse_amount("12.34", 2), 2);
  sum.add_exact(parse_amount("1", 0), 0);
  EXPECT_EQ(format_amount(sum.result(2), 2), "13.34");
  EXPECT_EQ(format_amount(sum.result(4), 4), "13.3400");
  EXPECT_EQ(format_amount(sum.result(0), 0), "13");
}

TEST(ExactSum, RoundsOnceRatherThanPerLine)
{
  // Three lines of 0.01 at rate 0.5 are 0.005 each: rounded half to even per
  // line that is 0.00 three times, but the exact sum 0.015 rounds to 0.02.
  EXPECT_EQ(rounded_line(1, 2, "0.5", 2), 0);
  ExactSum cell;
  for (int line = 0; line < 3; ++line) {
    cell.add(1, 2, Rate::parse("0.5"));
  }
  EXPECT_EQ(format_amount(cell.result(2), 2), "0.02");
  EXPECT_EQ(format_amount(cell.result(3), 3), "0.015");
}

TEST(ExactSum, RoundsOnceWithARepeatingRate)
{
  // 0.01 * 0.3333333333 rounds to 0.00 per line; the sum of three is 0.0099999999.. -> 0.01.
  EXPECT_EQ(rounded_line(1, 2, "0.3333333333", 2), 0);
  ExactSum cell;
  for (int line = 0; line < 3; ++line) {
    cell.add(1, 2, Rate::parse("0.3333333333"));
  }
  EXPECT_EQ(format_amount(cell.result(2), 2), "0.01");
}

TEST(ExactSum, HandlesCreditNotes)
{
  // Credit notes are negative lines; halves still round to even.
  ExactSum credits;
  for (int line = 0; line < 3; ++line) {
    credits.add(-1, 2, Rate::parse("0.5"));
  }
  EXPECT_EQ(format_amount(credits.result(2), 2), "-0.02");

  ExactSum single;
  single.add(-1, 2, Rate::parse("0.5"));
  EXPECT_EQ(single.result(2), 0); // -0.005 -> -0.00, printed as 0.00
  EXPECT_EQ(format_amount(single.result(2), 2), "0.00");

  ExactSum invoice_and_credit;
  invoice_and_credit.add(parse_amount("100.00", 2), 2, Rate::parse("0.0912"));
  invoice_and_credit.add(parse_amount("-100.00", 2), 2, Rate::parse("0.0912"));
  EXPECT_TRUE(invoice_and_credit.is_zero());
  EXPECT_EQ(invoice_and_credit.result(2), 0);

  ExactSum partial_credit;
  partial_credit.add(parse_amount("100.00", 2), 2, Rate::parse("0.0912"));
  partial_credit.add(parse_amount("-30.05", 2), 2, Rate::parse("0.0912"));
  EXPECT_EQ(format_amount(partial_credit.result(2), 2), "6.38"); // 69.95 * 0.0912 = 6.37944
}

TEST(ExactSum, MergesOtherSums)
{
  ExactSum january;
  january.add(1, 2, Rate::parse("0.5"));
  ExactSum february;
  february.add(1, 2, Rate::parse("0.5"));
  february.add(1, 2, Rate::parse("0.5"));
  ExactSum total;
  total.add(january);
  total.add(february);
  EXPECT_EQ(format_amount(total.result(2), 2), "0.02");
}

TEST(ExactSum, HandlesTheLargestAmounts)
{
  ExactSum sum;
  sum.add(int64_max, 2, Rate::parse("1"));
  EXPECT_EQ(sum.result(2), int64_max);
  sum.add(1, 2, Rate::parse("1"));
  EXPECT_THROW(sum.result(2), Error);

  ExactSum doubled;
  doubled.add(int64_max, 4, Rate::parse("2"));
  EXPECT_THROW(doubled.result(4), Error);
  EXPECT_EQ(doubled.result(0), divide_half_even(Int128{int64_max} * 2, 10000));
}

TEST(ExactSum, ThrowsOnProductOverflowAndKeepsTheSum)
{
  // 9.2e18 * 10^4 * 1e18 is far beyond 2^127.
  ExactSum sum;
  sum.add(1, 2, Rate::parse("1"));
  EXPECT_THROW(sum.add(int64_max, 0, Rate::parse("99999999.9999999999")), Error);
  EXPECT_THROW(sum.add(int64_min, 0, Rate::from_scaled(int64_max)), Error);
  EXPECT_EQ(sum.result(2), 1);
}

TEST(ExactSum, ThrowsOnSumOverflowAndKeepsTheSum)
{
  // Each term is (2^63 - 1)^2 < 2^126, so two fit in an Int128 and three do not.
  const Rate largest = Rate::from_scaled(int64_max);
  ExactSum sum;
  sum.add(int64_max, 4, largest);
  sum.add(int64_max, 4, largest);
  EXPECT_THROW(sum.add(int64_max, 4, largest), Error);
  EXPECT_THROW(sum.add_exact(int64_max, 0), Error);
  sum.add(-int64_max, 4, largest);
  sum.add(-int64_max, 4, largest);
  EXPECT_TRUE(sum.is_zero());
}

TEST(ExactSum, ThrowsOnUnsupportedDigits)
{
  ExactSum sum;
  EXPECT_THROW(sum.add(1, 5, Rate()), Error);
  EXPECT_THROW(sum.add(1, -1, Rate()), Error);
  EXPECT_THROW(sum.add_exact(1, 5), Error);
  EXPECT_THROW(sum.result(5), Error);
  EXPECT_THROW(sum.result(-1), Error);
}

TEST(ExactSum, DividedByARateConvertsOutOfTheBaseCurrency)
{
  using vendorcat::domain::ExactSum;
  using vendorcat::domain::Rate;
  ExactSum base; // 100.00 EUR
  base.add_exact(10000, 2);
  // 1 USD = 0.8 EUR: 100 EUR is 125 USD.
  EXPECT_EQ(base.divided_by(Rate::parse("0.8")).result(2), 12500);
  // 1 GBP = 1.5 EUR: 100 EUR is 66.666... GBP, rounded once to 66.67.
  EXPECT_EQ(base.divided_by(Rate::parse("1.5")).result(2), 6667);
  ExactSum credit;
  credit.add_exact(-10000, 2);
  EXPECT_EQ(credit.divided_by(Rate::parse("1.5")).result(2), -6667);
}

TEST(ExactSum, ResultDividedRoundsTheExactQuotientOnce)
{
  ExactSum sum;
  sum.add_exact(100, 2); // 1.00 / 3 = 0.3333... -> 0.33
  EXPECT_EQ(sum.result_divided(2, 3), 33);
  ExactSum tie;
  tie.add_exact(15, 2); // 0.15 / 2 = 0.075 -> 0.08 (half to even at cents: 7.5 -> 8)
  EXPECT_EQ(tie.result_divided(2, 2), 8);
  ExactSum even;
  even.add_exact(5, 2); // 0.05 / 2 = 0.025 -> 0.02 (2.5 -> 2)
  EXPECT_EQ(even.result_divided(2, 2), 2);
  EXPECT_THROW((void)sum.result_divided(2, 0), vendorcat::Error);
}

namespace {

// NUMERATOR / DENOMINATOR by divide_significant, as text (`0.6666666667`).
std::string significant(Int128 numerator, Int128 denominator, int digits, int max_decimals)
{
  const auto rounded = divide_significant(numerator, denominator, digits, max_decimals);
  return fmt::format("{}e{}", rounded.unscaled, -rounded.decimals);
}

} // namespace

TEST(DivideSignificant, KeepsTheSignificantDigitsWhereverThePointIs)
{
  EXPECT_EQ(significant(2, 3, 10, 18), "6666666667e-10");          // 0.6666666667
  EXPECT_EQ(significant(200, 3, 10, 18), "6666666667e-8");         // 66.66666667
  EXPECT_EQ(significant(1, 161, 10, 18), "6211180124e-12");        // 0.006211180124
  EXPECT_EQ(significant(1, 1, 10, 18), "1000000000e-9");           // 1.000000000
  EXPECT_EQ(significant(123456789012, 1, 10, 18), "1234567890e2"); // 123456789000
}

TEST(DivideSignificant, RoundsHalfToEvenOnce)
{
  // 0.125 to 2 digits is 0.12 (tie, to even), 0.135 is 0.14; 0.1251 is 0.13.
  EXPECT_EQ(significant(1, 8, 2, 18), "12e-2");
  EXPECT_EQ(significant(27, 200, 2, 18), "14e-2");
  EXPECT_EQ(significant(1251, 10000, 2, 18), "13e-2");
  // 2.5 to one digit is 2, 3.5 is 4, 25 is 2e1.
  EXPECT_EQ(significant(5, 2, 1, 18), "2e0");
  EXPECT_EQ(significant(7, 2, 1, 18), "4e0");
  EXPECT_EQ(significant(25, 1, 1, 18), "2e1");
  // 9.9999999999 to 10 digits carries into a new digit: 10.00000000.
  EXPECT_EQ(significant(99999999999, 10000000000, 10, 18), "10000000000e-9");
}

TEST(DivideSignificant, CapsTheDecimals)
{
  // 1/1600 = 0.000625 has its 10th significant digit in the 13th place; at
  // most 10 decimals keep 0.0006250000.
  EXPECT_EQ(significant(1, 1600, 10, 10), "6250000e-10");
  // A quotient below the last decimal's half rounds to zero; above it, up.
  EXPECT_EQ(significant(1, 30'000'000'000, 10, 10), "0e-10");
  EXPECT_EQ(significant(1, 15'000'000'000, 10, 10), "1e-10");
  EXPECT_EQ(significant(1, 20'000'000'000, 10, 10), "0e-10"); // exactly half: to even
}

TEST(DivideSignificant, RefusesWhatItCannotDo)
{
  EXPECT_THROW(divide_significant(0, 1, 10, 10), Error);
  EXPECT_THROW(divide_significant(1, 0, 10, 10), Error);
  EXPECT_THROW(divide_significant(-1, 3, 10, 10), Error);
  EXPECT_THROW(divide_significant(1, 3, 0, 10), Error);
  EXPECT_THROW(divide_significant(1, 3, 19, 10), Error);
  EXPECT_THROW(divide_significant(1, 3, 10, 19), Error);
  // About 0.1, so scaled by 10^10: beyond 128 bits.
  const Int128 huge = Int128{1} << 120;
  EXPECT_THROW(divide_significant(huge, huge * 10, 10, 10), Error);
}

TEST(RateOfQuotient, TenSignificantDigitsAndAtMostTenDecimals)
{
  EXPECT_EQ(rate_of_quotient(200, 209).to_string(), "0.956937799");  // 0.95693779904...
  EXPECT_EQ(rate_of_quotient(2304, 209).to_string(), "11.02392344"); // 11.0239234449...
  EXPECT_EQ(rate_of_quotient(1, 161).to_string(), "0.0062111801");   // 0.00621118012...: 10 decimals
  EXPECT_EQ(rate_of_quotient(288, 25).to_string(), "11.52");
  EXPECT_EQ(rate_of_quotient(99'999'999, 1).to_string(), "99999999");
  EXPECT_EQ(rate_of_quotient(1, 15'000'000'000).to_string(), "0.0000000001");
}

TEST(RateOfQuotient, RefusesWhatARateCannotHold)
{
  EXPECT_THROW(rate_of_quotient(1, 30'000'000'000), ValidationError);   // rounds to zero
  EXPECT_THROW(rate_of_quotient(100'000'000, 1), ValidationError);      // nine integer digits
  EXPECT_THROW(rate_of_quotient(Int128{1} << 100, 1), ValidationError); // far too large
}
