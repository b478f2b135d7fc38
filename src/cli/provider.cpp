// `vendorcat provider add|list|show|update|remove|search`.

#include "cli/command_tree.hpp"
#include "cli/nouns.hpp"
#include "cli/rows.hpp"
#include "domain/amount.hpp"
#include "report/record.hpp"
#include "report/spend_report.hpp"
#include "store/engagements.hpp"
#include "store/locations.hpp"
#include "store/providers.hpp"
#include "store/settings.hpp"

#include <fmt/format.h>

#include <map>

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

// What a provider has spent, per engagement (by ref) and in all, in the base
// currency: every spend line converted with its month's rate as `report
// spend` converts it (the same error for a missing rate). Empty without a
// base currency.
struct ProviderSpend
{
  std::string currency;
  int digits = 2; // of the currency
  std::map<std::string, std::string> by_ref;
  std::string total;
};

ProviderSpend provider_spend(store::Catalogue& catalogue, const store::Provider& provider)
{
  if (!store::get_setting(catalogue, store::SettingKey::base_currency)) {
    return {};
  }
  report::SpendReportOptions options;
  options.by = {store::SpendDimension::engagement};
  options.period = domain::Granularity::all;
  options.provider_id = provider.id;
  const auto computed = report::compute_spend_report(catalogue, options);
  ProviderSpend spend;
  spend.currency = computed.currency;
  spend.digits = computed.digits;
  for (const auto& row : computed.rows) {
    spend.by_ref[row.dimensions.at(0)] = domain::format_amount(row.amount, computed.digits);
  }
  // The total is rounded once from the exact sum, as report spend's is.
  std::int64_t total = 0;
  for (const auto& [period, sum] : computed.period_totals) {
    total += sum;
  }
  spend.total = domain::format_amount(total, computed.digits);
  return spend;
}

table::Table provider_engagements(const std::vector<store::Engagement>& engagements,
                                  const ProviderSpend& spend)
{
  table::Table table;
  table.columns = {{"ref"},
                   {"service"},
                   {"type"},
                   {"delivery_model"},
                   {"status"},
                   {"end_date"},
                   {"spent", table::Align::right}};
  const auto zero = domain::format_amount(0, spend.digits);
  for (const auto& engagement : engagements) {
    const auto spent = spend.by_ref.find(engagement.ref);
    table::Value spent_cell;
    if (spent != spend.by_ref.end()) {
      spent_cell = spent->second;
    } else if (!spend.currency.empty()) {
      spent_cell = zero;
    }
    table.add_row({engagement.ref, engagement.service, std::string(domain::to_string(engagement.type)),
                   std::string(domain::to_string(engagement.delivery_model)), engagement.status,
                   engagement.end_date ? table::Value(engagement.end_date->to_string()) : table::Value(),
                   spent_cell});
  }
  return table;
}

void run_show(Session& session, const NameOptions& options)
{
  auto& catalogue = session.catalogue();
  const auto provider = store::find_provider(catalogue, options.text);
  auto record = record_of_row(provider_table({provider}));
  const auto spend = provider_spend(catalogue, provider);
  const auto optional_text = [](const std::string& text) {
    return text.empty() ? table::Value() : table::Value(text);
  };
  record.fields.emplace_back("spent", optional_text(spend.total));
  record.fields.emplace_back("currency", optional_text(spend.currency));
  record.sections.emplace_back("locations",
                               location_table(store::list_locations(catalogue, provider.id, "")));
  table::Table offerings;
  offerings.columns = {{"service"}};
  for (const auto& offering : store::list_offerings(catalogue, provider.id, std::nullopt)) {
    offerings.add_row({offering.service});
  }
  record.sections.emplace_back("offerings", std::move(offerings), report::SectionShape::values);
  store::EngagementFilter filter;
  filter.provider_id = provider.id;
  record.sections.emplace_back("engagements",
                               provider_engagements(store::list_engagements(catalogue, filter), spend));
  session.print_record(record);
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
  list_app
    ->add_option("--model", filter->model,
                 "Has an engagement with this model: onshore, nearshore or offshore")
    ->check(delivery_model_choices());
  list_app->add_option("--type", filter->type, "Has an engagement of this type: BPO or KPO")
    ->check(outsourcing_type_choices());
  list_app->add_option("--status", filter->status, "onboarding, active, inactive or archived");

  auto search = std::make_shared<NameOptions>();
  add_verb<NameOptions>(*noun, slot, "search",
                        "Full-text search over name, legal name, city and notes, best match first.\n"
                        "Example: vendorcat provider search 'payroll finnish'",
                        Needs::reading, run_search, search)
    ->add_option("TEXT", search->text, "Words to look for (prefixes match)")
    ->required();

  auto show = std::make_shared<NameOptions>();
  add_verb<NameOptions>(*noun, slot, "show",
                        "Show a provider: its fields, its total spend (`spent`, all its spend lines\n"
                        "converted to the base currency with each line's month's rate, and `currency`),\n"
                        "its locations, its offerings (service codes) and its engagements (ref, service,\n"
                        "type, delivery_model, status, end_date, spent). json and jsonl print one object\n"
                        "with `locations`, `offerings` and `engagements` as arrays; csv prints the\n"
                        "provider's fields with spent and currency as one row (csv has no sections).\n"
                        "A missing exchange rate is an error, as in report spend; without a base currency\n"
                        "the spend is left empty.\n"
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
