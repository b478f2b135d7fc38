// `vendorcat location add|list|remove` and `vendorcat offering add|list|remove`.

#include "cli/nouns.hpp"
#include "cli/rows.hpp"
#include "store/locations.hpp"
#include "store/providers.hpp"
#include "store/services.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

struct LocationAddOptions
{
  std::string provider;
  std::string country;
  std::optional<std::string> city;
  std::optional<std::string> name;
};

struct LocationListOptions
{
  std::string provider;
  std::string country;
};

struct IdOptions
{
  std::int64_t id = 0;
};

struct OfferingOptions
{
  std::string provider;
  std::string service;
};

std::optional<std::int64_t> provider_id(store::Catalogue& catalogue, const std::string& text)
{
  if (text.empty()) {
    return std::nullopt;
  }
  return store::find_provider(catalogue, text).id;
}

void run_location_add(Session& session, const LocationAddOptions& options)
{
  const auto location = session.write([&](store::Catalogue& catalogue) {
    return store::add_location(catalogue, store::find_provider(catalogue, options.provider).id,
                               options.country, options.city, options.name);
  });
  session.note(fmt::format("added location {} of '{}' in {} (id {})", location.city.value_or(""),
                           location.provider, location.country, location.id));
}

void run_location_list(Session& session, const LocationListOptions& options)
{
  auto& catalogue = session.catalogue();
  session.print(location_table(
    store::list_locations(catalogue, provider_id(catalogue, options.provider), options.country)));
}

void run_location_remove(Session& session, const IdOptions& options)
{
  session.write([&](store::Catalogue& catalogue) { store::remove_location(catalogue, options.id); });
  session.note(fmt::format("removed location {}", options.id));
}

void run_offering_add(Session& session, const OfferingOptions& options)
{
  const auto offering = session.write([&](store::Catalogue& catalogue) {
    return store::add_offering(catalogue, store::find_provider(catalogue, options.provider).id,
                               store::find_service(catalogue, options.service).id);
  });
  session.note(fmt::format("'{}' now offers {}", offering.provider, offering.service));
}

void run_offering_list(Session& session, const OfferingOptions& options)
{
  auto& catalogue = session.catalogue();
  std::optional<std::int64_t> service_id;
  if (!options.service.empty()) {
    service_id = store::find_service(catalogue, options.service).id;
  }
  session.print(
    offering_table(store::list_offerings(catalogue, provider_id(catalogue, options.provider), service_id)));
}

void run_offering_remove(Session& session, const OfferingOptions& options)
{
  const auto removed = session.write([&](store::Catalogue& catalogue) {
    const auto provider = store::find_provider(catalogue, options.provider);
    const auto service = store::find_service(catalogue, options.service);
    store::remove_offering(catalogue, provider.id, service.id);
    return store::Offering{0, provider.name, service.code};
  });
  session.note(fmt::format("'{}' no longer offers {}", removed.provider, removed.service));
}

} // namespace

void setup_location(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("location", "Record where providers deliver from");
  noun->require_subcommand(1);

  auto add = std::make_shared<LocationAddOptions>();
  auto* add_app = add_verb<LocationAddOptions>(
    *noun, slot, "add",
    "Add a delivery centre.\nExample: vendorcat location add Transcom --country EE --city Tallinn",
    Needs::writing, run_location_add, add);
  add_app->add_option("PROVIDER", add->provider, "Provider id or name")->required();
  add_app->add_option("--country", add->country, "Country (ISO 3166-1 alpha-2)")->required();
  add_optional(add_app, "--city", add->city, "City");
  add_optional(add_app, "--name", add->name, "Name of the centre");

  auto list = std::make_shared<LocationListOptions>();
  auto* list_app = add_verb<LocationListOptions>(
    *noun, slot, "list", "List delivery locations.\nExample: vendorcat location list --country IN",
    Needs::reading, run_location_list, list);
  list_app->add_option("--provider", list->provider, "Only this provider's");
  list_app->add_option("--country", list->country, "Only in this country");

  auto remove = std::make_shared<IdOptions>();
  add_verb<IdOptions>(*noun, slot, "remove",
                      "Remove a delivery location by id.\nExample: vendorcat location remove 12",
                      Needs::writing, run_location_remove, remove)
    ->add_option("ID", remove->id, "Location id (see location list)")
    ->required();
}

void setup_offering(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("offering", "Record which services providers offer");
  noun->require_subcommand(1);

  auto add = std::make_shared<OfferingOptions>();
  auto* add_app = add_verb<OfferingOptions>(
    *noun, slot, "add", "Record an offering.\nExample: vendorcat offering add Transcom customer-service",
    Needs::writing, run_offering_add, add);
  add_app->add_option("PROVIDER", add->provider, "Provider id or name")->required();
  add_app->add_option("SERVICE", add->service, "Service code")->required();

  auto list = std::make_shared<OfferingOptions>();
  auto* list_app = add_verb<OfferingOptions>(
    *noun, slot, "list", "List offerings.\nExample: vendorcat offering list --service payroll",
    Needs::reading, run_offering_list, list);
  list_app->add_option("--provider", list->provider, "Only this provider's");
  list_app->add_option("--service", list->service, "Only this service");

  auto remove = std::make_shared<OfferingOptions>();
  auto* remove_app = add_verb<OfferingOptions>(
    *noun, slot, "remove", "Remove an offering.\nExample: vendorcat offering remove Transcom payroll",
    Needs::writing, run_offering_remove, remove);
  remove_app->add_option("PROVIDER", remove->provider, "Provider id or name")->required();
  remove_app->add_option("SERVICE", remove->service, "Service code")->required();
}

} // namespace vendorcat::cli
