#pragma once

// The European Central Bank's daily reference rates (1 EUR = x CUR) turned
// into one rate per currency and month in a base currency (1 CUR = RATE base
// units), exactly: the month's mean or last quote as a fraction, the
// conversion through EUR as a fraction, rounded once by rate_of_quotient.

#include "domain/date.hpp"
#include "domain/rate.hpp"
#include "domain/rounding.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::domain {

// How a month's daily quotes become its one rate.
enum class MonthlyRate
{
  average,   // the mean of the days quoted
  month_end, // the last day quoted
};

// `average` or `month-end`; throws ValidationError for anything else.
MonthlyRate parse_monthly_rate(std::string_view text);

// The currency the ECB quotes against.
inline constexpr std::string_view ecb_reference_currency = "EUR";

// A quote of the ECB's file (`1.0876`, `163.45`): a positive plain decimal
// with at most quote_decimals decimals and quote_integer_digits digits before
// the point, as a count of 1e-6 units (1.0876 is 1'087'600). Throws
// ValidationError naming the value otherwise.
std::int64_t parse_quote(std::string_view text);

inline constexpr int quote_decimals = 6;
inline constexpr int quote_integer_digits = 9;

// One month's rate of a currency in the base currency.
struct MonthRate
{
  std::string currency;
  Month month;
  Rate rate;
};

// What rates_in() gives: the rates by currency, then month; and the months
// that have quotes but none of the base currency, so none of their rates
// can be expressed in it (always empty with base EUR).
struct MonthlyRates
{
  std::vector<MonthRate> rates;
  std::vector<Month> months_without_base;
};

// The quotes of a file, collected day by day in any order, aggregated per
// currency and month as they come.
class EcbQuotes
{
public:
  // Collects quotes to be aggregated by METHOD; never fails.
  explicit EcbQuotes(MonthlyRate method) : m_method(method) {}

  // Adds the quote of CURRENCY (an upper-case code) on DAY, as parse_quote
  // gives it: 1 EUR = SCALED / 1e6 CURRENCY. Throws ValidationError when
  // CURRENCY has a quote on DAY already.
  void add(const std::string& currency, const Date& day, std::int64_t scaled);

  // Whether CURRENCY has at least one quote; never fails.
  bool has(std::string_view currency) const { return m_months.find(currency) != m_months.end(); }

  // One rate per currency and month in BASE (an upper-case code): with base
  // EUR, 1 CUR = 1 / x EUR; with another base B, 1 CUR = x_B / x_CUR B from
  // the same month's aggregated quotes, and 1 EUR = x_B B. The base
  // currency itself gets no rate. Throws ValidationError when a rate is out
  // of the range a Rate holds.
  MonthlyRates rates_in(const std::string& base) const;

private:
  // A currency's quotes in one month, as far as METHOD needs them.
  struct MonthQuotes
  {
    Int128 sum = 0;         // of the quotes, in 1e-6 units
    std::vector<Date> days; // quoted, in the order added
    Date last_day;
    std::int64_t last = 0; // the quote on last_day
  };

  // The aggregated quote x = numerator / denominator.
  struct Fraction
  {
    Int128 numerator;
    Int128 denominator;
  };

  Fraction quote_of(const MonthQuotes& quotes) const;

  MonthlyRate m_method;
  std::map<std::string, std::map<Month, MonthQuotes>, std::less<>> m_months;
};

} // namespace vendorcat::domain
