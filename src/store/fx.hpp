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

// What writing a rate did.
enum class FxChange
{
  created,   // there was none for the currency and month
  replaced,  // a different one was there
  unchanged, // the same one was there
};

// The base currency that rates are quoted in; throws ValidationError (with
// the command that sets it) when the catalogue has none.
std::string rate_base_currency(Catalogue& catalogue);

// Writes RATE (its currency an upper-case code of the catalogue's list other
// than the base currency, as set_fx_rate checks), replacing the month's
// rate; a new one belongs to the current import batch. Throws DatabaseError
// when the write fails.
FxChange put_fx_rate(Catalogue& catalogue, const FxRate& rate);

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
