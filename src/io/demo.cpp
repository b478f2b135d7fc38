#include "io/demo.hpp"

#include "domain/errors.hpp"
#include "io/csv_reader.hpp"
#include "store/embedded.hpp"
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
  std::vector<std::pair<Kind, ImportSummary>> loaded;
  for (const auto kind :
       {Kind::providers, Kind::locations, Kind::offerings, Kind::engagements, Kind::fx, Kind::spend}) {
    const auto name = fmt::format("seed/demo/{}.csv", to_string(kind));
    std::istringstream content{std::string(store::embedded_file(name))};
    CsvReader reader(content, name);
    loaded.emplace_back(kind, import_records(catalogue, kind, reader, OnConflict::error));
  }
  return loaded;
}

} // namespace vendorcat::io
