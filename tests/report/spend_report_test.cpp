#include "domain/errors.hpp"
#include "report/spend_report.hpp"
#include "support/catalogue_fixture.hpp"

#include <gtest/gtest.h>

using namespace vendorcat;

namespace {

report::SpendReportOptions by_type(domain::Granularity period)
{
  report::SpendReportOptions options;
  options.period = period;
  return options;
}

} // namespace

// Two currencies over three months where rounding each line and rounding
// each cell once give different figures: the report rounds once per cell.
TEST(SpendReport, RoundsOncePerCellNotPerLine)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Manila Voice", "PH");
  test::add_engagement(catalogue, "E-USD", "Manila Voice", "customer-service", "PH", "USD"); // BPO
  test::add_engagement(catalogue, "E-SEK", "Manila Voice", "market-research", "PH", "SEK");  // KPO
  for (const char* month : {"2025-01", "2025-02", "2025-03"}) {
    store::set_fx_rate(catalogue, "USD", month, "0.8555");
    store::set_fx_rate(catalogue, "SEK", month, "0.09");
    store::add_spend(catalogue, "E-USD", std::string(month) + "-10", "1.00", std::nullopt, std::nullopt);
    store::add_spend(catalogue, "E-SEK", std::string(month) + "-10", "0.05", std::nullopt, std::nullopt);
  }
  const auto report = report::compute_spend_report(catalogue, by_type(domain::Granularity::quarter));
  ASSERT_EQ(report.rows.size(), 2u);
  // BPO: 3 x 1.00 USD x 0.8555 = 2.5665 EUR -> 2.57 (per line: 3 x 0.86 = 2.58).
  EXPECT_EQ(report.rows[0].dimensions, std::vector<std::string>{"BPO"});
  EXPECT_EQ(report.rows[0].amount, 257);
  EXPECT_EQ(report.rows[0].lines, 3);
  // KPO: 3 x 0.05 SEK x 0.09 = 0.0135 EUR -> 0.01 (per line: 3 x 0.00 = 0.00).
  EXPECT_EQ(report.rows[1].amount, 1);
  // Shares of the period total 2.58: 2.57 / 2.58 and 0.01 / 2.58.
  EXPECT_DOUBLE_EQ(report.rows[0].share, 0.9961);
  EXPECT_DOUBLE_EQ(report.rows[1].share, 0.0039);
}

TEST(SpendReport, HalfAnEvenCentRoundsToEven)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Manila Voice", "PH");
  test::add_engagement(catalogue, "E-USD", "Manila Voice", "customer-service", "PH", "USD");
  store::set_fx_rate(catalogue, "USD", "2025-01", "0.5");
  // 0.05 USD x 0.5 = 0.025 EUR -> 0.02 (half to even), 0.07 x 0.5 = 0.035 -> 0.04.
  store::add_spend(catalogue, "E-USD", "2025-01-10", "0.05", std::nullopt, std::nullopt);
  auto report = report::compute_spend_report(catalogue, by_type(domain::Granularity::month));
  EXPECT_EQ(report.rows.at(0).amount, 2);
  store::add_spend(catalogue, "E-USD", "2025-01-11", "0.02", std::nullopt, std::nullopt);
  report = report::compute_spend_report(catalogue, by_type(domain::Granularity::month));
  EXPECT_EQ(report.rows.at(0).amount, 4);
}

TEST(SpendReport, LinesInTheReportCurrencyAreNeverConverted)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Manila Voice", "PH");
  test::add_engagement(catalogue, "E-USD", "Manila Voice", "customer-service", "PH", "USD");
  store::add_spend(catalogue, "E-USD", "2025-01-10", "123.45", std::nullopt, std::nullopt);
  // No USD rate exists, and none is needed for a report in USD.
  auto options = by_type(domain::Granularity::year);
  options.currency = "usd";
  const auto report = report::compute_spend_report(catalogue, options);
  EXPECT_EQ(report.currency, "USD");
  EXPECT_EQ(report.rows.at(0).amount, 12345);
}

TEST(SpendReport, ConvertsThroughTheBaseCurrencyIntoAnother)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Manila Voice", "PH");
  test::add_engagement(catalogue, "E-SEK", "Manila Voice", "customer-service", "PH", "SEK");
  test::add_engagement(catalogue, "E-EUR", "Manila Voice", "payroll", "PH", "EUR");
  store::set_fx_rate(catalogue, "SEK", "2025-01", "0.09");
  store::set_fx_rate(catalogue, "USD", "2025-01", "0.9");
  store::add_spend(catalogue, "E-SEK", "2025-01-10", "1000.00", std::nullopt, std::nullopt);
  store::add_spend(catalogue, "E-EUR", "2025-01-10", "90.00", std::nullopt, std::nullopt);
  auto options = by_type(domain::Granularity::all);
  options.currency = "USD";
  const auto report = report::compute_spend_report(catalogue, options);
  // (1000 SEK x 0.09 + 90 EUR) / 0.9 = 180 / 0.9 = 200.00 USD.
  ASSERT_EQ(report.rows.size(), 1u);
  EXPECT_EQ(report.rows[0].amount, 20000);
}

TEST(SpendReport, MissingRatesAreAllNamedInOneError)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Manila Voice", "PH");
  test::add_engagement(catalogue, "E-USD", "Manila Voice", "customer-service", "PH", "USD");
  test::add_engagement(catalogue, "E-GBP", "Manila Voice", "payroll", "PH", "GBP");
  store::set_fx_rate(catalogue, "USD", "2025-02", "0.9");
  for (const char* date : {"2025-01-10", "2025-02-10", "2025-03-10"}) {
    store::add_spend(catalogue, "E-USD", date, "10.00", std::nullopt, std::nullopt);
    store::add_spend(catalogue, "E-GBP", date, "10.00", std::nullopt, std::nullopt);
  }
  try {
    report::compute_spend_report(catalogue, by_type(domain::Granularity::quarter));
    FAIL() << "missing rates must be an error";
  } catch (const ValidationError& error) {
    const std::string message = error.what();
    for (const char* missing : {"USD 2025-01", "USD 2025-03", "GBP 2025-01", "GBP 2025-02", "GBP 2025-03"}) {
      EXPECT_NE(message.find(missing), std::string::npos) << missing << " in " << message;
    }
    EXPECT_EQ(message.find("USD 2025-02"), std::string::npos) << message;
  }
}

TEST(SpendReport, PartialMonthsAtTheEdgesAreExactToTheDay)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Tallinn Ops", "EE");
  test::add_engagement(catalogue, "E-1", "Tallinn Ops", "payroll", "EE", "EUR");
  for (const char* date : {"2025-01-14", "2025-01-15", "2025-02-10", "2025-03-20", "2025-03-21"}) {
    store::add_spend(catalogue, "E-1", date, "1.00", std::nullopt, std::nullopt);
  }
  auto options = by_type(domain::Granularity::all);
  options.from = "2025-01-15";
  options.to = "2025-03-20";
  const auto report = report::compute_spend_report(catalogue, options);
  ASSERT_EQ(report.rows.size(), 1u);
  EXPECT_EQ(report.rows[0].amount, 300);
  EXPECT_EQ(report.rows[0].lines, 3);
}

TEST(SpendReport, TableAddsATotalRowPerPeriod)
{
  report::SpendReport report;
  report.by = {store::SpendDimension::type};
  report.currency = "EUR";
  report.rows = {{"2025-Q1", {"BPO"}, 1200000, 3, 0.75},
                 {"2025-Q1", {"KPO"}, 400000, 1, 0.25},
                 {"2025-Q2", {"BPO"}, 100, 1, 1.0}};
  // The exact Q1 total rounds to 16000.01 while its rounded rows add up to 16000.00:
  // the total row is a cell of its own, rounded once.
  report.period_totals = {{"2025-Q1", 1600001}, {"2025-Q2", 100}};
  const auto table = report::spend_report_table(report, report::Totals::yes);
  ASSERT_EQ(table.rows.size(), 5u);
  EXPECT_EQ(std::get<std::string>(table.rows[2][1]), "total");
  EXPECT_EQ(std::get<std::string>(table.rows[2][2]), "16000.01");
  EXPECT_EQ(std::get<std::int64_t>(table.rows[2][4]), 4);
  EXPECT_EQ(std::get<std::string>(table.rows[4][2]), "1.00");
  EXPECT_EQ(report::spend_report_table(report, report::Totals::no).rows.size(), 3u);
}
