#include "store/fx.hpp"

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/rate.hpp"
#include "store/import_batches.hpp"
#include "store/reference.hpp"
#include "store/settings.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

std::string rate_base_currency(Catalogue& catalogue)
{
  const auto base = get_setting(catalogue, SettingKey::base_currency);
  if (!base) {
    throw ValidationError("rates are quoted in the base currency, and none is set: run "
                          "'vendorcat config set base-currency CUR' first");
  }
  return *base;
}

FxRate set_fx_rate(Catalogue& catalogue, const std::string& currency, const std::string& month,
                   const std::string& rate)
{
  const auto code = Reference::of(catalogue).currency(currency).code;
  const auto base = rate_base_currency(catalogue);
  if (code == base) {
    throw FieldError("currency", fmt::format("{} is the base currency: its rate is always 1", code));
  }
  const FxRate stored{code, domain::Month::parse(month), domain::Rate::parse(rate)};
  put_fx_rate(catalogue, stored);
  return stored;
}

FxChange put_fx_rate(Catalogue& catalogue, const FxRate& rate)
{
  const auto month = rate.month.to_string();
  const auto text = rate.rate.to_string();
  std::optional<domain::Rate> stored;
  {
    Query existing(connection(catalogue), "SELECT rate FROM fx_rate WHERE currency = ? AND month = ?",
                   rate.currency, month);
    if (existing.next()) {
      stored = domain::Rate::parse(existing.text_view(0));
      existing.reset();
    }
  }
  if (!stored) {
    Query(connection(catalogue), "INSERT INTO fx_rate (currency, month, rate, batch_id) VALUES (?, ?, ?, ?)",
          rate.currency, month, text, current_import_batch(catalogue))
      .run();
    return FxChange::created;
  }
  if (*stored == rate.rate) { // compared as rates: a stored `0.90` equals `0.9`
    return FxChange::unchanged;
  }
  Query(connection(catalogue), "UPDATE fx_rate SET rate = ? WHERE currency = ? AND month = ?", text,
        rate.currency, month)
    .run();
  return FxChange::replaced;
}

std::optional<FxRate> find_fx_rate(Catalogue& catalogue, const std::string& currency,
                                   const std::string& month)
{
  Query query(connection(catalogue),
              "SELECT currency, month, rate FROM fx_rate WHERE currency = ? AND month = ?",
              Reference::of(catalogue).currency(currency).code, domain::Month::parse(month).to_string());
  if (query.next()) {
    FxRate rate{query.text(0), domain::Month::parse(query.text_view(1)),
                domain::Rate::parse(query.text_view(2))};
    query.reset();
    return rate;
  }
  return std::nullopt;
}

std::vector<FxRate> list_fx_rates(Catalogue& catalogue, const std::string& currency)
{
  std::string code;
  if (!currency.empty()) {
    code = Reference::of(catalogue).currency(currency).code;
  }
  Query query(connection(catalogue), code.empty()
                                       ? "SELECT currency, month, rate FROM fx_rate ORDER BY currency, month"
                                       : "SELECT currency, month, rate FROM fx_rate WHERE currency = ? "
                                         "ORDER BY currency, month");
  if (!code.empty()) {
    query.bind(1, code);
  }
  std::vector<FxRate> rates;
  while (query.next()) {
    rates.push_back(
      {query.text(0), domain::Month::parse(query.text_view(1)), domain::Rate::parse(query.text_view(2))});
  }
  return rates;
}

} // namespace vendorcat::store
