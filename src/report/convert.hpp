#pragma once

// The one conversion of spend into a target currency, shared by every report
// that adds up money in more than one currency. A line in the target currency
// is added as it is; any other line goes to the base currency with its own
// month's rate (a line in the base currency needs none), and from there, when
// the target is not the base currency, into the target with the target's rate
// of the same month. Sums stay exact (domain::ExactSum) until the caller
// rounds them once.

#include "domain/date.hpp"
#include "domain/rate.hpp"
#include "domain/rounding.hpp"
#include "store/catalogue.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace vendorcat::report {

// An exact sum on its way into one target currency.
struct ConvertedSum
{
  domain::ExactSum direct;                        // in the target currency
  std::map<domain::Month, domain::ExactSum> base; // per month in the base currency, until finish()
};

class Converter
{
public:
  // Reads the base currency and every rate once.
  explicit Converter(store::Catalogue& catalogue);

  // The catalogue's base currency, if set.
  const std::optional<std::string>& base_currency() const { return m_base; }

  // The minor digits of CURRENCY (cached); throws NotFound for an unknown one.
  int digits(std::string_view currency);

  // Adds AMOUNT (minor units of CURRENCY, spent in MONTH) to SUM, which is
  // kept for TARGET. A missing rate is recorded for check(), not thrown.
  void add(ConvertedSum& sum, std::string_view target, std::string_view currency, const domain::Month& month,
           std::int64_t amount);

  // Converts what SUM holds in the base currency into TARGET with TARGET's
  // rate of each month and adds it to SUM.direct; records missing rates.
  void finish(ConvertedSum& sum, std::string_view target);

  // Throws one ValidationError listing every missing (currency, month) rate
  // met so far; does nothing when none was.
  void check() const;

private:
  const domain::Rate* rate_of(std::string_view currency, const domain::Month& month) const;

  store::Catalogue& m_catalogue;
  std::optional<std::string> m_base;
  std::map<std::string, std::map<domain::Month, domain::Rate>, std::less<>> m_rates;
  std::map<std::string, int, std::less<>> m_digits;
  std::set<std::pair<std::string, domain::Month>> m_missing;
};

} // namespace vendorcat::report
