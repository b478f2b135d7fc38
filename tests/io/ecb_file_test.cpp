// Reading the ECB's eurofxref-hist.csv: its header and trailing comma, N/A,
// skipped codes, and a one-line error naming file, line and column for every
// kind of bad file.

#include "domain/errors.hpp"
#include "io/ecb_file.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

using namespace vendorcat;

namespace {

bool known(std::string_view code)
{
  return code != "HRK" && code != "CYP";
}

io::EcbFile read(const std::string& text, domain::MonthlyRate method = domain::MonthlyRate::average)
{
  std::istringstream in(text);
  return io::read_ecb_file(in, "ecb.csv", method, known);
}

// The error of reading TEXT, or "" when it reads.
std::string error_of(const std::string& text)
{
  try {
    read(text);
  } catch (const ValidationError& error) {
    return error.what();
  }
  return "";
}

} // namespace

TEST(EcbFile, ReadsTheEcbsFormat)
{
  const auto file = read("Date,USD,HRK,JPY,\n"
                         "2025-02-03,1.1,7.5345,N/A,\n"
                         "2025-01-31,1.05,7.5345,160,\n"
                         "2025-01-30,1.04,7.5345,,\n");
  EXPECT_EQ(file.currencies, (std::vector<std::string>{"USD", "JPY"}));
  EXPECT_EQ(file.skipped, (std::vector<std::string>{"HRK"}));
  EXPECT_EQ(file.days, 3u);
  const auto rates = io::ecb_rates_in(file, "EUR").rates;
  ASSERT_EQ(rates.size(), 3u);
  EXPECT_EQ(rates[0].currency, "JPY"); // 1 / 160 = 0.00625
  EXPECT_EQ(rates[0].rate.to_string(), "0.00625");
  EXPECT_EQ(rates[1].rate.to_string(), "0.956937799");  // 1 / 1.045
  EXPECT_EQ(rates[2].rate.to_string(), "0.9090909091"); // 1 / 1.1
}

TEST(EcbFile, HeaderNamesInAnyCaseAndWithoutTheTrailingComma)
{
  const auto file = read("date, usd\r\n2025-01-30,1.25\r\n");
  EXPECT_EQ(file.currencies, (std::vector<std::string>{"USD"}));
  EXPECT_EQ(io::ecb_rates_in(file, "EUR").rates.at(0).rate.to_string(), "0.8");
}

TEST(EcbFile, EveryBadFileIsOneLineNamingFileLineAndColumn)
{
  EXPECT_EQ(
    error_of("Day,USD,\n2025-01-30,1.25,\n"),
    "ecb.csv:1: no Date column: expected the ECB's eurofxref-hist.csv, whose header is Date,USD,JPY,...");
  EXPECT_EQ(error_of("Date,US Dollar,\n"),
            "ecb.csv:1: column 'US Dollar' is not a currency code (three letters, ISO 4217)");
  EXPECT_EQ(error_of("Date,EUR,\n").substr(0, 24), "ecb.csv:1: column 'EUR':");
  EXPECT_EQ(error_of("Date,USD,\n2025-01-30,1.25,\n30.01.2025,1.25,\n"),
            "ecb.csv:3: Date: invalid date '30.01.2025': expected YYYY-MM-DD");
  EXPECT_EQ(error_of("Date,USD,\n2025-01-30,1.25,\n2025-01-30,1.26,\n"),
            "ecb.csv:3: Date: 2025-01-30 appears twice, first on line 2");
  EXPECT_EQ(error_of("Date,USD,JPY,\n2025-01-30,1.25,1,5,\n").substr(0, 19), "ecb.csv:2: 5 fields");
  EXPECT_EQ(
    error_of("Date,USD,JPY,\n2025-01-30,1.25,x,\n2025-01-31,-1,160,\n"),
    "ecb.csv:2: JPY: invalid rate 'x': expected a positive decimal such as 1.0876 (and 1 more error)");
  EXPECT_EQ(error_of("Date,USD,\n"), "ecb.csv: no rates to import: the file has no dates");
  EXPECT_EQ(error_of("Date,HRK,\n2025-01-30,7.5,\n"),
            "ecb.csv: no rates to import: the file has no currency the catalogue knows");
}

TEST(EcbFile, ABaseCurrencyOtherThanEurNeedsItsColumn)
{
  const auto file = read("Date,USD,\n2025-01-30,1.25,\n");
  try {
    io::ecb_rates_in(file, "SEK");
    FAIL() << "rates in SEK without SEK quotes";
  } catch (const ValidationError& error) {
    EXPECT_EQ(std::string(error.what()), "ecb.csv:1: no SEK column: rates in the base currency SEK are "
                                         "converted through EUR and need its quotes");
  }
  const auto all_na = read("Date,USD,\n2025-01-30,N/A,\n");
  EXPECT_THROW(io::ecb_rates_in(all_na, "EUR"), ValidationError);
}
