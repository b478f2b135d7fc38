// engagements.csv. Each engagement goes to an active provider (smaller
// indices a little more often), for one of its services, delivered from its
// HQ or one of its locations. It is live for a stretch of the window [first,
// last] that its dates cover, so every spend line falls between start and end.
// delivery_model and type stay empty: the importer derives them.

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

// Typical invoice sizes in EUR.
constexpr std::array<std::int64_t, 6> invoice_tiers = {800, 2'000, 5'000, 12'000, 30'000, 80'000};
constexpr std::array<std::string_view, 3> notice_days = {"30", "60", "90"};

std::size_t pick_service(Random& rng, const ProviderModel& provider)
{
  auto nth = rng.below(static_cast<std::uint64_t>(std::popcount(provider.services)));
  for (std::size_t i = 0;; ++i) {
    if ((provider.services & (1U << i)) != 0 && nth-- == 0) {
      return i;
    }
  }
}

std::size_t pick_currency(const Settings& settings, Random& rng, const Country& hq)
{
  const auto table = currency_table();
  if (rng.chance(350)) {
    for (auto index : settings.currencies) {
      if (table[index].code == hq.currency) {
        return index;
      }
    }
  }
  return rng.chance(500) ? settings.currencies.front()
                         : settings.currencies[rng.below(settings.currencies.size())];
}

std::string title(Random& rng, const Service& service, std::string_view unit)
{
  const auto& w = words();
  switch (rng.below(4)) {
  case 0:
    return std::string(service.title);
  case 1:
    return fmt::format("{} for {}", service.title, unit.empty() ? "the group" : unit);
  case 2:
    return fmt::format("{}, {}", service.title, rng.pick(w.client_units));
  default:
    return fmt::format("{} – \"{}\" programme", service.title, rng.pick(w.programmes));
  }
}

// A start on or before the first day of spend: day 1 of FIRST, or any day up to
// three years before the window when the engagement is live from its start.
domain::Date start_date(const Settings& settings, Random& rng, int first)
{
  const auto window = settings.first_month.index();
  if (first > 0) {
    return domain::Month::from_index(window + first).first_day();
  }
  const auto month = domain::Month::from_index(window - 1 - static_cast<int>(rng.below(36)));
  return month.first_day().add_days(static_cast<int>(rng.below(28)));
}

// The last day of LAST, or when LAST ends the window, empty (open-ended) or
// the last day of a month up to two years later.
std::string end_date(const Settings& settings, Random& rng, int last)
{
  auto month = settings.first_month.index() + last;
  if (last == settings.months - 1) {
    if (rng.chance(450)) {
      return {};
    }
    month += static_cast<int>(rng.below(25));
  }
  return domain::Month::from_index(month).last_day().to_string();
}

std::int64_t typical_invoice(Random& rng, std::size_t currency)
{
  const auto tier = invoice_tiers[rng.below(invoice_tiers.size())];
  const auto eur_minor = tier * rng.between(8'000, 12'000) / 100; // tier EUR +-20%, in cents
  return std::max<std::int64_t>(1, eur_minor * 1'000'000 / currency_table()[currency].micro_eur);
}

} // namespace

std::vector<EngagementModel> write_engagements(const Settings& settings,
                                               std::span<const ProviderModel> providers, Counts& counts)
{
  CsvFile out((std::filesystem::path(settings.out) / "engagements.csv").string(),
              {"ref", "provider", "service", "delivery_country", "start_date", "end_date", "title",
               "client_unit", "delivery_model", "type", "notice_days", "auto_renew", "value", "currency",
               "status", "owner", "notes"});
  std::vector<std::uint32_t> active;
  for (std::size_t i = 0; i < providers.size(); ++i) {
    if (providers[i].active) {
      active.push_back(static_cast<std::uint32_t>(i));
    }
  }
  Random rng(settings.seed, Stream::engagements);
  const auto& w = words();
  const auto months = settings.months;
  std::vector<EngagementModel> models(settings.engagements);
  for (std::uint64_t e = 0; e < settings.engagements; ++e) {
    auto& model = models[e];
    model.provider = active[std::min(rng.below(active.size()), rng.below(active.size()))];
    const auto& provider = providers[model.provider];
    const auto& hq = country_table()[provider.hq];
    model.service = static_cast<std::uint8_t>(pick_service(rng, provider));
    const auto delivery = provider.location_count == 0 || rng.chance(550)
                            ? provider.hq
                            : provider.locations[rng.below(provider.location_count)];
    const auto first = rng.chance(550) ? 0 : static_cast<int>(rng.below(static_cast<std::uint64_t>(months)));
    const auto last = rng.chance(600) ? months - 1 : static_cast<int>(rng.between(first, months - 1));
    model.first = static_cast<std::uint16_t>(first);
    model.last = static_cast<std::uint16_t>(last);
    const auto start = start_date(settings, rng, first);
    const auto end = end_date(settings, rng, last);
    model.currency = static_cast<std::uint8_t>(pick_currency(settings, rng, hq));
    model.invoice = typical_invoice(rng, model.currency);
    const auto unit = rng.chance(100) ? std::string_view() : rng.pick(w.client_units);
    const auto value = std::max<std::int64_t>(1, model.invoice * (last - first + 1) / 10'000);

    out.numbered("GEN-", e + 1, 6).field(provider_name(settings.seed, model.provider).name);
    out.field(service_table()[model.service].code).field(country_table()[delivery].code);
    out.field(start.to_string()).field(end);
    out.field(title(rng, service_table()[model.service], unit)).field(unit).field("").field("");
    out.field(notice_days[rng.below(notice_days.size())]).field(rng.chance(400) ? "true" : "false");
    out.amount(value * 10'000).field(currency_table()[model.currency].code).field("active");
    out.field(rng.pick(w.owners)).field(pick_note(rng, 850)).end_row();
  }
  counts.engagements = out.close();
  return models;
}

} // namespace vendorcat::gen
