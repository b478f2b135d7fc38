#pragma once

// An in-memory catalogue with the real migrations, home country FI and base
// currency EUR, and shortcuts to fill it through the store API.

#include "store/catalogue.hpp"
#include "store/engagements.hpp"
#include "store/fx.hpp"
#include "store/migrations.hpp"
#include "store/providers.hpp"
#include "store/settings.hpp"
#include "store/spend.hpp"

#include <string>

namespace vendorcat::test {

inline store::Catalogue migrated_catalogue()
{
  auto catalogue = store::Catalogue::open_in_memory();
  store::migrate(catalogue);
  store::set_setting(catalogue, store::SettingKey::home_country, "FI");
  store::set_setting(catalogue, store::SettingKey::base_currency, "EUR");
  return catalogue;
}

inline void add_provider(store::Catalogue& catalogue, const std::string& name, const std::string& country)
{
  store::ProviderFields fields;
  fields.name = name;
  fields.hq_country = country;
  store::add_provider(catalogue, fields);
}

inline void add_engagement(store::Catalogue& catalogue, const std::string& ref, const std::string& provider,
                           const std::string& service, const std::string& country,
                           const std::string& currency)
{
  store::EngagementFields fields;
  fields.ref = ref;
  fields.provider = provider;
  fields.service = service;
  fields.delivery_country = country;
  fields.start_date = "2024-01-01";
  fields.currency = currency;
  store::add_engagement(catalogue, fields);
}

} // namespace vendorcat::test
