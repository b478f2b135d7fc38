#pragma once

// The service taxonomy: codes such as `market-research` with a name, a default
// outsourcing type and an optional parent.

#include "domain/classification.hpp"
#include "store/catalogue.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

struct Service
{
  std::int64_t id = 0;
  std::string code;
  std::string name;
  domain::OutsourcingType default_type = domain::OutsourcingType::bpo;
  std::string parent; // the parent's code, or empty
};

// Every service by code, optionally only those of TYPE.
std::vector<Service> list_services(Catalogue& catalogue,
                                   std::optional<domain::OutsourcingType> type = std::nullopt);

// The service with CODE (any letter case). Throws NotFound with the closest
// code as a suggestion.
Service find_service(Catalogue& catalogue, std::string_view code);

// Adds a service inside the caller's transaction and returns it. The code must
// be lower-case letters, digits and hyphens; the parent must exist. Throws
// ValidationError (also for a duplicate code) or NotFound.
Service add_service(Catalogue& catalogue, std::string_view code, std::string_view name,
                    domain::OutsourcingType type, std::string_view parent);

} // namespace vendorcat::store
