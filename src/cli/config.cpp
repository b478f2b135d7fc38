// `vendorcat config list|get|set`: the catalogue's settings.

#include "cli/nouns.hpp"
#include "domain/errors.hpp"
#include "store/settings.hpp"

#include <fmt/format.h>

#include <ostream>

namespace vendorcat::cli {

namespace {

struct KeyOptions
{
  std::string key;
  std::string value;
};

void run_list(Session& session, const std::monostate&)
{
  table::Table table{{{"key"}, {"value"}}, {}};
  for (const auto& [key, value] : store::list_settings(session.catalogue())) {
    table.rows.push_back({std::string(store::to_string(key)), value ? table::Value(*value) : table::Value()});
  }
  session.print(table);
}

void run_get(Session& session, const KeyOptions& options)
{
  const auto key = store::parse_setting_key(options.key);
  const auto value = store::get_setting(session.catalogue(), key);
  if (!value) {
    throw NotFound(fmt::format("{} is not set: run 'vendorcat config set {} VALUE'", store::to_string(key),
                               store::to_string(key)));
  }
  session.out() << *value << '\n';
}

void run_set(Session& session, const KeyOptions& options)
{
  const auto key = store::parse_setting_key(options.key);
  const auto value = session.write([&](store::Catalogue& catalogue) {
    store::set_setting(catalogue, key, options.value);
    return store::get_setting(catalogue, key).value_or("");
  });
  session.note(fmt::format("{} set to {}", store::to_string(key), value));
}

} // namespace

void setup_config(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("config", "Show and change the catalogue's settings "
                                            "(home-country, base-currency)");
  noun->require_subcommand(1);
  add_verb<std::monostate>(*noun, slot, "list", "List the settings.\nExample: vendorcat config list",
                           Needs::reading, run_list, std::make_shared<std::monostate>());

  auto get = std::make_shared<KeyOptions>();
  add_verb<KeyOptions>(*noun, slot, "get",
                       "Print one setting's value.\nExample: vendorcat config get home-country",
                       Needs::reading, run_get, get)
    ->add_option("KEY", get->key, "home-country or base-currency")
    ->required();

  auto set = std::make_shared<KeyOptions>();
  auto* set_app =
    add_verb<KeyOptions>(*noun, slot, "set",
                         "Change a setting; home-country re-derives every derived delivery model.\n"
                         "Example: vendorcat config set home-country FI",
                         Needs::writing, run_set, set);
  set_app->add_option("KEY", set->key, "home-country or base-currency")->required();
  set_app->add_option("VALUE", set->value, "ISO 3166-1 alpha-2 country or ISO 4217 currency")->required();
}

} // namespace vendorcat::cli
