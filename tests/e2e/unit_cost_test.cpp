// End-to-end scenarios for `report unit-cost`: an onshore, a nearshore and
// two offshore engagements, spend in EUR (the base currency) and USD, FTE
// volumes. Every figure is computed by hand below.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

using Json = nlohmann::ordered_json;
using Rows = std::vector<std::string>;

// Home country FI, base currency EUR. USD rates (1 USD = RATE EUR): 2025-01 0.9, 02 0.92,
// 03 0.95, 04 0.9, 05 0.88, 06 0.85; none for 2025-07 or 2025-08.
//
// ref     from  model      cur  spend                          FTE
// ON-1    FI    onshore    EUR  01 12000.00                    01 2
//                               02 12600.00                    02 2.1
//                               03 13000.00 (no FTE: 300 hours)
//                               04 12400.00                    04 2
//                               05 12500.00 and -100.00        05 2
//                                                              06 2 (no spend yet)
// NEAR-1  EE    nearshore  EUR  01 7000.00                     01 2
//                               02 7100.00                     02 2
//                               03 7200.00                     03 2.5
//                               04 3000.00 (a retainer)        04 0 (paused)
// OFF-1   PH    offshore   USD  01 5000.00 x 0.9  = 4500.00    01 2.5
//                               02 5000.00 x 0.92 = 4600.00    02 2.5
//                               03 5200.00 x 0.95 = 4940.00    03 2.6
//                               04 5333.33 x 0.9  = 4799.997   04 2.5
//                               05 5333.33 x 0.88 = 4693.3304  05 2.5
//                               06 5000.00 (no volume: left out)
//                               08 100.00 (no rate, no volume: never converted)
// OFF-2   IN    offshore   EUR  02 3000.00                     02 2
// RES-1   FI    onshore    EUR  01 1000.00 (KPO research, no volume: no row)
//
// By model and quarter, only the months with an FTE volume:
// 2025-Q1 nearshore  7000 + 7100 + 7200 = 21300.00 / 6.5 = 3276.923... -> 3276.92;
//                    vs onshore 3276.92 / 6000.00 = 0.546153... -> 0.5462
// 2025-Q1 offshore   4500 + 4600 + 4940 + 3000 = 17040.00 / (2.5 + 2.5 + 2.6 + 2) = 9.6
//                    = 1775.00; vs onshore 1775.00 / 6000.00 = 0.295833... -> 0.2958
// 2025-Q1 onshore    12000 + 12600 = 24600.00 (March left out) / 4.1 = 6000.00; vs onshore 1
// 2025-Q2 nearshore  3000.00 / 0: no unit cost, no vs_onshore
// 2025-Q2 offshore   4799.997 + 4693.3304 = 9493.3274 -> 9493.33 (rounded once) / 5
//                    = 1898.666 -> 1898.67; vs onshore 1898.67 / 4133.33 = 0.459355... -> 0.4594
// 2025-Q2 onshore    12400 + 12400 (+ June's volume, no spend) = 24800.00 / 6 = 4133.333... ->
//                    4133.33; vs onshore 1
class UnitCostE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    for (const auto& [month, rate] : std::vector<std::pair<std::string, std::string>>{{"2025-01", "0.9"},
                                                                                      {"2025-02", "0.92"},
                                                                                      {"2025-03", "0.95"},
                                                                                      {"2025-04", "0.9"},
                                                                                      {"2025-05", "0.88"},
                                                                                      {"2025-06", "0.85"}}) {
      cli.ok({"fx", "set", "USD", month, rate});
    }
    cli.ok({"provider", "add", "Helsinki Ops Oy", "--country", "FI"});
    cli.ok({"provider", "add", "Tallinn Ops OÜ", "--country", "EE"});
    cli.ok({"provider", "add", "Manila Ops Inc", "--country", "PH"});
    engagement("ON-1", "Helsinki Ops Oy", "customer-service", "FI", "EUR");
    engagement("NEAR-1", "Tallinn Ops OÜ", "customer-service", "EE", "EUR");
    engagement("OFF-1", "Manila Ops Inc", "customer-service", "PH", "USD");
    engagement("OFF-2", "Manila Ops Inc", "technical-support", "IN", "EUR");
    engagement("RES-1", "Helsinki Ops Oy", "market-research", "FI", "EUR");
    spend("ON-1", {{"2025-01-15", "12000.00"},
                   {"2025-02-15", "12600.00"},
                   {"2025-03-15", "13000.00"},
                   {"2025-04-15", "12400.00"},
                   {"2025-05-15", "12500.00"},
                   {"2025-05-28", "-100.00"}});
    spend("NEAR-1", {{"2025-01-31", "7000.00"},
                     {"2025-02-28", "7100.00"},
                     {"2025-03-31", "7200.00"},
                     {"2025-04-30", "3000.00"}});
    spend("OFF-1", {{"2025-01-10", "5000.00"},
                    {"2025-02-10", "5000.00"},
                    {"2025-03-10", "5200.00"},
                    {"2025-04-10", "5333.33"},
                    {"2025-05-10", "5333.33"},
                    {"2025-06-10", "5000.00"},
                    {"2025-08-10", "100.00"}});
    spend("OFF-2", {{"2025-02-20", "3000.00"}});
    spend("RES-1", {{"2025-01-20", "1000.00"}});
    fte("ON-1", {{"2025-01", "2"}, {"2025-02", "2.1"}, {"2025-04", "2"}, {"2025-05", "2"}, {"2025-06", "2"}});
    cli.ok({"volume", "set", "ON-1", "2025-03", "300", "--unit", "hours"});
    fte("NEAR-1", {{"2025-01", "2"}, {"2025-02", "2"}, {"2025-03", "2.5"}, {"2025-04", "0"}});
    fte("OFF-1",
        {{"2025-01", "2.5"}, {"2025-02", "2.5"}, {"2025-03", "2.6"}, {"2025-04", "2.5"}, {"2025-05", "2.5"}});
    fte("OFF-2", {{"2025-02", "2"}});
  }

  void engagement(const std::string& ref, const std::string& provider, const std::string& service,
                  const std::string& country, const std::string& currency) const
  {
    cli.ok({"engagement", "add", ref, "--provider", provider, "--service", service, "--delivery-country",
            country, "--start", "2025-01-01", "--currency", currency});
  }

  void spend(const std::string& ref, const std::vector<std::pair<std::string, std::string>>& lines) const
  {
    for (const auto& [date, amount] : lines) {
      cli.ok({"spend", "add", ref, "--date", date, "--amount", amount});
    }
  }

  void fte(const std::string& ref, const std::vector<std::pair<std::string, std::string>>& months) const
  {
    for (const auto& [month, quantity] : months) {
      cli.ok({"volume", "set", ref, month, quantity, "--unit", "fte"});
    }
  }

  // Each row as "period dimensions... amount quantity unit_cost vs_onshore", null as "-".
  static Rows rows_of(const Json& rows)
  {
    Rows found;
    for (const auto& row : rows) {
      std::string text;
      for (const auto& item : row.items()) {
        if (item.key() == "currency" || item.key() == "unit") {
          continue;
        }
        const auto& value = item.value();
        const auto cell = value.is_null()     ? std::string("-")
                          : value.is_string() ? value.get<std::string>()
                                              : value.dump();
        text += (text.empty() ? "" : " ") + cell;
      }
      found.push_back(text);
    }
    return found;
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST_F(UnitCostE2E, ByModelPerQuarterEveryFigureAsComputedByHand)
{
  const auto rows =
    cli.json({"report", "unit-cost", "--by", "model", "--period", "quarter", "--unit", "fte"});
  EXPECT_EQ(
    rows_of(rows),
    (Rows{"2025-Q1 nearshore 21300.00 6.5 3276.92 0.5462", "2025-Q1 offshore 17040.00 9.6 1775.00 0.2958",
          "2025-Q1 onshore 24600.00 4.1 6000.00 1.0", "2025-Q2 nearshore 3000.00 0 - -",
          "2025-Q2 offshore 9493.33 5 1898.67 0.4594", "2025-Q2 onshore 24800.00 6 4133.33 1.0"}));
  ASSERT_EQ(rows.size(), 6U);
  std::vector<std::string> keys;
  for (const auto& item : rows[0].items()) {
    keys.push_back(item.key());
  }
  EXPECT_EQ(keys,
            (Rows{"period", "model", "amount", "currency", "quantity", "unit", "unit_cost", "vs_onshore"}));
  EXPECT_EQ(rows[0]["currency"], "EUR");
  EXPECT_EQ(rows[0]["unit"], "fte");
  EXPECT_EQ(rows[1]["vs_onshore"], 0.2958); // a number, as report spend's share
  EXPECT_EQ(rows[1]["amount"], "17040.00"); // decimal strings, as report spend's amounts
  // fte and quarter are the defaults, and so is the model.
  EXPECT_EQ(cli.json({"report", "unit-cost"}), rows);
}

TEST_F(UnitCostE2E, EveryFormat)
{
  const auto args = Rows{"report", "unit-cost", "--by", "model", "--period", "quarter"};
  auto csv = args;
  csv.insert(csv.end(), {"--format", "csv"});
  EXPECT_EQ(cli.ok(csv), "period,model,amount,currency,quantity,unit,unit_cost,vs_onshore\n"
                         "2025-Q1,nearshore,21300.00,EUR,6.5,fte,3276.92,0.5462\n"
                         "2025-Q1,offshore,17040.00,EUR,9.6,fte,1775.00,0.2958\n"
                         "2025-Q1,onshore,24600.00,EUR,4.1,fte,6000.00,1\n"
                         "2025-Q2,nearshore,3000.00,EUR,0,fte,,\n"
                         "2025-Q2,offshore,9493.33,EUR,5,fte,1898.67,0.4594\n"
                         "2025-Q2,onshore,24800.00,EUR,6,fte,4133.33,1\n");
  auto jsonl = args;
  jsonl.insert(jsonl.end(), {"--format", "jsonl"});
  const auto lines = lines_of(cli.ok(jsonl));
  ASSERT_EQ(lines.size(), 6U);
  EXPECT_TRUE(Json::parse(lines[3])["unit_cost"].is_null());
  EXPECT_EQ(Json::parse(lines[4])["unit_cost"], "1898.67");
  const auto table = cli.ok(args);
  EXPECT_NE(table.find("unit_cost"), std::string::npos) << table;
  EXPECT_NE(table.find("1898.67"), std::string::npos) << table;
  EXPECT_NE(table.find("0.4594"), std::string::npos) << table;
}

TEST_F(UnitCostE2E, OtherDimensionsPeriodsUnitsAndFilters)
{
  // Without the model there is no vs_onshore. All of 2025 by type: the BPO months with FTE.
  // 24600 + 24800 + 21300 + 3000 + 17040 + 9493.3274 = 100233.3274 -> 100233.33 (rounded once)
  // over 4.1 + 6 + 6.5 + 0 + 9.6 + 5 = 31.2: 3212.606... -> 3212.61.
  EXPECT_EQ(rows_of(cli.json({"report", "unit-cost", "--by", "type", "--period", "year"})),
            Rows{"2025 BPO 100233.33 31.2 3212.61"});
  // By service and model over all time. Customer service: onshore (24600 + 24800) / (4.1 + 6)
  // = 49400.00 / 10.1 = 4891.089... -> 4891.09; nearshore 24300.00 / 6.5 = 3738.461... ->
  // 3738.46, / 4891.09 = 0.76432... -> 0.7643; offshore OFF-1 4500 + 4600 + 4940 + 4799.997 +
  // 4693.3304 = 23533.3274 -> 23533.33 / 12.6 = 1867.724... -> 1867.72, / 4891.09 = 0.38186...
  // -> 0.3819. Offshore technical support is OFF-2 alone, 3000.00 / 2 = 1500.00, set against
  // no onshore technical support.
  const auto by_service =
    rows_of(cli.json({"report", "unit-cost", "--by", "service,model", "--period", "all"}));
  EXPECT_EQ(by_service, (Rows{"all customer-service nearshore 24300.00 6.5 3738.46 0.7643",
                              "all customer-service offshore 23533.33 12.6 1867.72 0.3819",
                              "all customer-service onshore 49400.00 10.1 4891.09 1.0",
                              "all technical-support offshore 3000.00 2 1500.00 -"}));
  // Hours: ON-1's March only, 13000.00 / 300 = 43.333... -> 43.33.
  EXPECT_EQ(rows_of(cli.json({"report", "unit-cost", "--unit", "hours", "--period", "month"})),
            Rows{"2025-03 onshore 13000.00 300 43.33 1.0"});
  EXPECT_EQ(cli.json({"report", "unit-cost", "--unit", "transactions"}).dump(), "[]");
  // The range counts in whole months: February to April. Q1 onshore 12600.00 / 2.1 = 6000.00
  // (March has no FTE); nearshore (7100 + 7200) / (2 + 2.5) = 14300.00 / 4.5 = 3177.777... ->
  // 3177.78, 0.5296; offshore (4600 + 3000 + 4940) / (2.5 + 2 + 2.6) = 12540.00 / 7.1 =
  // 1766.197... -> 1766.20, 0.2944. Q2 (April) onshore 12400.00 / 2 = 6200.00; offshore
  // 4799.997 -> 4800.00 / 2.5 = 1920.00, 0.3097.
  EXPECT_EQ(
    rows_of(cli.json({"report", "unit-cost", "--from", "2025-02-10", "--to", "2025-04-20"})),
    (Rows{"2025-Q1 nearshore 14300.00 4.5 3177.78 0.5296", "2025-Q1 offshore 12540.00 7.1 1766.20 0.2944",
          "2025-Q1 onshore 12600.00 2.1 6000.00 1.0", "2025-Q2 nearshore 3000.00 0 - -",
          "2025-Q2 offshore 4800.00 2.5 1920.00 0.3097", "2025-Q2 onshore 12400.00 2 6200.00 1.0"}));
  // One provider: Manila's offshore engagements, nothing to set them against.
  EXPECT_EQ(rows_of(cli.json({"report", "unit-cost", "--provider", "manila ops inc", "--service",
                              "customer-service", "--period", "all"})),
            Rows{"all offshore 23533.33 12.6 1867.72 -"});
  // The same amount report spend gives for the same months.
  EXPECT_EQ(cli.json({"report", "spend", "--provider", "Manila Ops Inc", "--service", "customer-service",
                      "--from", "2025-01-01", "--to", "2025-05-31", "--period", "all"})[0]["amount"],
            "23533.33");
}

TEST_F(UnitCostE2E, AMissingRateIsReportSpendsErrorAndBadOptionsExitTwo)
{
  // August's USD line has no rate but no volume either: it never counts.
  EXPECT_EQ(cli.run({"report", "unit-cost"}).status, 0);
  EXPECT_EQ(cli.run({"report", "spend"}).status, 2);
  // A July line with an FTE volume needs July's rate, named as report spend names it.
  cli.ok({"spend", "add", "OFF-1", "--date", "2025-07-10", "--amount", "10.00"});
  cli.ok({"volume", "set", "OFF-1", "2025-07", "1", "--unit", "fte"});
  const auto missing = cli.run({"report", "unit-cost"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.out, "");
  EXPECT_EQ(missing.err,
            "vendorcat: error: missing exchange rate for USD 2025-07; set them with 'vendorcat fx "
            "set CUR MONTH RATE'\n");
  const auto spend = cli.run({"report", "spend", "--to", "2025-07-31"});
  EXPECT_EQ(spend.err, missing.err);

  for (const auto& args : std::vector<Rows>{{"--unit", "bananas"},
                                            {"--by", "colour"},
                                            {"--by", "model,model"},
                                            {"--period", "week"},
                                            {"--from", "2025-06-01", "--to", "2025-01-01"},
                                            {"--currency", "XXX"},
                                            {"--provider", "Nobody"}}) {
    Rows command{"report", "unit-cost"};
    command.insert(command.end(), args.begin(), args.end());
    const auto out = cli.run(command);
    EXPECT_EQ(out.status, 2) << args[1];
    EXPECT_EQ(out.out, "") << args[1];
    EXPECT_EQ(lines_of(out.err).size(), 1U) << out.err;
  }
}
