#include "domain/amount.hpp"
#include "domain/errors.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace vendorcat;
using namespace vendorcat::domain;

namespace {

// The ValidationError message parse_amount gives for TEXT, or "no error".
std::string parse_error(std::string_view text, int minor_digits)
{
  try {
    parse_amount(text, minor_digits);
  } catch (const ValidationError& error) {
    return error.what();
  }
  return "no error";
}

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

} // namespace

TEST(ParseAmount, ReadsWholeNumbers)
{
  EXPECT_EQ(parse_amount("1234", 2), 123400);
  EXPECT_EQ(parse_amount("0", 2), 0);
  EXPECT_EQ(parse_amount("007", 2), 700);
}

TEST(ParseAmount, ReadsDecimals)
{
  EXPECT_EQ(parse_amount("1234.5", 2), 123450);
  EXPECT_EQ(parse_amount("1234.50", 2), 123450);
  EXPECT_EQ(parse_amount("0.5", 2), 50);
  EXPECT_EQ(parse_amount("0.05", 2), 5);
  EXPECT_EQ(parse_amount("0.00", 2), 0);
}

TEST(ParseAmount, ReadsSigns)
{
  EXPECT_EQ(parse_amount("-80.00", 2), -8000);
  EXPECT_EQ(parse_amount("-0.05", 2), -5);
  EXPECT_EQ(parse_amount("-0", 2), 0);
}

TEST(ParseAmount, ReadsZeroDigitCurrencies)
{
  EXPECT_EQ(parse_amount("1234", 0), 1234);
  EXPECT_EQ(parse_amount("-15", 0), -15);
}

TEST(ParseAmount, ReadsThreeAndFourDigitCurrencies)
{
  EXPECT_EQ(parse_amount("1.234", 3), 1234);
  EXPECT_EQ(parse_amount("1.2", 3), 1200);
  EXPECT_EQ(parse_amount("0.0001", 4), 1);
}

TEST(ParseAmount, RejectsMoreDecimalsThanTheCurrencyHas)
{
  EXPECT_EQ(parse_error("1.001", 2), "invalid amount '1.001': at most 2 decimals allowed");
  EXPECT_EQ(parse_error("1.000", 2), "invalid amount '1.000': at most 2 decimals allowed");
  EXPECT_EQ(parse_error("1.2345", 3), "invalid amount '1.2345': at most 3 decimals allowed");
}

TEST(ParseAmount, RejectsAnyDecimalPointForZeroDigitCurrencies)
{
  EXPECT_EQ(parse_error("12.5", 0), "invalid amount '12.5': this currency has no decimals");
  EXPECT_EQ(parse_error("12.0", 0), "invalid amount '12.0': this currency has no decimals");
  EXPECT_EQ(parse_error("12.", 0), "invalid amount '12.': this currency has no decimals");
}

TEST(ParseAmount, RejectsTrailingDot)
{
  EXPECT_EQ(parse_error("12.", 2), "invalid amount '12.': expected a digit after the decimal point");
}

TEST(ParseAmount, RejectsMissingDigitBeforeDot)
{
  EXPECT_EQ(parse_error(".5", 2), "invalid amount '.5': expected a digit before the decimal point");
  EXPECT_EQ(parse_error("-.5", 2), "invalid amount '-.5': expected a digit before the decimal point");
}

TEST(ParseAmount, RejectsExponents)
{
  EXPECT_EQ(parse_error("1e3", 2), "invalid amount '1e3': exponents are not allowed");
  EXPECT_EQ(parse_error("1.5E2", 2), "invalid amount '1.5E2': exponents are not allowed");
  EXPECT_EQ(parse_error("1e-2", 2), "invalid amount '1e-2': exponents are not allowed");
  EXPECT_EQ(parse_error("-1E+3", 2), "invalid amount '-1E+3': exponents are not allowed");
}

TEST(ParseAmount, RejectsThousandsSeparators)
{
  EXPECT_EQ(parse_error("1,000", 2),
            "invalid amount '1,000': use a dot for decimals and no thousands separators");
  EXPECT_EQ(
    parse_error("1,000", 3),
    "amount '1,000' has a comma: write 1.000 if it is a decimal comma, 1000 if it separates thousands");
  EXPECT_EQ(parse_error("1,000.50", 2),
            "invalid amount '1,000.50': use a dot for decimals and no thousands separators");
  EXPECT_EQ(parse_error("1'000", 2),
            "invalid amount '1'000': use a dot for decimals and no thousands separators");
  EXPECT_EQ(parse_error("1_000", 2),
            "invalid amount '1_000': use a dot for decimals and no thousands separators");
}

// A decimal comma is never read as a point, but the message says how to
// write the value when it would be valid with one.
TEST(ParseAmount, RefusesADecimalCommaWithTheValueWrittenWithAPoint)
{
  EXPECT_EQ(parse_error("1234,50", 2), "amount '1234,50' has a decimal comma: write 1234.50");
  EXPECT_EQ(parse_error("-80,5", 2), "amount '-80,5' has a decimal comma: write -80.5");
  EXPECT_EQ(parse_error("12,50", 2), "amount '12,50' has a decimal comma: write 12.50");
  EXPECT_EQ(parse_error("12,5", 0),
            "invalid amount '12,5': use a dot for decimals and no thousands separators");
  EXPECT_EQ(parse_error("12,505", 2),
            "invalid amount '12,505': use a dot for decimals and no thousands separators");
  EXPECT_EQ(parse_error("1.234,50", 2),
            "invalid amount '1.234,50': use a dot for decimals and no thousands separators");
  EXPECT_EQ(parse_error(",5", 2), "invalid amount ',5': use a dot for decimals and no thousands separators");
}

TEST(ParseAmount, RejectsSpacesAnywhere)
{
  EXPECT_EQ(parse_error(" 12", 2), "invalid amount ' 12': spaces are not allowed");
  EXPECT_EQ(parse_error("12 ", 2), "invalid amount '12 ': spaces are not allowed");
  EXPECT_EQ(parse_error("1 000", 2), "invalid amount '1 000': spaces are not allowed");
  EXPECT_EQ(parse_error("- 5", 2), "invalid amount '- 5': spaces are not allowed");
  EXPECT_EQ(parse_error("5\t", 2), "invalid amount '5\t': spaces are not allowed");
}

TEST(ParseAmount, RejectsEmptyAndLoneSigns)
{
  EXPECT_EQ(parse_error("", 2), "invalid amount '': expected a number such as 1234.50");
  EXPECT_EQ(parse_error("-", 2), "invalid amount '-': expected a number such as 1234.50");
  EXPECT_EQ(parse_error("+", 2), "invalid amount '+': write it without a plus sign");
  EXPECT_EQ(parse_error(".", 2), "invalid amount '.': expected a number such as 1234.50");
}

TEST(ParseAmount, RejectsOtherGarbage)
{
  EXPECT_EQ(parse_error("abc", 2), "invalid amount 'abc': expected a number such as 1234.50");
  EXPECT_EQ(parse_error("--5", 2), "invalid amount '--5': expected a number such as 1234.50");
  EXPECT_EQ(parse_error("5-", 2), "invalid amount '5-': expected a number such as 1234.50");
  EXPECT_EQ(parse_error("1.2.3", 2), "invalid amount '1.2.3': expected a number such as 1234.50");
  EXPECT_EQ(parse_error("12EUR", 2), "invalid amount '12EUR': expected a number such as 1234.50");
  EXPECT_EQ(parse_error("1e", 2), "invalid amount '1e': expected a number such as 1234.50");
  EXPECT_EQ(parse_error("0x10", 2), "invalid amount '0x10': expected a number such as 1234.50");
}

TEST(ParseAmount, RefusesAPlusSign)
{
  EXPECT_EQ(parse_error("+12.00", 2), "invalid amount '+12.00': write it without a plus sign");
  EXPECT_EQ(parse_error("+5", 0), "invalid amount '+5': write it without a plus sign");
}

TEST(ParseAmount, AcceptsUpToTheLimit)
{
  EXPECT_EQ(max_amount, 999'999'999'999'999);
  EXPECT_EQ(parse_amount("9999999999999.99", 2), max_amount);
  EXPECT_EQ(parse_amount("-9999999999999.99", 2), -max_amount);
  EXPECT_EQ(parse_amount("999999999999999", 0), max_amount);
  EXPECT_EQ(parse_amount("99999999999.9999", 4), max_amount);
  EXPECT_EQ(parse_amount("0009999999999999.99", 2), max_amount);
}

TEST(ParseAmount, RefusesValuesBeyondTheLimitNamingIt)
{
  EXPECT_EQ(parse_error("10000000000000", 2),
            "invalid amount '10000000000000': out of range: the largest amount is 9999999999999.99");
  EXPECT_EQ(parse_error("-1000000000000000", 0),
            "invalid amount '-1000000000000000': out of range: the largest amount is 999999999999999");
  EXPECT_EQ(parse_error("9223372036854775807", 0),
            "invalid amount '9223372036854775807': out of range: the largest amount is 999999999999999");
}

TEST(ParseAmount, NeverWrapsAround)
{
  // Values that once wrapped modulo 2^64 into small amounts (2^64 + 1 is 1).
  for (const char* text : {"18446744073709551617", "18446744073709551616", "18446744073709552000.00",
                           "36893488147419103232", "99999999999999999999999", "-18446744073709551617"}) {
    EXPECT_NE(parse_error(text, 2).find("out of range"), std::string::npos) << text;
  }
}

TEST(ParseAmount, ThrowsErrorForUnsupportedMinorDigits)
{
  EXPECT_THROW(parse_amount("1", -1), Error);
  EXPECT_THROW(parse_amount("1", 5), Error);
}

TEST(FormatAmount, PrintsExactlyTheMinorDigits)
{
  EXPECT_EQ(format_amount(123450, 2), "1234.50");
  EXPECT_EQ(format_amount(-8000, 2), "-80.00");
  EXPECT_EQ(format_amount(5, 2), "0.05");
  EXPECT_EQ(format_amount(-5, 2), "-0.05");
  EXPECT_EQ(format_amount(0, 2), "0.00");
}

TEST(FormatAmount, PrintsZeroAndThreeDigitCurrencies)
{
  EXPECT_EQ(format_amount(1234, 0), "1234");
  EXPECT_EQ(format_amount(-1234, 0), "-1234");
  EXPECT_EQ(format_amount(1234, 3), "1.234");
  EXPECT_EQ(format_amount(1, 4), "0.0001");
}

TEST(FormatAmount, HandlesTheInt64Extremes)
{
  EXPECT_EQ(format_amount(int64_max, 2), "92233720368547758.07");
  EXPECT_EQ(format_amount(int64_min, 2), "-92233720368547758.08");
  EXPECT_EQ(format_amount(int64_min, 0), "-9223372036854775808");
}

TEST(FormatAmount, RoundTripsWithParseAmount)
{
  for (const char* text : {"0.00", "1234.50", "-80.00", "0.05", "-0.05", "9999999999999.99"}) {
    EXPECT_EQ(format_amount(parse_amount(text, 2), 2), text);
  }
}

TEST(FormatAmount, ThrowsErrorForUnsupportedMinorDigits)
{
  EXPECT_THROW(format_amount(1, -1), Error);
  EXPECT_THROW(format_amount(1, 5), Error);
}
