#pragma once

// Delivery locations of providers and their service offerings.

#include "store/catalogue.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::store {

struct Location
{
  std::int64_t id = 0;
  std::string provider; // the provider's name
  std::string country;
  std::optional<std::string> city;
  std::optional<std::string> name;
};

struct Offering
{
  std::int64_t id = 0;
  std::string provider; // the provider's name
  std::string service;  // the service's code
};

// Adds a delivery location to provider PROVIDER_ID; throws ValidationError for
// an unknown country.
Location add_location(Catalogue& catalogue, std::int64_t provider_id, const std::string& country,
                      const std::optional<std::string>& city, const std::optional<std::string>& name);

// The id of provider PROVIDER_ID's location in COUNTRY and CITY (any letter
// case; no city matches no city), if there is one.
std::optional<std::int64_t> find_location(Catalogue& catalogue, std::int64_t provider_id,
                                          const std::string& country, const std::optional<std::string>& city);

// Removes location ID; throws NotFound when there is none.
void remove_location(Catalogue& catalogue, std::int64_t id);

// Locations, optionally of one provider and/or in one country, by provider then country.
std::vector<Location> list_locations(Catalogue& catalogue, std::optional<std::int64_t> provider_id,
                                     const std::string& country);

// Records that provider PROVIDER_ID offers SERVICE_ID; throws ValidationError
// when it already does.
Offering add_offering(Catalogue& catalogue, std::int64_t provider_id, std::int64_t service_id);

// The offering of SERVICE_ID by PROVIDER_ID, if there is one (through the
// pair's unique index: an import asks this once a row).
std::optional<Offering> find_offering(Catalogue& catalogue, std::int64_t provider_id,
                                      std::int64_t service_id);

// Removes that offering; throws NotFound when the provider does not offer it.
void remove_offering(Catalogue& catalogue, std::int64_t provider_id, std::int64_t service_id);

// Offerings, optionally of one provider and/or one service, by provider then service.
std::vector<Offering> list_offerings(Catalogue& catalogue, std::optional<std::int64_t> provider_id,
                                     std::optional<std::int64_t> service_id);

} // namespace vendorcat::store
