#pragma once

// The time stamps the catalogue records (created_at, updated_at, audit `at`),
// taken from the system clock in UTC so that every backend writes the same.

#include <string>

namespace vendorcat::store {

enum class TimestampPrecision
{
  seconds,      // 2026-12-01T08:36:55Z
  milliseconds, // 2026-12-01T08:36:55.123Z
};

// Now, in UTC, as ISO 8601 text; never fails.
std::string utc_timestamp(TimestampPrecision precision = TimestampPrecision::seconds);

} // namespace vendorcat::store
