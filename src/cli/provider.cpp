// `vendorcat provider add|list|show|update|remove|search`.

#include "cli/nouns.hpp"
#include "cli/rows.hpp"
#include "report/record.hpp"
#include "store/engagements.hpp"
#include "store/locations.hpp"
#include "store/providers.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

struct AddOptions
{
  std::string name;
  store::ProviderFields fields;
};

struct UpdateOptions
{
  std::string provider;
  store::ProviderFields fields;
};

struct NameOptions
{
  std::string text;
};

void add_field_options(CLI::App* app, store::ProviderFields& fields, bool with_name)
{
  if (with_name) {
    add_optional(app, "--name", fields.name, "New name");
  }
  add_optional(app, "--country", fields.hq_country, "Headquarters country (ISO 3166-1 alpha-2)");
  add_optional(app, "--city", fields.hq_city, "Headquarters city");
  add_optional(app, "--legal-name", fields.legal_name, "Registered legal name");
  add_optional(app, "--website", fields.website, "Web address");
  add_optional(app, "--status", fields.status, "onboarding, active (default), inactive or archived");
  add_optional(app, "--risk", fields.risk, "low, medium or high");
  add_optional(app, "--next-review", fields.next_review, "Next review date, YYYY-MM-DD");
  add_optional(app, "--notes", fields.notes, "Free text, searchable");
}

void run_add(Session& session, const AddOptions& options)
{
  auto fields = options.fields;
  fields.name = options.name;
  const auto provider =
    session.write([&](store::Catalogue& catalogue) { return store::add_provider(catalogue, fields); });
  session.note(fmt::format("added provider '{}' (id {})", provider.name, provider.id));
}

void run_list(Session& session, const store::ProviderFilter& filter)
{
  stream_records(session, io::providers_kind(),
                 [&](const auto& visit) { store::each_provider(session.catalogue(), filter, visit); });
}

void run_search(Session& session, const NameOptions& options)
{
  session.print(provider_table(store::search_providers(session.catalogue(), options.text)));
}

void run_show(Session& session, const NameOptions& options)
{
  auto& catalogue = session.catalogue();
  const auto provider = store::find_provider(catalogue, options.text);
  auto record = record_of_row(provider_table({provider}));
  const auto summary = store::provider_engagement_summary(catalogue, provider.id);
  record.fields.emplace_back("engagements", summary.count);
  record.fields.emplace_back("engagement_value",
                             summary.value.empty() ? table::Value() : table::Value(summary.value));
  record.sections.emplace_back("locations",
                               location_table(store::list_locations(catalogue, provider.id, "")));
  record.sections.emplace_back("offerings",
                               offering_table(store::list_offerings(catalogue, provider.id, std::nullopt)));
  report::render_record(record, session.format(), session.out());
}

void run_update(Session& session, const UpdateOptions& options)
{
  const auto provider = session.write([&](store::Catalogue& catalogue) {
    return store::update_provider(catalogue, store::find_provider(catalogue, options.provider).id,
                                  options.fields);
  });
  session.note(fmt::format("updated provider '{}'", provider.name));
}

void run_remove(Session& session, const NameOptions& options)
{
  const auto provider = session.write([&](store::Catalogue& catalogue) {
    auto found = store::find_provider(catalogue, options.text);
    store::remove_provider(catalogue, found.id);
    return found;
  });
  session.note(fmt::format("removed provider '{}' with its locations and offerings", provider.name));
}

} // namespace

void setup_provider(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("provider", "Record and find service providers");
  noun->require_subcommand(1);

  auto add = std::make_shared<AddOptions>();
  auto* add_app = add_verb<AddOptions>(
    *noun, slot, "add",
    "Add a provider.\nExample: vendorcat provider add 'Transcom' --country SE --city Stockholm",
    Needs::writing, run_add, add);
  add_app->add_option("NAME", add->name, "Provider name, unique in any letter case")->required();
  add_field_options(add_app, add->fields, false);
  add_app->get_option("--country")->required();

  auto filter = std::make_shared<store::ProviderFilter>();
  auto* list_app = add_verb<store::ProviderFilter>(
    *noun, slot, "list",
    "List providers; filters combine with AND.\n"
    "Example: vendorcat provider list --region Europe --service market-research",
    Needs::reading, run_list, filter);
  list_app->add_option("--service", filter->service, "Offers or delivers this service code");
  list_app->add_option("--country", filter->country, "HQ or any delivery location in this country");
  list_app->add_option("--region", filter->region, "HQ or any location in this UN M49 region or sub-region");
  list_app->add_option("--city", filter->city, "HQ or any location in this city");
  list_app->add_option("--model", filter->model,
                       "Has an engagement with this model: onshore, nearshore or offshore");
  list_app->add_option("--type", filter->type, "Has an engagement of this type: BPO or KPO");
  list_app->add_option("--status", filter->status, "onboarding, active, inactive or archived");

  auto search = std::make_shared<NameOptions>();
  add_verb<NameOptions>(*noun, slot, "search",
                        "Full-text search over name, legal name, city and notes, best match first.\n"
                        "Example: vendorcat provider search 'payroll nordic'",
                        Needs::reading, run_search, search)
    ->add_option("TEXT", search->text, "Words to look for (prefixes match)")
    ->required();

  auto show = std::make_shared<NameOptions>();
  add_verb<NameOptions>(*noun, slot, "show",
                        "Show a provider with its locations, offerings and engagements.\n"
                        "Example: vendorcat provider show Transcom",
                        Needs::reading, run_show, show)
    ->add_option("PROVIDER", show->text, "Provider id or name")
    ->required();

  auto update = std::make_shared<UpdateOptions>();
  auto* update_app =
    add_verb<UpdateOptions>(*noun, slot, "update",
                            "Change a provider's fields; an empty value clears an optional field.\n"
                            "Example: vendorcat provider update Transcom --status archived",
                            Needs::writing, run_update, update);
  update_app->add_option("PROVIDER", update->provider, "Provider id or name")->required();
  add_field_options(update_app, update->fields, true);

  auto remove = std::make_shared<NameOptions>();
  add_verb<NameOptions>(*noun, slot, "remove",
                        "Remove a provider with its locations and offerings; refused while "
                        "engagements refer to it.\nExample: vendorcat provider remove Transcom",
                        Needs::writing, run_remove, remove)
    ->add_option("PROVIDER", remove->text, "Provider id or name")
    ->required();
}

} // namespace vendorcat::cli
