// fx.csv: for every non-EUR currency and month of the window, the EUR value
// of one unit. Each currency starts within 5% of its table rate and takes a
// monthly step of up to 1.5% with a pull back towards the table rate, all in
// integer micro-units so the output is identical everywhere.

#include "domain/date.hpp"
#include "domain/rate.hpp"
#include "gen/csv_file.hpp"
#include "gen/ledger.hpp"
#include "gen/random.hpp"
#include "gen/tables.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>

namespace vendorcat::gen {

void write_fx(const Settings& settings, Counts& counts)
{
  CsvFile out((std::filesystem::path(settings.out) / "fx.csv").string(), {"currency", "month", "rate"});
  Random rng(settings.seed, Stream::fx);
  for (auto index : settings.currencies) {
    const auto& currency = currency_table()[index];
    if (currency.code == "EUR") {
      continue;
    }
    const auto base = currency.micro_eur;
    auto rate = base * (10'000 + rng.between(-500, 500)) / 10'000;
    for (int month = 0; month < settings.months; ++month) {
      const auto scaled = rate * (domain::Rate::scale / 1'000'000);
      const auto calendar_month = domain::Month::from_index(settings.first_month.index() + month);
      out.field(currency.code).field(calendar_month.to_string());
      out.field(domain::Rate::from_scaled(scaled).to_string()).end_row();
      const auto pull = (base - rate) * 10'000 / base / 8; // basis points
      rate = std::max<std::int64_t>(1, rate * (10'000 + rng.between(-150, 150) + pull) / 10'000);
    }
  }
  counts.fx = out.close();
}

} // namespace vendorcat::gen
