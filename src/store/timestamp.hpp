#pragma once

// The time stamps the catalogue records (created_at, updated_at, audit `at`),
// taken from the system clock in UTC so that every backend writes the same.

#include <string>
#include <string_view>

namespace vendorcat::store {

enum class TimestampPrecision
{
  seconds,      // 2026-12-01T08:36:55Z
  milliseconds, // 2026-12-01T08:36:55.123Z
};

// Now, in UTC, as ISO 8601 text; never fails.
std::string utc_timestamp(TimestampPrecision precision = TimestampPrecision::seconds);

// A stored stamp of either precision as TimestampPrecision::seconds shows it
// (the fraction cut, not rounded: the second it happened in); text of any
// other shape is returned as it is.
std::string timestamp_to_seconds(std::string_view stored);

} // namespace vendorcat::store
