#pragma once

// Engagements: contracts with a provider for a service, their delivery model
// and outsourcing type.

#include "store/catalogue.hpp"

#include <cstdint>
#include <string>

namespace vendorcat::store {

struct EngagementSummary
{
  std::int64_t count = 0;
  std::string value; // total contract value per currency, e.g. "EUR 120000.00; USD 5000.00"
};

// How many engagements provider PROVIDER_ID has and their total value.
EngagementSummary provider_engagement_summary(Catalogue& catalogue, std::int64_t provider_id);

} // namespace vendorcat::store
