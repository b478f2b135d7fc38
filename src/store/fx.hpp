#pragma once

// Exchange rates: 1 unit of a currency = RATE units of the base currency, one
// rate per currency and month, exact decimals.

#include "domain/date.hpp"
#include "domain/rate.hpp"
#include "store/catalogue.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vendorcat::store {

struct FxRate
{
  std::string currency;
  domain::Month month;
  domain::Rate rate;
};

// Sets (or replaces) the rate of CURRENCY for MONTH. Throws ValidationError for
// an unknown currency, a bad month or rate, the base currency itself, or a
// catalogue without a base currency.
FxRate set_fx_rate(Catalogue& catalogue, const std::string& currency, const std::string& month,
                   const std::string& rate);

// The stored rate of CURRENCY for MONTH, if any; throws ValidationError for a
// bad currency or month.
std::optional<FxRate> find_fx_rate(Catalogue& catalogue, const std::string& currency,
                                   const std::string& month);

// Rates, optionally of one currency, by currency then month.
std::vector<FxRate> list_fx_rates(Catalogue& catalogue, const std::string& currency);

} // namespace vendorcat::store
