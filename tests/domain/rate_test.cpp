#include "domain/errors.hpp"
#include "domain/rate.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace vendorcat;
using namespace vendorcat::domain;

namespace {

// The ValidationError message Rate::parse gives for TEXT, or "no error".
std::string parse_error(std::string_view text)
{
  try {
    Rate::parse(text);
  } catch (const ValidationError& error) {
    return error.what();
  }
  return "no error";
}

} // namespace

TEST(Rate, DefaultsToOne)
{
  EXPECT_EQ(Rate().scaled(), 10'000'000'000);
  EXPECT_EQ(Rate().to_string(), "1");
}

TEST(Rate, ParsesPlainDecimals)
{
  EXPECT_EQ(Rate::parse("11.25").scaled(), 112'500'000'000);
  EXPECT_EQ(Rate::parse("0.0912").scaled(), 912'000'000);
  EXPECT_EQ(Rate::parse("1").scaled(), 10'000'000'000);
  EXPECT_EQ(Rate::parse("1.0").scaled(), 10'000'000'000);
  EXPECT_EQ(Rate::parse("0.0000000001").scaled(), 1);
  EXPECT_EQ(Rate::parse("007.5").scaled(), 75'000'000'000);
}

TEST(Rate, ParsesTheLargestRate)
{
  EXPECT_EQ(Rate::parse("99999999.9999999999").scaled(), 999'999'999'999'999'999);
  EXPECT_EQ(Rate::parse("00000000099999999").to_string(), "99999999");
}

TEST(Rate, RejectsZero)
{
  EXPECT_EQ(parse_error("0"), "invalid rate '0': must be greater than zero");
  EXPECT_EQ(parse_error("0.0000000000"), "invalid rate '0.0000000000': must be greater than zero");
}

TEST(Rate, RejectsSigns)
{
  EXPECT_EQ(parse_error("-1"), "invalid rate '-1': expected a positive decimal without a sign");
  EXPECT_EQ(parse_error("+1"), "invalid rate '+1': expected a positive decimal without a sign");
}

TEST(Rate, RejectsTooManyDecimals)
{
  EXPECT_EQ(parse_error("0.00000000001"), "invalid rate '0.00000000001': at most 10 decimals allowed");
}

TEST(Rate, RejectsTooLargeRates)
{
  EXPECT_EQ(parse_error("123456789"),
            "invalid rate '123456789': too large: at most 8 digits before the decimal point");
  EXPECT_EQ(
    parse_error("99999999999999999999999999"),
    "invalid rate '99999999999999999999999999': too large: at most 8 digits before the decimal point");
}

TEST(Rate, RejectsExponentsSeparatorsAndSpaces)
{
  EXPECT_EQ(parse_error("1e3"), "invalid rate '1e3': exponents are not allowed");
  EXPECT_EQ(parse_error("1.1E-2"), "invalid rate '1.1E-2': exponents are not allowed");
  EXPECT_EQ(parse_error("11EUR"), "invalid rate '11EUR': expected a positive decimal such as 11.25");
  EXPECT_EQ(parse_error("1,5"), "rate '1,5' has a decimal comma: write 1.5");
  EXPECT_EQ(parse_error("0,0"), "invalid rate '0,0': use a dot for decimals and no thousands separators");
  EXPECT_EQ(parse_error("1 000"), "invalid rate '1 000': spaces are not allowed");
  EXPECT_EQ(parse_error(" 1.5"), "invalid rate ' 1.5': spaces are not allowed");
  EXPECT_EQ(parse_error("1.5 "), "invalid rate '1.5 ': spaces are not allowed");
}

TEST(Rate, RejectsIncompleteNumbers)
{
  EXPECT_EQ(parse_error(""), "invalid rate '': expected a positive decimal such as 11.25");
  EXPECT_EQ(parse_error("."), "invalid rate '.': expected a positive decimal such as 11.25");
  EXPECT_EQ(parse_error(".5"), "invalid rate '.5': expected a digit before the decimal point");
  EXPECT_EQ(parse_error("1."), "invalid rate '1.': expected a digit after the decimal point");
  EXPECT_EQ(parse_error("1.2.3"), "invalid rate '1.2.3': expected a positive decimal such as 11.25");
  EXPECT_EQ(parse_error("abc"), "invalid rate 'abc': expected a positive decimal such as 11.25");
  EXPECT_EQ(parse_error("nan"), "invalid rate 'nan': expected a positive decimal such as 11.25");
}

TEST(Rate, PrintsTheShortestExactDecimal)
{
  EXPECT_EQ(Rate::parse("11.25").to_string(), "11.25");
  EXPECT_EQ(Rate::parse("11.2500").to_string(), "11.25");
  EXPECT_EQ(Rate::parse("1").to_string(), "1");
  EXPECT_EQ(Rate::parse("1.000").to_string(), "1");
  EXPECT_EQ(Rate::parse("0.0912").to_string(), "0.0912");
  EXPECT_EQ(Rate::parse("0.0000000001").to_string(), "0.0000000001");
  EXPECT_EQ(Rate::parse("10").to_string(), "10");
  EXPECT_EQ(Rate::parse("99999999.9999999999").to_string(), "99999999.9999999999");
}

TEST(Rate, ConvertsFromScaled)
{
  EXPECT_EQ(Rate::from_scaled(912'000'000), Rate::parse("0.0912"));
  EXPECT_EQ(Rate::from_scaled(1).to_string(), "0.0000000001");
  EXPECT_EQ(Rate::from_scaled(std::numeric_limits<std::int64_t>::max()).to_string(), "922337203.6854775807");
}

TEST(Rate, FromScaledRejectsNonPositive)
{
  EXPECT_THROW(Rate::from_scaled(0), ValidationError);
  EXPECT_THROW(Rate::from_scaled(-1), ValidationError);
}

TEST(Rate, ComparesNumerically)
{
  EXPECT_LT(Rate::parse("0.9"), Rate::parse("1.1"));
  EXPECT_EQ(Rate::parse("1.10"), Rate::parse("1.1"));
  EXPECT_GT(Rate::parse("10"), Rate::parse("9.9999999999"));
}
