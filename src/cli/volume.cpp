// `vendorcat volume set|list`: what an engagement delivered in a month.

#include "cli/nouns.hpp"
#include "cli/rows.hpp"
#include "domain/quantity.hpp"
#include "store/volumes.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

struct VolumeSetOptions
{
  std::string engagement;
  std::string month;
  std::string quantity;
  std::string unit;
};

void run_volume_set(Session& session, const VolumeSetOptions& options)
{
  const auto set = session.write([&](store::Catalogue& catalogue) {
    return store::set_volume(catalogue, store::check_volume(catalogue, options.engagement, options.month,
                                                            options.quantity, options.unit));
  });
  const auto& volume = set.volume;
  const auto what = fmt::format("{} {} for {} in {}", domain::format_quantity(volume.quantity), volume.unit,
                                volume.engagement, volume.month.to_string());
  switch (set.change) {
  case store::VolumeChange::created:
    session.note(fmt::format("set {} (id {})", what, volume.id));
    break;
  case store::VolumeChange::replaced:
    session.note(
      fmt::format("set {} (id {}), replacing {}", what, volume.id, domain::format_quantity(set.before)));
    break;
  case store::VolumeChange::unchanged:
    session.note(fmt::format("{} already (id {}): nothing changed", what, volume.id));
    break;
  }
}

void run_volume_list(Session& session, const store::VolumeFilter& filter)
{
  stream_records(session, io::volumes_kind(),
                 [&](const auto& visit) { store::each_volume(session.catalogue(), filter, visit); });
}

} // namespace

void setup_volume(CLI::App& app, CommandSlot& slot)
{
  auto* noun =
    app.add_subcommand("volume", "What engagements deliver per month: FTE, hours, transactions, cases");
  noun->require_subcommand(1);

  auto set = std::make_shared<VolumeSetOptions>();
  auto* set_app = add_verb<VolumeSetOptions>(
    *noun, slot, "set",
    "Set how much an engagement delivered in a month, in one unit, replacing what was there.\n"
    "Example: vendorcat volume set ENG-2026-014 2026-03 12.5 --unit fte",
    Needs::writing, run_volume_set, set);
  set_app->add_option("ENGAGEMENT", set->engagement, "Engagement id or ref")->required();
  set_app->add_option("MONTH", set->month, "Month, YYYY-MM")->required();
  set_app->add_option("QUANTITY", set->quantity, "Decimal with at most 3 decimals, e.g. 12.5")->required();
  set_app->add_option("--unit", set->unit, "fte, hours, transactions or cases")->required();

  auto list = std::make_shared<store::VolumeFilter>();
  auto* list_app = add_verb<store::VolumeFilter>(
    *noun, slot, "list",
    "List volumes by engagement, month and unit.\nExample: vendorcat volume list --engagement ENG-2026-014 "
    "--from 2026-01",
    Needs::reading, run_volume_list, list);
  list_app->add_option("--engagement", list->engagement, "Engagement id or ref");
  list_app->add_option("--from", list->from, "First month, YYYY-MM, inclusive");
  list_app->add_option("--to", list->to, "Last month, YYYY-MM, inclusive");
}

} // namespace vendorcat::cli
