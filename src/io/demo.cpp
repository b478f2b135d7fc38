#include "io/demo.hpp"

#include "domain/errors.hpp"
#include "io/csv_reader.hpp"
#include "io/sha256.hpp"
#include "store/embedded.hpp"
#include "store/import_batches.hpp"
#include "store/maintenance.hpp"
#include "store/settings.hpp"

#include <fmt/format.h>

#include <sstream>

namespace vendorcat::io {

std::vector<std::pair<Kind, ImportSummary>> load_demo(store::Catalogue& catalogue)
{
  if (!store::has_no_records(catalogue)) {
    throw ValidationError("the catalogue already holds providers or engagements: load the demo "
                          "into a new one, e.g. 'vendorcat --db demo.db demo'");
  }
  const auto base = store::get_setting(catalogue, store::SettingKey::base_currency);
  if (base && *base != "EUR") {
    throw ValidationError(fmt::format(
      "the demo's exchange rates are quoted in EUR but this catalogue's base currency is {}", *base));
  }
  if (!base) {
    store::set_setting(catalogue, store::SettingKey::base_currency, "EUR");
  }
  if (!store::get_setting(catalogue, store::SettingKey::home_country)) {
    store::set_setting(catalogue, store::SettingKey::home_country, "FI");
  }
  // Each file is an import batch, as `vendorcat import` of it would be; the
  // spend arrives in two, a year each, and the volumes (FTE of the BPO
  // engagements, transactions of two) last.
  std::vector<std::pair<Kind, ImportSummary>> loaded;
  for (const auto& [kind, file] :
       std::initializer_list<std::pair<Kind, const char*>>{{Kind::providers, "providers"},
                                                           {Kind::locations, "locations"},
                                                           {Kind::offerings, "offerings"},
                                                           {Kind::engagements, "engagements"},
                                                           {Kind::assessments, "assessments"},
                                                           {Kind::fx, "fx"},
                                                           {Kind::spend, "spend-2025"},
                                                           {Kind::spend, "spend-2026"},
                                                           {Kind::volumes, "volumes"}}) {
    const auto name = fmt::format("seed/demo/{}.csv", file);
    const auto text = store::embedded_file(name);
    const auto sha256 = sha256_of(text);
    store::ImportBatchScope batch(catalogue, std::string(to_string(kind)), name, sha256);
    std::istringstream content{std::string(text)};
    CsvReader reader(content, name);
    auto summary = import_records(catalogue, kind, reader, OnConflict::error);
    batch.finish(summary.created + summary.updated + summary.skipped, summary, sha256);
    if (!loaded.empty() && loaded.back().first == kind) {
      loaded.back().second.created += summary.created;
    } else {
      loaded.emplace_back(kind, std::move(summary));
    }
  }
  return loaded;
}

} // namespace vendorcat::io
