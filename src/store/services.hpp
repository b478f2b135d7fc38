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

// The service with CODE (any letter case), if there is one.
std::optional<Service> find_service_by_code(Catalogue& catalogue, std::string_view code);

// True when CODE (any letter case) is a service of the built-in taxonomy,
// which every catalogue starts with, rather than one added to it.
bool is_builtin_service(std::string_view code);

// The services added to the built-in taxonomy, each after its parent, so
// that adding them in this order to a new catalogue succeeds.
std::vector<Service> list_custom_services(Catalogue& catalogue);

// Adds a service inside the caller's transaction, audited, and returns it.
// The code must be lower-case letters, digits and hyphens; the parent must
// exist. Throws ValidationError for a duplicate code and FieldError (naming
// `code`, `name` or `parent`) for a bad value.
Service add_service(Catalogue& catalogue, std::string_view code, std::string_view name,
                    domain::OutsourcingType type, std::string_view parent);

// Sets the name, default type and parent (empty: none) of service ID inside
// the caller's transaction, audited; engagements whose type is derived follow
// a new default type. Validation as add_service; a built-in service cannot
// change, nor can a service go under itself or one of its sub-services.
Service update_service(Catalogue& catalogue, std::int64_t id, std::string_view name,
                       domain::OutsourcingType type, std::string_view parent);

// Removes service ID inside the caller's transaction, audited. Throws
// ValidationError, writing nothing, for a built-in service and while
// offerings, engagements or sub-services refer to it (naming how many of each).
void remove_service(Catalogue& catalogue, std::int64_t id);

} // namespace vendorcat::store
