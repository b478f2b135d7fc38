#include "domain/counted.hpp"

#include <gtest/gtest.h>

#include <cstddef>

using namespace vendorcat::domain;

TEST(Counted, GroupsThousands)
{
  EXPECT_EQ(grouped(std::int64_t{0}), "0");
  EXPECT_EQ(grouped(999), "999");
  EXPECT_EQ(grouped(1000), "1,000");
  EXPECT_EQ(grouped(std::size_t{1234567}), "1,234,567");
  EXPECT_EQ(grouped(std::int64_t{-1234}), "-1,234");
  EXPECT_EQ(grouped(std::int64_t{-123}), "-123");
}

TEST(Counted, TheNounAgreesWithTheCount)
{
  EXPECT_EQ(counted(1, "engagement refers", "engagements refer"), "1 engagement refers");
  EXPECT_EQ(counted(2, "engagement refers", "engagements refer"), "2 engagements refer");
  EXPECT_EQ(counted(std::size_t{0}, "spend line", "spend lines"), "0 spend lines");
  EXPECT_EQ(counted(std::size_t{25}, "spend line", "spend lines"), "25 spend lines");
  EXPECT_EQ(counted(1, "error"), "1 error");
  EXPECT_EQ(counted(std::int64_t{1500}, "error"), "1,500 errors");
  EXPECT_EQ(counted(3, "currency", "currencies"), "3 currencies");
}
