// The ECB's quotes as monthly rates: the mean or the last quote of a month,
// through EUR into the base currency, rounded once. Figures by hand beside
// each assertion.

#include "domain/ecb_rates.hpp"
#include "domain/errors.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat;
using namespace vendorcat::domain;

namespace {

Date day(const char* text)
{
  return Date::parse(text);
}

// The rates as "CUR MONTH RATE" lines, in the order given.
std::vector<std::string> lines(const MonthlyRates& rates)
{
  std::vector<std::string> result;
  for (const auto& rate : rates.rates) {
    result.push_back(rate.currency + " " + rate.month.to_string() + " " + rate.rate.to_string());
  }
  return result;
}

// USD: January 1.04, 1.05 (mean 1.045, last 1.05); February 1.10.
// SEK: January 11.50, 11.54 (mean 11.52, last 11.54); no quote in February.
EcbQuotes sample(MonthlyRate method)
{
  EcbQuotes quotes(method);
  quotes.add("USD", day("2025-01-31"), parse_quote("1.05")); // newest first, as in the file
  quotes.add("USD", day("2025-01-30"), parse_quote("1.04"));
  quotes.add("USD", day("2025-02-03"), parse_quote("1.1"));
  quotes.add("SEK", day("2025-01-31"), parse_quote("11.54"));
  quotes.add("SEK", day("2025-01-30"), parse_quote("11.50"));
  return quotes;
}

} // namespace

TEST(ParseQuote, ReadsTheEcbsDecimalsExactly)
{
  EXPECT_EQ(parse_quote("1.0876"), 1'087'600);
  EXPECT_EQ(parse_quote("163.45"), 163'450'000);
  EXPECT_EQ(parse_quote("17123"), 17'123'000'000);
  EXPECT_EQ(parse_quote("0.000001"), 1);
  EXPECT_EQ(parse_quote("999999999.999999"), 999'999'999'999'999);
  for (const char* bad : {"", "N/A", "-1.2", "+1.2", "1,2", "1.", ".5", "1e3", "0", "0.000", "1.0000001",
                          "1000000000", " 1.2"}) {
    EXPECT_THROW(parse_quote(bad), ValidationError) << bad;
  }
}

TEST(ParseMonthlyRate, AverageOrMonthEnd)
{
  EXPECT_EQ(parse_monthly_rate("average"), MonthlyRate::average);
  EXPECT_EQ(parse_monthly_rate("month-end"), MonthlyRate::month_end);
  EXPECT_THROW(parse_monthly_rate("mean"), ValidationError);
}

TEST(EcbQuotes, InEurEachRateIsOneOverTheMonthsMean)
{
  // USD 2025-01: 1 / 1.045 = 200/209 = 0.95693779904... -> 0.9569377990
  // USD 2025-02: 1 / 1.1 = 0.909090909090... -> 0.9090909091
  // SEK 2025-01: 1 / 11.52 = 0.086805555... -> 0.0868055556 (10 decimals: 9 digits)
  const auto rates = sample(MonthlyRate::average).rates_in("EUR");
  EXPECT_EQ(lines(rates), (std::vector<std::string>{"SEK 2025-01 0.0868055556", "USD 2025-01 0.956937799",
                                                    "USD 2025-02 0.9090909091"}));
  EXPECT_TRUE(rates.months_without_base.empty());
}

TEST(EcbQuotes, MonthEndTakesTheLastDayQuoted)
{
  // USD 2025-01: 1 / 1.05 = 0.952380952380... -> 0.9523809524
  // SEK 2025-01: 1 / 11.54 = 0.0866551126516... -> 0.0866551127
  const auto rates = sample(MonthlyRate::month_end).rates_in("EUR");
  EXPECT_EQ(lines(rates), (std::vector<std::string>{"SEK 2025-01 0.0866551127", "USD 2025-01 0.9523809524",
                                                    "USD 2025-02 0.9090909091"}));
}

TEST(EcbQuotes, AnotherBaseGoesThroughEurWithTheSameMonthsQuotes)
{
  // Base SEK, average: 1 USD = 11.52 / 1.045 = 11.0239234449... -> 11.02392344;
  // 1 EUR = 11.52. February has no SEK quote: no rate, and the month is named.
  const auto rates = sample(MonthlyRate::average).rates_in("SEK");
  EXPECT_EQ(lines(rates), (std::vector<std::string>{"EUR 2025-01 11.52", "USD 2025-01 11.02392344"}));
  ASSERT_EQ(rates.months_without_base.size(), 1u);
  EXPECT_EQ(rates.months_without_base[0].to_string(), "2025-02");

  // Month-end: 1 USD = 11.54 / 1.05 = 10.990476190476... -> 10.99047619; 1 EUR = 11.54.
  EXPECT_EQ(lines(sample(MonthlyRate::month_end).rates_in("SEK")),
            (std::vector<std::string>{"EUR 2025-01 11.54", "USD 2025-01 10.99047619"}));
}

TEST(EcbQuotes, TheBaseCurrencyGetsNoRateAndADayCountsOnce)
{
  auto quotes = sample(MonthlyRate::average);
  EXPECT_EQ(lines(quotes.rates_in("USD")).front(), "EUR 2025-01 1.045");
  EXPECT_THROW(quotes.add("USD", day("2025-01-30"), parse_quote("1.2")), ValidationError);
  EXPECT_TRUE(quotes.has("USD"));
  EXPECT_FALSE(quotes.has("GBP"));
}

TEST(EcbQuotes, ARateOutOfRangeNamesItsCurrencyAndMonth)
{
  EcbQuotes quotes(MonthlyRate::average);
  quotes.add("XXX", day("2025-01-02"), parse_quote("999999999")); // 1 XXX = 0.000000001 EUR: kept
  EXPECT_EQ(lines(quotes.rates_in("EUR")), (std::vector<std::string>{"XXX 2025-01 0.000000001"}));
  EcbQuotes tiny(MonthlyRate::average);
  tiny.add("USD", day("2025-01-02"), parse_quote("1"));
  tiny.add("XXX", day("2025-01-02"), parse_quote("0.000001")); // 1 XXX = 1,000,000 USD: kept
  EXPECT_EQ(lines(tiny.rates_in("USD")).back(), "XXX 2025-01 1000000");
  EcbQuotes huge(MonthlyRate::average);
  huge.add("USD", day("2025-01-02"), parse_quote("999999999"));
  huge.add("XXX", day("2025-01-02"), parse_quote("0.000001")); // 1 XXX = 10^15 USD: too large
  try {
    huge.rates_in("USD");
    FAIL() << "a rate of 10^15 was accepted";
  } catch (const ValidationError& error) {
    EXPECT_NE(std::string(error.what()).find("XXX in 2025-01"), std::string::npos) << error.what();
  }
}
