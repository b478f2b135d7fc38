#pragma once

// Catalogue settings: the home country (for delivery models) and the base
// currency (for exchange rates and reports).

#include "store/catalogue.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vendorcat::store {

enum class SettingKey
{
  home_country,
  base_currency,
};

// SettingKey for the command-line name `home-country` or `base-currency`
// (underscores accepted too); throws ValidationError for any other key.
SettingKey parse_setting_key(std::string_view name);

// The command-line name of KEY (`home-country`).
std::string_view to_string(SettingKey key);

// The stored value of KEY, if set.
std::optional<std::string> get_setting(Catalogue& catalogue, SettingKey key);

// Every key with its value (nullopt when unset), in a fixed order.
std::vector<std::pair<SettingKey, std::optional<std::string>>> list_settings(Catalogue& catalogue);

// Validates VALUE against the reference tables and stores it (upper case)
// inside the caller's transaction. Setting the home country derives every
// derived delivery model again; changing the base currency is refused while
// exchange rates quoted in the old one exist. Throws ValidationError.
void set_setting(Catalogue& catalogue, SettingKey key, std::string_view value);

} // namespace vendorcat::store
