#pragma once

// The money files: spend.csv, streamed line by line whatever its size, and
// fx.csv with a rate to EUR for every currency and month spend can use.

#include "gen/model.hpp"
#include "gen/options.hpp"

#include <span>

namespace vendorcat::gen {

// Writes SETTINGS.spend lines over ENGAGEMENTS (not empty when spend > 0)
// into SETTINGS.out in constant memory; throws IoError when writing fails.
void write_spend(const Settings& settings, std::span<const EngagementModel> engagements, Counts& counts);

// Writes a rate to EUR for every non-EUR currency of SETTINGS and every month
// of the window; throws IoError when writing fails.
void write_fx(const Settings& settings, Counts& counts);

} // namespace vendorcat::gen
