// Monthly rates from the ECB's daily quotes (see ecb_rates.hpp). A quote is
// an integer count of 1e-6 units, so a month's mean is the exact fraction
// sum / (days * 1e6) and no rate is rounded before the one rounding of
// rate_of_quotient: 1 CUR = x_B / x_CUR B is (sum_B * days_CUR) /
// (days_B * sum_CUR) whatever the scale. With at most 31 quotes below 1e15
// each, every product stays far below 2^127 even after the ten decimal
// places divide_significant scales by.

#include "domain/ecb_rates.hpp"

#include "domain/decimal.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace vendorcat::domain {

namespace {

constexpr std::int64_t quote_scale = 1'000'000;

// The rate NUMERATOR / DENOMINATOR of CURRENCY in MONTH; the error of one out
// of range names them.
MonthRate month_rate(const std::string& currency, const Month& month, Int128 numerator, Int128 denominator)
{
  try {
    return {currency, month, rate_of_quotient(numerator, denominator)};
  } catch (const ValidationError& error) {
    throw ValidationError(fmt::format("{} in {}: {}", currency, month.to_string(), error.what()));
  }
}

} // namespace

MonthlyRate parse_monthly_rate(std::string_view text)
{
  if (text == "average") {
    return MonthlyRate::average;
  }
  if (text == "month-end") {
    return MonthlyRate::month_end;
  }
  throw ValidationError(fmt::format("invalid --rate '{}': expected average or month-end", text));
}

std::int64_t parse_quote(std::string_view text)
{
  constexpr std::string_view what = "rate";
  const auto parts = scan_decimal(text, what, Sign::none, "expected a positive decimal such as 1.0876");
  if (parts.has_dot && parts.fraction.empty()) {
    reject_decimal(what, text, "expected a digit after the decimal point");
  }
  if (parts.fraction.size() > static_cast<std::size_t>(quote_decimals)) {
    reject_decimal(what, text, fmt::format("at most {} decimals allowed", quote_decimals));
  }
  const auto integer =
    parts.integer.substr(std::min(parts.integer.find_first_not_of('0'), parts.integer.size()));
  if (integer.size() > static_cast<std::size_t>(quote_integer_digits)) {
    reject_decimal(
      what, text, fmt::format("too large: at most {} digits before the decimal point", quote_integer_digits));
  }
  std::int64_t value = 0; // below 1e15: no overflow
  for (const char c : integer) {
    value = value * 10 + (c - '0');
  }
  for (std::size_t i = 0; i < static_cast<std::size_t>(quote_decimals); ++i) {
    value = value * 10 + (i < parts.fraction.size() ? parts.fraction[i] - '0' : 0);
  }
  if (value == 0) {
    reject_decimal(what, text, "must be greater than zero");
  }
  return value;
}

void EcbQuotes::add(const std::string& currency, const Date& day, std::int64_t scaled)
{
  auto& quotes = m_months[currency][Month::of(day)];
  if (std::find(quotes.days.begin(), quotes.days.end(), day) != quotes.days.end()) {
    throw ValidationError(fmt::format("{} is quoted twice for {}", currency, day.to_string()));
  }
  quotes.sum += scaled;
  if (quotes.days.empty() || quotes.last_day < day) {
    quotes.last_day = day;
    quotes.last = scaled;
  }
  quotes.days.push_back(day);
}

EcbQuotes::Fraction EcbQuotes::quote_of(const MonthQuotes& quotes) const
{
  if (m_method == MonthlyRate::month_end) {
    return {quotes.last, quote_scale};
  }
  return {quotes.sum, Int128{static_cast<std::int64_t>(quotes.days.size())} * quote_scale};
}

MonthlyRates EcbQuotes::rates_in(const std::string& base) const
{
  MonthlyRates result;
  const bool through_eur = base != ecb_reference_currency;
  static const std::map<Month, MonthQuotes> none;
  const auto base_months = m_months.find(base);
  const auto& base_quotes = base_months == m_months.end() ? none : base_months->second;

  std::set<Month> without_base;
  for (const auto& [currency, months] : m_months) {
    if (currency == base) {
      continue;
    }
    for (const auto& [month, quotes] : months) {
      const auto x = quote_of(quotes);
      if (!through_eur) {
        result.rates.push_back(month_rate(currency, month, x.denominator, x.numerator));
        continue;
      }
      const auto base_month = base_quotes.find(month);
      if (base_month == base_quotes.end()) {
        without_base.insert(month);
        continue;
      }
      const auto b = quote_of(base_month->second);
      result.rates.push_back(
        month_rate(currency, month, b.numerator * x.denominator, b.denominator * x.numerator));
    }
  }
  if (through_eur) {
    // 1 EUR = x_B B, in every month that quotes the base currency.
    std::vector<MonthRate> eur;
    for (const auto& [month, quotes] : base_quotes) {
      const auto b = quote_of(quotes);
      eur.push_back(month_rate(std::string(ecb_reference_currency), month, b.numerator, b.denominator));
    }
    const auto at = std::find_if(result.rates.begin(), result.rates.end(), [](const MonthRate& rate) {
      return rate.currency > ecb_reference_currency;
    });
    result.rates.insert(at, eur.begin(), eur.end());
  }
  result.months_without_base.assign(without_base.begin(), without_base.end());
  return result;
}

} // namespace vendorcat::domain
