#include "store/settings.hpp"

#include "domain/errors.hpp"
#include "store/engagements.hpp"
#include "store/reference.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

namespace {

std::string_view column_key(SettingKey key)
{
  return key == SettingKey::home_country ? "home_country" : "base_currency";
}

} // namespace

SettingKey parse_setting_key(std::string_view name)
{
  if (name == "home-country" || name == "home_country") {
    return SettingKey::home_country;
  }
  if (name == "base-currency" || name == "base_currency") {
    return SettingKey::base_currency;
  }
  throw ValidationError(fmt::format("unknown setting '{}': expected home-country or base-currency", name));
}

std::string_view to_string(SettingKey key)
{
  return key == SettingKey::home_country ? "home-country" : "base-currency";
}

std::optional<std::string> get_setting(Catalogue& catalogue, SettingKey key)
{
  Query query(connection(catalogue), "SELECT value FROM setting WHERE key = ?", column_key(key));
  if (query.next()) {
    auto value = query.text(0);
    query.reset();
    return value;
  }
  return std::nullopt;
}

std::vector<std::pair<SettingKey, std::optional<std::string>>> list_settings(Catalogue& catalogue)
{
  return {{SettingKey::home_country, get_setting(catalogue, SettingKey::home_country)},
          {SettingKey::base_currency, get_setting(catalogue, SettingKey::base_currency)}};
}

void set_setting(Catalogue& catalogue, SettingKey key, std::string_view value)
{
  const auto& reference = Reference::of(catalogue);
  std::string code;
  if (key == SettingKey::home_country) {
    code = reference.country(value).code;
  } else {
    code = reference.currency(value).code;
    const auto current = get_setting(catalogue, key);
    if (current && *current != code &&
        Query(connection(catalogue), "SELECT count(*) FROM fx_rate").run_integer() > 0) {
      throw ValidationError(
        fmt::format("cannot change the base currency from {} to {}: the exchange rates are quoted in {}",
                    *current, code, *current));
    }
  }
  Query(
    connection(catalogue),
    "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    column_key(key), code)
    .run();
  if (key == SettingKey::home_country) {
    rederive_delivery_models(catalogue);
  }
}

} // namespace vendorcat::store
