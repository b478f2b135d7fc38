// `vendorcat spend add|list|remove` and `vendorcat fx set|list` (`fx import-ecb`
// is in fx_ecb.cpp).

#include "store/spend.hpp"

#include "cli/nouns.hpp"
#include "cli/rows.hpp"
#include "store/fx.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

struct SpendAddOptions
{
  std::string engagement;
  std::string date;
  std::string amount;
  std::optional<std::string> currency;
  std::optional<std::string> reference;
};

struct IdOptions
{
  std::int64_t id = 0;
};

struct FxSetOptions
{
  std::string currency;
  std::string month;
  std::string rate;
};

struct FxListOptions
{
  std::string currency;
};

void run_spend_add(Session& session, const SpendAddOptions& options)
{
  const auto line = session.write([&](store::Catalogue& catalogue) {
    return store::add_spend(catalogue, options.engagement, options.date, options.amount, options.currency,
                            options.reference);
  });
  session.note(fmt::format("added spend {} {} on {} to {} (id {})", line.amount.to_string(), line.currency,
                           line.date, line.engagement, line.id));
}

void run_spend_list(Session& session, const store::SpendFilter& filter)
{
  stream_records(session, io::spend_kind(),
                 [&](const auto& visit) { store::each_spend(session.catalogue(), filter, visit); });
}

void run_spend_remove(Session& session, const IdOptions& options)
{
  session.write([&](store::Catalogue& catalogue) { store::remove_spend(catalogue, options.id); });
  session.note(fmt::format("removed spend line {}", options.id));
}

void run_fx_set(Session& session, const FxSetOptions& options)
{
  const auto rate = session.write([&](store::Catalogue& catalogue) {
    return store::set_fx_rate(catalogue, options.currency, options.month, options.rate);
  });
  session.note(fmt::format("1 {} = {} base currency units in {}", rate.currency, rate.rate.to_string(),
                           rate.month.to_string()));
}

void run_fx_list(Session& session, const FxListOptions& options)
{
  session.print(fx_table(store::list_fx_rates(session.catalogue(), options.currency)));
}

} // namespace

void setup_spend(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("spend", "Record what is paid on engagements: invoices and credit notes");
  noun->require_subcommand(1);

  auto add = std::make_shared<SpendAddOptions>();
  auto* add_app = add_verb<SpendAddOptions>(
    *noun, slot, "add",
    "Add a spend line; a negative amount is a credit note.\n"
    "Example: vendorcat spend add ENG-2026-014 --date 2026-03-31 --amount 10250.00 --ref INV-0042",
    Needs::writing, run_spend_add, add);
  add_app->add_option("ENGAGEMENT", add->engagement, "Engagement id or ref")->required();
  add_app->add_option("--date", add->date, "Booking date, YYYY-MM-DD")->required();
  add_app->add_option("--amount", add->amount, "Amount in major units, e.g. 1500.50 or -80.00")
    ->required()
    ->allow_extra_args(false);
  add_optional(add_app, "--currency", add->currency, "Currency (default: the engagement's)");
  add_optional(add_app, "--ref", add->reference, "Invoice reference, unique per engagement");

  auto list = std::make_shared<store::SpendFilter>();
  auto* list_app = add_verb<store::SpendFilter>(
    *noun, slot, "list",
    "List spend lines.\nExample: vendorcat spend list --provider Transcom --from 2026-01-01", Needs::reading,
    run_spend_list, list);
  list_app->add_option("--engagement", list->engagement, "Engagement id or ref");
  list_app->add_option("--provider", list->provider, "Provider id or name");
  list_app->add_option("--from", list->from, "First date, inclusive");
  list_app->add_option("--to", list->to, "Last date, inclusive");

  auto remove = std::make_shared<IdOptions>();
  add_verb<IdOptions>(*noun, slot, "remove",
                      "Remove a spend line by id.\nExample: vendorcat spend remove 812", Needs::writing,
                      run_spend_remove, remove)
    ->add_option("ID", remove->id, "Spend line id (see spend list)")
    ->required();
}

void setup_fx(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("fx", "Exchange rates to the base currency, per month");
  noun->require_subcommand(1);

  auto set = std::make_shared<FxSetOptions>();
  auto* set_app =
    add_verb<FxSetOptions>(*noun, slot, "set",
                           "Set the rate of a currency for a month: 1 CUR = RATE base currency units.\n"
                           "Example: vendorcat fx set USD 2026-03 0.9214",
                           Needs::writing, run_fx_set, set);
  set_app->add_option("CUR", set->currency, "Currency (ISO 4217)")->required();
  set_app->add_option("MONTH", set->month, "Month, YYYY-MM")->required();
  set_app->add_option("RATE", set->rate, "Exact decimal, e.g. 0.9214")->required();

  auto list = std::make_shared<FxListOptions>();
  add_verb<FxListOptions>(*noun, slot, "list",
                          "List exchange rates.\nExample: vendorcat fx list --currency USD", Needs::reading,
                          run_fx_list, list)
    ->add_option("--currency", list->currency, "Only this currency");

  setup_fx_import_ecb(*noun, slot);
}

} // namespace vendorcat::cli
