// The unit-cost report (report/unit_cost.hpp) on an in-memory catalogue:
// the cases of vs_onshore the end-to-end scenario does not reach (an
// onshore row without a positive unit cost), the columns with and without
// the model, and the table's cells.

#include "report/unit_cost.hpp"
#include "store/volumes.hpp"
#include "support/catalogue_fixture.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

using namespace vendorcat;

namespace {

// ON (FI, onshore), NEAR (EE, nearshore) and OFF (IN, offshore), all EUR,
// each with SPEND in 2025-01 and an FTE volume of QUANTITY that month.
store::Catalogue three_models(const std::string& on_spend, const std::string& on_fte)
{
  auto catalogue = test::migrated_catalogue();
  store::WriteTransaction transaction(catalogue);
  test::add_provider(catalogue, "Acme Oy", "FI");
  const std::vector<std::tuple<std::string, std::string, std::string, std::string>> engagements{
    {"ON", "FI", on_spend, on_fte}, {"NEAR", "EE", "3000.00", "1"}, {"OFF", "IN", "2000.00", "1"}};
  for (const auto& [ref, country, amount, fte] : engagements) {
    test::add_engagement(catalogue, ref, "Acme Oy", "payroll", country, "EUR");
    store::add_spend(catalogue, ref, "2025-01-10", amount, std::nullopt, std::nullopt);
    store::set_volume(catalogue, store::check_volume(catalogue, ref, "2025-01", fte, "fte"));
  }
  transaction.commit();
  return catalogue;
}

report::UnitCostOptions by_model()
{
  report::UnitCostOptions options;
  options.spend.by = {store::SpendDimension::model};
  options.spend.period = domain::Granularity::all;
  return options;
}

std::vector<std::string> keys_of(const std::vector<table::Column>& columns)
{
  std::vector<std::string> keys;
  for (const auto& column : columns) {
    keys.push_back(column.key);
  }
  return keys;
}

} // namespace

TEST(UnitCost, EachModelAgainstOnshore)
{
  auto catalogue = three_models("6000.00", "1");
  const auto report = report::compute_unit_cost_report(catalogue, by_model());
  ASSERT_EQ(report.rows.size(), 3U); // nearshore, offshore, onshore
  EXPECT_EQ(report.rows[0].unit_cost, 300000);
  EXPECT_EQ(report.rows[0].vs_onshore, 5000); // 3000.00 / 6000.00
  EXPECT_EQ(report.rows[1].vs_onshore, 3333); // 2000.00 / 6000.00 = 0.33333...
  EXPECT_EQ(report.rows[2].vs_onshore, 10000);
  const auto table = report::unit_cost_table(report);
  EXPECT_EQ(keys_of(table.columns),
            (std::vector<std::string>{"period", "model", "amount", "currency", "quantity", "unit",
                                      "unit_cost", "vs_onshore"}));
  EXPECT_EQ(std::get<double>(table.rows[1][7]), 0.3333);
  EXPECT_EQ(std::get<std::string>(table.rows[1][6]), "2000.00");
}

TEST(UnitCost, NoOnshoreUnitCostMeansNoComparison)
{
  // A quantity of 0: no unit cost onshore, and nothing to set the others against.
  auto zero = three_models("6000.00", "0");
  const auto without = report::compute_unit_cost_report(zero, by_model());
  ASSERT_EQ(without.rows.size(), 3U);
  EXPECT_FALSE(without.rows[2].unit_cost);
  for (const auto& row : without.rows) {
    EXPECT_FALSE(row.vs_onshore) << row.dimensions[0];
  }
  const auto table = report::unit_cost_table(without);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[2][6]));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[0][7]));
  // A credit note larger than the invoices: a negative unit cost is no base either.
  auto credit = three_models("-500.00", "1");
  const auto negative = report::compute_unit_cost_report(credit, by_model());
  EXPECT_EQ(negative.rows[2].unit_cost, -50000);
  for (const auto& row : negative.rows) {
    EXPECT_FALSE(row.vs_onshore) << row.dimensions[0];
  }
}

TEST(UnitCost, WithoutTheModelThereIsNoVsOnshore)
{
  auto catalogue = three_models("6000.00", "1");
  auto options = by_model();
  options.spend.by = {store::SpendDimension::type};
  const auto report = report::compute_unit_cost_report(catalogue, options);
  EXPECT_FALSE(report.compares_onshore);
  EXPECT_EQ(
    keys_of(report::unit_cost_columns(report)),
    (std::vector<std::string>{"period", "type", "amount", "currency", "quantity", "unit", "unit_cost"}));
  ASSERT_EQ(report.rows.size(), 1U);
  EXPECT_EQ(report.rows[0].amount, 1100000); // 6000 + 3000 + 2000
  EXPECT_EQ(report.rows[0].quantity, 3000);
  EXPECT_EQ(report.rows[0].unit_cost, 366667); // 11000.00 / 3 = 3666.666... -> 3666.67
  // Another unit: no volume, no row.
  options.unit = domain::VolumeUnit::cases;
  EXPECT_TRUE(report::compute_unit_cost_report(catalogue, options).rows.empty());
}
