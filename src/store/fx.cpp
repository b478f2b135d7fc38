#include "store/fx.hpp"

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/rate.hpp"
#include "store/reference.hpp"
#include "store/settings.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace vendorcat::store {

FxRate set_fx_rate(Catalogue& catalogue, const std::string& currency, const std::string& month,
                   const std::string& rate)
{
  const auto code = Reference::of(catalogue).currency(currency).code;
  const auto base = get_setting(catalogue, SettingKey::base_currency);
  if (!base) {
    throw ValidationError("rates are quoted in the base currency, and none is set: run "
                          "'vendorcat config set base-currency CUR' first");
  }
  if (code == *base) {
    throw FieldError("currency", fmt::format("{} is the base currency: its rate is always 1", code));
  }
  const FxRate stored{code, domain::Month::parse(month).to_string(), domain::Rate::parse(rate).to_string()};
  SQLite::Statement upsert(catalogue.db(),
                           "INSERT INTO fx_rate (currency, month, rate) VALUES (?, ?, ?) "
                           "ON CONFLICT (currency, month) DO UPDATE SET rate = excluded.rate");
  upsert.bind(1, stored.currency);
  upsert.bind(2, stored.month);
  upsert.bind(3, stored.rate);
  upsert.exec();
  return stored;
}

std::optional<FxRate> find_fx_rate(Catalogue& catalogue, const std::string& currency,
                                   const std::string& month)
{
  SQLite::Statement query(catalogue.db(), "SELECT currency, month, rate FROM fx_rate "
                                          "WHERE currency = ? AND month = ?");
  query.bind(1, Reference::of(catalogue).currency(currency).code);
  query.bind(2, domain::Month::parse(month).to_string());
  if (query.executeStep()) {
    return FxRate{query.getColumn(0).getString(), query.getColumn(1).getString(),
                  query.getColumn(2).getString()};
  }
  return std::nullopt;
}

std::vector<FxRate> list_fx_rates(Catalogue& catalogue, const std::string& currency)
{
  std::string code;
  if (!currency.empty()) {
    code = Reference::of(catalogue).currency(currency).code;
  }
  SQLite::Statement query(catalogue.db(), "SELECT currency, month, rate FROM fx_rate "
                                          "WHERE ?1 IS NULL OR currency = ?1 ORDER BY currency, month");
  if (!code.empty()) {
    query.bind(1, code);
  }
  std::vector<FxRate> rates;
  while (query.executeStep()) {
    rates.push_back({query.getColumn(0).getString(), query.getColumn(1).getString(),
                     query.getColumn(2).getString()});
  }
  return rates;
}

} // namespace vendorcat::store
