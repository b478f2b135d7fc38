// `vendorcat engagement add|list|show|update|remove`.

#include "cli/command_tree.hpp"
#include "cli/nouns.hpp"
#include "cli/rows.hpp"
#include "domain/ascii.hpp"
#include "domain/counted.hpp"
#include "report/record.hpp"
#include "store/engagements.hpp"
#include "store/spend.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

struct EditOptions
{
  std::string ref;
  store::EngagementFields fields;
  bool auto_renew = false;
  bool no_auto_renew = false;
};

struct ListOptions
{
  store::EngagementFilter filter;
  int expiring_within = -1;
};

struct RefOptions
{
  std::string ref;
};

void add_field_options(CLI::App* app, EditOptions& options, bool update)
{
  auto& f = options.fields;
  if (update) {
    add_optional(app, "--ref", f.ref, "New ref");
  }
  add_optional(app, "--provider", f.provider, "Provider id or name");
  add_optional(app, "--service", f.service, "Service code");
  add_optional(app, "--delivery-country", f.delivery_country, "Country delivered from (ISO 3166-1)");
  add_optional(app, "--start", f.start_date, "Start date, YYYY-MM-DD");
  add_optional(app, "--end", f.end_date, "End date, YYYY-MM-DD");
  add_optional(app, "--value", f.value, "Contract value in major units, e.g. 120000.00");
  add_optional(app, "--currency", f.currency, "Currency of the value (default: base currency)");
  add_optional(app, "--model", f.delivery_model,
               "onshore, nearshore or offshore (default: derived; an empty value derives again)")
    ->check(delivery_model_choices());
  add_optional(app, "--type", f.type, "BPO or KPO (default: the service's; an empty value derives again)")
    ->check(outsourcing_type_choices());
  add_optional(app, "--title", f.title, "Title");
  add_optional(app, "--client-unit", f.client_unit, "Buying unit, e.g. 'Customer Care'");
  add_optional(app, "--notice-days", f.notice_days, "Notice period in days");
  app->add_flag("--auto-renew", options.auto_renew, "Renews automatically unless notice is given");
  add_optional(app, "--renewal-months", f.renewal_months,
               "Months each automatic renewal runs, 1 to 1200 (default 12; an empty value restores it)");
  if (update) {
    app->add_flag("--no-auto-renew", options.no_auto_renew, "Does not renew automatically");
  }
  add_optional(app, "--status", f.status, "planned, active (default), ended or terminated");
  add_optional(app, "--owner", f.owner, "Owner in the buying organisation");
  add_optional(app, "--notes", f.notes, "Free text");
}

store::EngagementFields fields_of(const EditOptions& options)
{
  auto fields = options.fields;
  if (options.auto_renew) {
    fields.auto_renew = "true";
  } else if (options.no_auto_renew) {
    fields.auto_renew = "false";
  }
  return fields;
}

void run_add(Session& session, const EditOptions& options)
{
  auto fields = fields_of(options);
  fields.ref = options.ref;
  const auto engagement =
    session.write([&](store::Catalogue& catalogue) { return store::add_engagement(catalogue, fields); });
  session.note(fmt::format("added engagement {} ({}, {})", engagement.ref,
                           domain::to_string(engagement.delivery_model), domain::to_string(engagement.type)));
}

// An active listing names the overdue engagements among its rows on stderr
// (never stdout, which scripts read): with --status active in every format,
// and a plain listing in the table format.
bool hints_overdue(const store::EngagementFilter& filter, table::Format format)
{
  if (filter.overdue) {
    return false;
  }
  if (filter.status.empty()) {
    return format == table::Format::table;
  }
  return domain::ascii_iequals(domain::trim(filter.status), "active");
}

void run_list(Session& session, const ListOptions& options)
{
  auto filter = options.filter;
  if (options.expiring_within >= 0) {
    filter.expiring_within = options.expiring_within;
  }
  const bool hint = hints_overdue(filter, session.format());
  const auto on = filter.on.empty() ? domain::Date::today() : domain::Date::parse(filter.on);
  std::int64_t overdue = 0;
  stream_records(session, io::engagements_kind(), [&](const auto& visit) {
    store::each_engagement(session.catalogue(), filter, [&](const store::Engagement& engagement) {
      if (hint && store::is_overdue(engagement, on)) {
        ++overdue;
      }
      visit(engagement);
    });
  });
  if (overdue > 0) {
    session.note(fmt::format("{} before {} without renewing (overdue): list "
                             "them with 'vendorcat engagement list --overdue' and mark each with "
                             "'vendorcat engagement update REF --status ended'",
                             domain::counted(overdue, "active engagement ended", "active engagements ended"),
                             on.to_string()));
  }
}

void run_show(Session& session, const RefOptions& options)
{
  auto& catalogue = session.catalogue();
  const auto engagement = store::find_engagement(catalogue, options.ref);
  auto record = record_of_row(engagement_table({engagement}));
  record.notes = store::explain_engagement(catalogue, engagement);
  record.sections.emplace_back("spend",
                               spend_table(store::list_spend(catalogue, {.engagement = engagement.ref})));
  session.print_record(record);
}

void run_update(Session& session, const EditOptions& options)
{
  const auto engagement = session.write([&](store::Catalogue& catalogue) {
    return store::update_engagement(catalogue, store::find_engagement(catalogue, options.ref).id,
                                    fields_of(options));
  });
  session.note(fmt::format("updated engagement {}", engagement.ref));
}

void run_remove(Session& session, const RefOptions& options)
{
  const auto engagement = session.write([&](store::Catalogue& catalogue) {
    auto found = store::find_engagement(catalogue, options.ref);
    store::remove_engagement(catalogue, found.id);
    return found;
  });
  session.note(fmt::format("removed engagement {}", engagement.ref));
}

} // namespace

void setup_engagement(CLI::App& app, CommandSlot& slot)
{
  auto* noun =
    app.add_subcommand("engagement", "Record contracts: delivery model, BPO/KPO type, dates, value");
  noun->require_subcommand(1);

  auto add = std::make_shared<EditOptions>();
  auto* add_app = add_verb<EditOptions>(
    *noun, slot, "add",
    "Add an engagement; the delivery model and type are derived unless given.\n"
    "Example: vendorcat engagement add ENG-2026-014 --provider Transcom --service customer-service "
    "--delivery-country EE --start 2026-01-01 --value 120000.00 --currency EUR",
    Needs::writing, run_add, add);
  add_app->add_option("REF", add->ref, "Unique reference, e.g. ENG-2026-014")->required();
  add_field_options(add_app, *add, false);
  for (const char* required : {"--provider", "--service", "--delivery-country", "--start"}) {
    add_app->get_option(required)->required();
  }

  auto list = std::make_shared<ListOptions>();
  auto* list_app =
    add_verb<ListOptions>(*noun, slot, "list",
                          "List engagements; filters combine with AND.\n"
                          "An active engagement past its end that does not renew is overdue: "
                          "the table (and --status active) names how many on stderr.\n"
                          "Example: vendorcat engagement list --type KPO --type-source assessed",
                          Needs::reading, run_list, list);
  list_app->add_option("--provider", list->filter.provider, "Provider id or name");
  list_app->add_option("--service", list->filter.service, "Service code");
  list_app->add_option("--type", list->filter.type, "BPO or KPO")->check(outsourcing_type_choices());
  list_app->add_option("--model", list->filter.model, "onshore, nearshore or offshore")
    ->check(delivery_model_choices());
  list_app->add_option("--type-source", list->filter.type_source,
                       "Where the type comes from: derived (the service's default), explicit (set by hand) "
                       "or assessed (the BPO/KPO assessment)");
  list_app->add_option("--status", list->filter.status, "planned, active, ended or terminated");
  list_app->add_option("--active-on", list->filter.active_on, "Running on this date (YYYY-MM-DD)");
  list_app
    ->add_option("--expiring-within", list->expiring_within,
                 "End date or notice deadline within DAYS of today (or --on)")
    ->type_name("DAYS")
    ->check(CLI::NonNegativeNumber);
  list_app->add_flag("--overdue", list->filter.overdue,
                     "Active engagements that ended before today (or --on) without renewing: mark them "
                     "with 'engagement update REF --status ended'");
  list_app->add_option("--on", list->filter.on,
                       "Date to count --expiring-within and --overdue from (default: today)");

  auto show = std::make_shared<RefOptions>();
  add_verb<RefOptions>(*noun, slot, "show",
                       "Show an engagement, why its model and type are what they are, and its spend.\n"
                       "Example: vendorcat engagement show ENG-2026-014",
                       Needs::reading, run_show, show)
    ->add_option("REF", show->ref, "Engagement id or ref")
    ->required();

  auto update = std::make_shared<EditOptions>();
  auto* update_app = add_verb<EditOptions>(
    *noun, slot, "update",
    "Change an engagement; an empty value clears an optional field.\n"
    "Example: vendorcat engagement update ENG-2026-014 --end 2027-12-31 --model offshore",
    Needs::writing, run_update, update);
  update_app->add_option("REF", update->ref, "Engagement id or ref")->required();
  add_field_options(update_app, *update, true);

  setup_assess(*noun, slot);

  auto remove = std::make_shared<RefOptions>();
  add_verb<RefOptions>(*noun, slot, "remove",
                       "Remove an engagement; refused while spend refers to it.\n"
                       "Example: vendorcat engagement remove ENG-2026-014",
                       Needs::writing, run_remove, remove)
    ->add_option("REF", remove->ref, "Engagement id or ref")
    ->required();
}

} // namespace vendorcat::cli
