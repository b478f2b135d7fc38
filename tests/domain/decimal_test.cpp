#include "domain/decimal.hpp"
#include "domain/errors.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace vendorcat;
using namespace vendorcat::domain;

namespace {

std::string scan_error(std::string_view text, Sign sign)
{
  try {
    scan_decimal(text, "value", sign, "expected a decimal");
  } catch (const ValidationError& error) {
    return error.what();
  }
  return "no error";
}

} // namespace

TEST(ScanDecimal, SplitsSignIntegerAndFraction)
{
  const auto parts = scan_decimal("-012.50", "value", Sign::minus, "expected a decimal");
  EXPECT_TRUE(parts.negative);
  EXPECT_EQ(parts.integer, "012");
  EXPECT_TRUE(parts.has_dot);
  EXPECT_EQ(parts.fraction, "50");
  const auto whole = scan_decimal("7", "value", Sign::none, "expected a decimal");
  EXPECT_FALSE(whole.negative);
  EXPECT_FALSE(whole.has_dot);
  EXPECT_EQ(scan_decimal("7.", "value", Sign::none, "x").fraction, ""); // the caller decides
}

TEST(ScanDecimal, RefusesEveryOtherFormWithOneMessageEach)
{
  EXPECT_EQ(scan_error("+1", Sign::minus), "invalid value '+1': write it without a plus sign");
  EXPECT_EQ(scan_error("-1", Sign::none), "invalid value '-1': expected a positive decimal without a sign");
  EXPECT_EQ(scan_error("1 0", Sign::minus), "invalid value '1 0': spaces are not allowed");
  EXPECT_EQ(scan_error("1,0", Sign::minus),
            "invalid value '1,0': use a dot for decimals and no thousands separators");
  EXPECT_EQ(scan_error("1e5", Sign::minus), "invalid value '1e5': exponents are not allowed");
  EXPECT_EQ(scan_error(".5", Sign::minus), "invalid value '.5': expected a digit before the decimal point");
  EXPECT_EQ(scan_error("", Sign::minus), "invalid value '': expected a decimal");
  EXPECT_EQ(scan_error("1.2.3", Sign::minus), "invalid value '1.2.3': expected a decimal");
}
