#pragma once

// The record files: providers.csv, locations.csv and offerings.csv in one
// pass over the providers, then engagements.csv. Each returns the compact
// model the later files are generated from.

#include "gen/model.hpp"
#include "gen/options.hpp"

#include <span>
#include <vector>

namespace vendorcat::gen {

// Writes the providers with their locations and offerings into SETTINGS.out
// and counts them in COUNTS; throws IoError when a file cannot be written.
std::vector<ProviderModel> write_providers(const Settings& settings, Counts& counts);

// Writes the engagements of PROVIDERS (at least one active) into
// SETTINGS.out; throws IoError when the file cannot be written.
std::vector<EngagementModel> write_engagements(const Settings& settings,
                                               std::span<const ProviderModel> providers, Counts& counts);

} // namespace vendorcat::gen
