#include "domain/ascii.hpp"
#include "domain/errors.hpp"

#include <gtest/gtest.h>

using namespace vendorcat;
using namespace vendorcat::domain;

TEST(AsciiIsDigit, AcceptsOnlyZeroToNine)
{
  EXPECT_TRUE(ascii_is_digit('0'));
  EXPECT_TRUE(ascii_is_digit('9'));
  EXPECT_FALSE(ascii_is_digit('a'));
  EXPECT_FALSE(ascii_is_digit('/'));
  EXPECT_FALSE(ascii_is_digit(':'));
  EXPECT_FALSE(ascii_is_digit('\xd9'));
}

TEST(AsciiIsSpace, AcceptsAsciiWhitespace)
{
  EXPECT_TRUE(ascii_is_space(' '));
  EXPECT_TRUE(ascii_is_space('\t'));
  EXPECT_TRUE(ascii_is_space('\n'));
  EXPECT_TRUE(ascii_is_space('\r'));
  EXPECT_FALSE(ascii_is_space('x'));
  EXPECT_FALSE(ascii_is_space('\0'));
}

TEST(AsciiAllDigits, RequiresNonEmptyDigits)
{
  EXPECT_TRUE(ascii_all_digits("0123456789"));
  EXPECT_FALSE(ascii_all_digits(""));
  EXPECT_FALSE(ascii_all_digits("12a"));
  EXPECT_FALSE(ascii_all_digits("-1"));
}

TEST(AsciiLower, LowersOnlyAsciiLetters)
{
  EXPECT_EQ(ascii_lower("BPO-Kpo 12_Z"), "bpo-kpo 12_z");
  EXPECT_EQ(ascii_lower(""), "");
  EXPECT_EQ(ascii_lower("\xc3\x84"), "\xc3\x84");
}

TEST(AsciiIequals, IgnoresCaseOnly)
{
  EXPECT_TRUE(ascii_iequals("Nearshore", "nearSHORE"));
  EXPECT_TRUE(ascii_iequals("", ""));
  EXPECT_FALSE(ascii_iequals("bpo", "bpo "));
  EXPECT_FALSE(ascii_iequals("bpo", "kpo"));
}

TEST(AsciiDigitsValue, ReadsDigits)
{
  EXPECT_EQ(ascii_digits_value("0"), 0);
  EXPECT_EQ(ascii_digits_value("007"), 7);
  EXPECT_EQ(ascii_digits_value("2026"), 2026);
  EXPECT_EQ(ascii_digits_value("999999999"), 999999999);
}

TEST(AsciiDigitsValue, RejectsNonDigitsAndTooManyDigits)
{
  EXPECT_THROW(ascii_digits_value(""), Error);
  EXPECT_THROW(ascii_digits_value("12a"), Error);
  EXPECT_THROW(ascii_digits_value("1234567890"), Error);
}
