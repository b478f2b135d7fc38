#include "store/timestamp.hpp"

#include <gtest/gtest.h>

#include <regex>

using namespace vendorcat;

TEST(Timestamp, NowIsUtcIsoTextOfEitherPrecision)
{
  EXPECT_TRUE(std::regex_match(store::utc_timestamp(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  EXPECT_TRUE(std::regex_match(store::utc_timestamp(store::TimestampPrecision::milliseconds),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
}

TEST(Timestamp, StoredStampsAreShownToTheSecondWithoutRounding)
{
  EXPECT_EQ(store::timestamp_to_seconds("2026-12-01T08:36:55.999Z"), "2026-12-01T08:36:55Z");
  EXPECT_EQ(store::timestamp_to_seconds("2026-12-01T08:36:55.1Z"), "2026-12-01T08:36:55Z");
  EXPECT_EQ(store::timestamp_to_seconds("2026-12-01T08:36:55Z"), "2026-12-01T08:36:55Z");
  EXPECT_EQ(store::timestamp_to_seconds(store::utc_timestamp(store::TimestampPrecision::milliseconds)).size(),
            20u);
  // Anything else is shown as it is.
  EXPECT_EQ(store::timestamp_to_seconds("2026-12-01 08:36:55"), "2026-12-01 08:36:55");
  EXPECT_EQ(store::timestamp_to_seconds("2026-12-01T08:36:55.abcZ"), "2026-12-01T08:36:55.abcZ");
  EXPECT_EQ(store::timestamp_to_seconds(""), "");
}
