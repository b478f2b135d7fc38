// providers.csv, locations.csv and offerings.csv. Every provider gets a
// weighted HQ country, 0-3 delivery locations (another city at home or a
// weighted foreign country) and 1-4 distinct services; the first provider is
// always active so engagements always have someone to go to.

#include "domain/date.hpp"
#include "gen/catalogue.hpp"
#include "gen/csv_file.hpp"
#include "gen/names.hpp"
#include "gen/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vendorcat::gen {

namespace {

constexpr std::array<std::string_view, 4> statuses = {"active", "onboarding", "inactive", "archived"};
constexpr std::array<unsigned, 4> status_weights = {850, 70, 50, 30};
constexpr std::array<std::string_view, 4> risks = {"", "low", "medium", "high"};
constexpr std::array<unsigned, 4> risk_weights = {100, 450, 330, 120};
constexpr std::array<unsigned, 4> location_count_weights = {35, 35, 20, 10};
constexpr std::array<unsigned, 4> service_count_weights = {40, 30, 20, 10};

std::string path_in(const Settings& settings, std::string_view file)
{
  return (std::filesystem::path(settings.out) / file).string();
}

std::string next_review(const Settings& settings, Random& rng)
{
  const auto last = settings.first_month.index() + settings.months - 1;
  const auto month = domain::Month::from_index(last + static_cast<int>(rng.between(-3, 12)));
  return domain::Date(month.year(), month.month(), static_cast<int>(1 + rng.below(28))).to_string();
}

// Writes the locations of PROVIDER (0-3 weighted, or about MEAN when it is
// not 0), skipping any that repeat its HQ city or an earlier location, and
// records the countries of the first three in MODEL.
void write_locations(Random& rng, std::uint64_t mean, std::size_t hq_city, std::string_view provider,
                     ProviderModel& model, CsvFile& out)
{
  const auto countries = country_table();
  const auto wanted = mean == 0
                        ? rng.weighted(location_count_weights)
                        : static_cast<std::size_t>(rng.between(0, static_cast<std::int64_t>(2 * mean)));
  std::vector<std::pair<std::size_t, std::size_t>> sites{{model.hq, hq_city}}; // country, city
  for (std::size_t i = 0; i < wanted; ++i) {
    const auto country = rng.chance(250) ? model.hq : rng.weighted(country_weights());
    const auto city_index = rng.below(city_count(countries[country]));
    if (std::find(sites.begin(), sites.end(), std::pair{country, city_index}) != sites.end()) {
      continue;
    }
    sites.emplace_back(country, city_index);
    if (model.location_count < model.locations.size()) {
      model.locations[model.location_count++] = static_cast<std::uint8_t>(country);
    }
    const auto city_name = city(countries[country], city_index);
    out.field(provider).field(countries[country].code).field(city_name);
    out.field(rng.chance(400) ? std::string() : fmt::format("{} delivery centre", city_name));
    out.end_row();
  }
}

void write_offerings(Random& rng, std::string_view provider, ProviderModel& model, CsvFile& out)
{
  const auto wanted = 1 + rng.weighted(service_count_weights);
  while (static_cast<std::size_t>(std::popcount(model.services)) < wanted) {
    const auto bit = 1U << rng.weighted(service_weights());
    model.services = static_cast<std::uint16_t>(model.services | bit);
  }
  for (std::size_t i = 0; i < service_table().size(); ++i) {
    if ((model.services & (1U << i)) != 0) {
      out.field(provider).field(service_table()[i].code).end_row();
    }
  }
}

} // namespace

std::vector<ProviderModel> write_providers(const Settings& settings, Counts& counts)
{
  CsvFile providers(
    path_in(settings, "providers.csv"),
    {"name", "hq_country", "legal_name", "hq_city", "website", "status", "risk", "next_review", "notes"});
  CsvFile locations(path_in(settings, "locations.csv"), {"provider", "country", "city", "name"});
  CsvFile offerings(path_in(settings, "offerings.csv"), {"provider", "service"});
  Random rng(settings.seed, Stream::providers);
  std::vector<ProviderModel> models(settings.providers);
  for (std::uint64_t i = 0; i < settings.providers; ++i) {
    auto& model = models[i];
    const auto name = provider_name(settings.seed, i);
    model.hq = static_cast<std::uint8_t>(rng.weighted(country_weights()));
    const auto& hq = country_table()[model.hq];
    const auto hq_city = rng.below(city_count(hq));
    const auto status = i == 0 ? 0 : rng.weighted(status_weights);
    model.active = status == 0;
    providers.field(name.name).field(hq.code);
    providers.field(rng.chance(100) ? std::string() : legal_name(name.name, hq));
    providers.field(rng.chance(50) ? std::string_view() : city(hq, hq_city));
    providers.field(rng.chance(150) ? std::string() : fmt::format("https://{}.example", name.slug));
    providers.field(statuses[status]).field(risks[rng.weighted(risk_weights)]);
    providers.field(rng.chance(200) ? std::string() : next_review(settings, rng));
    providers.field(pick_note(rng, 550)).end_row();
    write_locations(rng, settings.locations, hq_city, name.name, model, locations);
    write_offerings(rng, name.name, model, offerings);
  }
  counts.providers = providers.close();
  counts.locations = locations.close();
  counts.offerings = offerings.close();
  return models;
}

} // namespace vendorcat::gen
