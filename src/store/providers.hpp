#pragma once

// Providers: the vendor master. Adding, changing, removing (audited in the
// caller's transaction), finding by id or name, filtering and full-text search.

#include "domain/date.hpp"
#include "store/catalogue.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

struct Provider
{
  std::int64_t id = 0;
  std::string name;
  std::string hq_country;
  std::optional<std::string> legal_name;
  std::optional<std::string> hq_city;
  std::optional<std::string> website;
  std::string status;
  std::optional<std::string> risk;
  std::optional<domain::Date> next_review;
  std::optional<std::string> notes;
};

// The fields of an add or an update: nullopt leaves a field as it is (add:
// its default), an empty string clears an optional field.
struct ProviderFields
{
  std::optional<std::string> name;
  std::optional<std::string> hq_country;
  std::optional<std::string> legal_name;
  std::optional<std::string> hq_city;
  std::optional<std::string> website;
  std::optional<std::string> status;
  std::optional<std::string> risk;
  std::optional<std::string> next_review;
  std::optional<std::string> notes;
};

// Filters of `provider list`, combined with AND; empty ones are ignored.
struct ProviderFilter
{
  std::string service{}; // offerings or engagements of this service code
  std::string country{}; // HQ or any delivery location
  std::string region{};  // UN M49 region or sub-region of the HQ or any location
  std::string city{};    // HQ or any location city, any letter case
  std::string status{};
  std::string model{}; // at least one engagement with this delivery model
  std::string type{};  // at least one engagement of this type
};

// Adds a provider and returns it. Throws ValidationError for an empty name, a
// name already used in any letter case, an unknown country, a bad status, risk
// or review date.
Provider add_provider(Catalogue& catalogue, const ProviderFields& fields);

// Changes the given fields of provider ID; validation as add_provider.
Provider update_provider(Catalogue& catalogue, std::int64_t id, const ProviderFields& fields);

// Removes provider ID with its locations and offerings. Throws ValidationError
// while engagements refer to it.
void remove_provider(Catalogue& catalogue, std::int64_t id);

// The provider with id or name TEXT (any letter case). Throws NotFound with the
// closest name as a suggestion.
Provider find_provider(Catalogue& catalogue, std::string_view text);

// The provider with id ID; throws NotFound when there is none.
Provider provider_by_id(Catalogue& catalogue, std::int64_t id);

// The provider named NAME (any letter case), if there is one.
std::optional<Provider> find_provider_by_name(Catalogue& catalogue, std::string_view name);

// Providers matching FILTER, by name. Throws ValidationError for a bad filter
// value (unknown country, region, service, model, type or status).
std::vector<Provider> list_providers(Catalogue& catalogue, const ProviderFilter& filter);

// Calls VISIT for each provider list_providers would return, in its order,
// one at a time (listings and exports stream).
void each_provider(Catalogue& catalogue, const ProviderFilter& filter,
                   const std::function<void(const Provider&)>& visit);

// SQLite's query plan for list_providers with FILTER, one line per step.
std::vector<std::string> explain_list_providers(Catalogue& catalogue, const ProviderFilter& filter);

// Providers whose name, legal name, city or notes match the words of TEXT
// (prefixes, any letter case, accents ignored), best match first; a match in
// the name ranks above one in the notes.
std::vector<Provider> search_providers(Catalogue& catalogue, std::string_view text);

// Every provider's name, for suggestions.
std::vector<std::string> provider_names(Catalogue& catalogue);

} // namespace vendorcat::store
