#pragma once

// The compact in-memory picture of the generated catalogue: what the later
// files need to know about providers and engagements, a few bytes each, so
// millions of them fit. Names are recomputed from the seed instead of kept.

#include <array>
#include <cstdint>

namespace vendorcat::gen {

struct ProviderModel
{
  std::uint8_t hq = 0;                        // index into country_table()
  std::uint8_t location_count = 0;            // 0..3
  std::array<std::uint8_t, 3> locations = {}; // country indices of the locations
  std::uint16_t services = 0;                 // bit i: offers service_table()[i]
  bool active = false;
};

struct EngagementModel
{
  std::uint32_t provider = 0;
  std::uint8_t service = 0;  // index into service_table()
  std::uint8_t currency = 0; // index into currency_table()
  std::uint16_t first = 0;   // first month of spend, as an offset into the window
  std::uint16_t last = 0;    // last month of spend, first <= last < months
  std::int64_t invoice = 0;  // a typical invoice, in minor units of the currency
};

// How many rows each file got.
struct Counts
{
  std::uint64_t providers = 0;
  std::uint64_t locations = 0;
  std::uint64_t offerings = 0;
  std::uint64_t engagements = 0;
  std::uint64_t spend = 0;
  std::uint64_t fx = 0;
};

} // namespace vendorcat::gen
