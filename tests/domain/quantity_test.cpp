#include "domain/errors.hpp"
#include "domain/quantity.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>

using namespace vendorcat;
using namespace vendorcat::domain;

namespace {

// The ValidationError message parse_quantity gives for TEXT, or "no error".
std::string parse_error(std::string_view text)
{
  try {
    parse_quantity(text);
  } catch (const ValidationError& error) {
    return error.what();
  }
  return "no error";
}

} // namespace

TEST(Quantity, ParsesPlainDecimalsAsThousandths)
{
  EXPECT_EQ(parse_quantity("2.5"), 2500);
  EXPECT_EQ(parse_quantity("12"), 12000);
  EXPECT_EQ(parse_quantity("0.125"), 125);
  EXPECT_EQ(parse_quantity("0.001"), 1);
  EXPECT_EQ(parse_quantity("0"), 0);
  EXPECT_EQ(parse_quantity("0.000"), 0);
  EXPECT_EQ(parse_quantity("007.50"), 7500);
  EXPECT_EQ(parse_quantity("1234567"), 1'234'567'000);
}

TEST(Quantity, ParsesTheLargestQuantity)
{
  EXPECT_EQ(parse_quantity("999999999999.999"), max_quantity);
  EXPECT_EQ(parse_error("1000000000000"),
            "invalid quantity '1000000000000': out of range: the largest quantity is 999999999999.999");
  EXPECT_EQ(parse_error("99999999999999999999999"),
            "invalid quantity '99999999999999999999999': out of range: the largest quantity is "
            "999999999999.999");
}

TEST(Quantity, RejectsMoreThanThreeDecimals)
{
  EXPECT_EQ(parse_error("1.2345"), "invalid quantity '1.2345': at most 3 decimals allowed");
  EXPECT_EQ(parse_error("0.0001"), "invalid quantity '0.0001': at most 3 decimals allowed");
}

TEST(Quantity, RejectsNegativesAndSigns)
{
  EXPECT_EQ(parse_error("-1"), "invalid quantity '-1': a quantity cannot be negative");
  EXPECT_EQ(parse_error("-0.5"), "invalid quantity '-0.5': a quantity cannot be negative");
  EXPECT_EQ(parse_error("+1"), "invalid quantity '+1': write it without a plus sign");
}

TEST(Quantity, RejectsGarbageNamingTheValue)
{
  EXPECT_EQ(parse_error(""), "invalid quantity '': expected a number such as 12.5");
  EXPECT_EQ(parse_error("abc"), "invalid quantity 'abc': expected a number such as 12.5");
  EXPECT_EQ(parse_error("12 FTE"), "invalid quantity '12 FTE': spaces are not allowed");
  EXPECT_EQ(parse_error("1,5"), "quantity '1,5' has a decimal comma: write 1.5");
  EXPECT_EQ(parse_error("1,2345"),
            "invalid quantity '1,2345': use a dot for decimals and no thousands separators");
  EXPECT_EQ(parse_error("1e3"), "invalid quantity '1e3': exponents are not allowed");
  EXPECT_EQ(parse_error("1."), "invalid quantity '1.': expected a digit after the decimal point");
  EXPECT_EQ(parse_error(".5"), "invalid quantity '.5': expected a digit before the decimal point");
  EXPECT_EQ(parse_error("NaN"), "invalid quantity 'NaN': expected a number such as 12.5");
}

TEST(Quantity, PrintsTheShortestExactDecimal)
{
  EXPECT_EQ(format_quantity(2500), "2.5");
  EXPECT_EQ(format_quantity(12000), "12");
  EXPECT_EQ(format_quantity(1), "0.001");
  EXPECT_EQ(format_quantity(120), "0.12");
  EXPECT_EQ(format_quantity(0), "0");
  EXPECT_EQ(format_quantity(max_quantity), "999999999999.999");
  EXPECT_EQ(format_quantity(-1500), "-1.5");
}

TEST(Quantity, PrintedTextParsesBackToTheSameCount)
{
  for (const std::int64_t value :
       std::initializer_list<std::int64_t>{0, 1, 10, 100, 999, 1000, 1001, 123456789, max_quantity}) {
    EXPECT_EQ(parse_quantity(format_quantity(value)), value) << value;
  }
}

TEST(VolumeUnit, ParsesEveryUnitInAnyCase)
{
  for (const auto unit : all_volume_units) {
    EXPECT_EQ(parse_volume_unit(to_string(unit)), unit);
  }
  EXPECT_EQ(parse_volume_unit("FTE"), VolumeUnit::fte);
  EXPECT_EQ(parse_volume_unit("Transactions"), VolumeUnit::transactions);
  EXPECT_EQ(fmt::format("{}", VolumeUnit::cases), "cases");
}

TEST(VolumeUnit, AnUnknownUnitListsTheAllowedOnes)
{
  try {
    parse_volume_unit("bananas");
    FAIL() << "no error";
  } catch (const ValidationError& error) {
    EXPECT_STREQ(error.what(), "invalid unit 'bananas': expected fte, hours, transactions or cases");
  }
  EXPECT_THROW(parse_volume_unit(""), ValidationError);
  EXPECT_THROW(parse_volume_unit("ftes"), ValidationError);
}
