// The conversion of spend into a target currency (see convert.hpp).

#include "report/convert.hpp"

#include "domain/errors.hpp"
#include "store/fx.hpp"
#include "store/reference.hpp"
#include "store/settings.hpp"

#include <fmt/format.h>

namespace vendorcat::report {

Converter::Converter(store::Catalogue& catalogue)
  : m_catalogue(catalogue), m_base(store::get_setting(catalogue, store::SettingKey::base_currency))
{
  for (const auto& rate : store::list_fx_rates(catalogue, "")) {
    m_rates[rate.currency].emplace(rate.month, rate.rate);
  }
}

int Converter::digits(std::string_view currency)
{
  auto found = m_digits.find(currency);
  if (found == m_digits.end()) {
    const int minor = store::Reference::of(m_catalogue).currency(currency).minor_units;
    found = m_digits.emplace(std::string(currency), minor).first;
  }
  return found->second;
}

const domain::Rate* Converter::rate_of(std::string_view currency, const domain::Month& month) const
{
  const auto by_currency = m_rates.find(currency);
  if (by_currency == m_rates.end()) {
    return nullptr;
  }
  const auto found = by_currency->second.find(month);
  return found == by_currency->second.end() ? nullptr : &found->second;
}

void Converter::add(ConvertedSum& sum, std::string_view target, std::string_view currency,
                    const domain::Month& month, std::int64_t amount)
{
  const int amount_digits = digits(currency);
  if (currency == target) {
    sum.direct.add_exact(amount, amount_digits);
    return;
  }
  auto& in_base = m_base && target == *m_base ? sum.direct : sum.base[month];
  if (m_base && currency == *m_base) {
    in_base.add_exact(amount, amount_digits);
    return;
  }
  const auto* rate = m_base ? rate_of(currency, month) : nullptr;
  if (rate == nullptr) {
    m_missing.insert({std::string(currency), month});
    return;
  }
  in_base.add(amount, amount_digits, *rate);
}

void Converter::finish(ConvertedSum& sum, std::string_view target)
{
  for (const auto& [month, in_base] : sum.base) {
    const auto* rate = rate_of(target, month);
    if (rate == nullptr) {
      m_missing.insert({std::string(target), month});
      continue;
    }
    sum.direct.add(in_base.divided_by(*rate));
  }
  sum.base.clear();
}

void Converter::check() const
{
  if (m_missing.empty()) {
    return;
  }
  std::string list;
  std::size_t shown = 0;
  for (const auto& [currency, month] : m_missing) {
    if (++shown > 100) {
      list += fmt::format(" and {} more", m_missing.size() - 100);
      break;
    }
    list += fmt::format("{}{} {}", list.empty() ? "" : ", ", currency, month.to_string());
  }
  throw ValidationError(
    fmt::format("missing exchange rate{} for {}; set them with 'vendorcat fx set CUR MONTH RATE'",
                m_missing.size() == 1 ? "" : "s", list));
}

} // namespace vendorcat::report
