// Provider names: either an invented brand (`Bluepeak Analytics 12`) or two
// founders' surnames (`Müller & Reyes Consulting 13`), always ending in the
// provider's number so names stay unique case-insensitively.

#include "gen/names.hpp"

#include <fmt/format.h>

namespace vendorcat::gen {

namespace {

std::string slug_of(std::string_view text)
{
  std::string result;
  for (auto c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      result.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      result.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (!result.empty() && result.back() != '-') {
      result.push_back('-');
    }
  }
  return result;
}

} // namespace

ProviderName provider_name(std::uint64_t seed, std::uint64_t index)
{
  Random rng(seed ^ (index * 0x9e3779b97f4a7c15ULL), Stream::names);
  const auto& w = words();
  const auto number = index + 1;
  const auto descriptor = rng.pick(w.descriptors);
  if (rng.chance(700)) {
    const auto prefix = rng.pick(w.name_prefixes);
    const auto core = rng.pick(w.name_cores);
    return {fmt::format("{}{} {} {}", prefix, core, descriptor, number),
            slug_of(fmt::format("{}{} {} {}", prefix, core, descriptor, number))};
  }
  const auto first = rng.below(w.surnames.size());
  auto second = rng.below(w.surnames.size() - 1);
  second += second >= first ? 1 : 0;
  return {
    fmt::format("{} & {} {} {}", w.surnames[first], w.surnames[second], descriptor, number),
    slug_of(fmt::format("{} {} {} {}", w.surname_slugs[first], w.surname_slugs[second], descriptor, number))};
}

std::string legal_name(std::string_view name, const Country& country)
{
  if (country.legal_form.starts_with(',')) {
    return fmt::format("{}{}", name, country.legal_form);
  }
  return fmt::format("{} {}", name, country.legal_form);
}

std::string_view pick_note(Random& rng, unsigned empty_per_mille)
{
  if (rng.chance(empty_per_mille)) {
    return {};
  }
  const auto& w = words();
  return rng.chance(700) ? rng.pick(w.plain_notes) : rng.pick(w.tricky_notes);
}

} // namespace vendorcat::gen
