#pragma once

// Provider names, legal names and notes. A provider's name is a pure function
// of the seed and its index, so engagements can name it without storing it.

#include "gen/random.hpp"
#include "gen/tables.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace vendorcat::gen {

struct ProviderName
{
  std::string name; // unique: ends in the index plus one
  std::string slug; // ASCII, lower case, for the website
};

// The name of provider INDEX (from 0) for SEED; never fails.
ProviderName provider_name(std::uint64_t seed, std::uint64_t index);

// NAME with the legal form usual in COUNTRY, e.g. `Bluepeak Analytics 7, Inc.`.
std::string legal_name(std::string_view name, const Country& country);

// A note: empty with probability EMPTY_PER_MILLE, else plain or tricky (commas,
// quotes, line breaks, UTF-8) text.
std::string_view pick_note(Random& rng, unsigned empty_per_mille);

} // namespace vendorcat::gen
