// End-to-end scenarios for `report consumption`: spend in USD, GBP, EUR (the
// base currency) and SEK against contract values in SEK, converted through
// EUR with each line's month's rates. Every figure is computed by hand below.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

using namespace vendorcat::test;

namespace {

using Refs = std::vector<std::string>;

// Rates (1 CUR = RATE EUR):
//          2025-01  2025-02  2025-03  2025-04  2025-05  2025-06
//   USD    0.9      0.9      0.95     0.92     0.9      0.93
//   GBP                      1.2               1.15
//   SEK    0.1      0.1      0.1      0.08     0.09     0.1
// A line goes to EUR with its month's rate, then to SEK by dividing by SEK's rate of that month.
//
// D = 2025-06-15: spent counts lines dated up to 2025-06-15; the run rate is the spend of
// 2025-03, 2025-04 and 2025-05 divided by 3.
//
// OK-1 (Nordic Ops Oy), value SEK 1000000.00, ends 2026-12-31:
//   2025-01-10 USD 1000.00 -> 900 EUR   / 0.1  =  9000.00 SEK
//   2025-03-05 GBP  500.00 -> 600 EUR   / 0.1  =  6000.00
//   2025-04-02 SEK 1234.56                     =  1234.56 (already in SEK)
//   2025-04-20 USD 2000.00 -> 1840 EUR  / 0.08 = 23000.00
//   2025-05-31 USD 1000.00 -> 900 EUR   / 0.09 = 10000.00
//   2025-06-10 USD  100.00 -> 93 EUR    / 0.1  =   930.00
//   2025-06-20 USD 5000.00: after D, left out
//   spent 50164.56; remaining 949835.44; consumed 50164.56 / 1000000 = 0.05016456 -> 0.0502
//   run rate (6000 + 1234.56 + 23000 + 10000) / 3 = 40234.56 / 3 = 13411.52
//   run out: 949835.44 / 13411.52 x 30.4375 = 2155.66 -> 2155 days -> 2031-05-10, after the end: ok
// AT-RISK (Nordic Ops Oy), value SEK 100000.00, ends 2025-12-31:
//   2025-03-15 GBP 1000.00 -> 1200 EUR      / 0.1  = 12000.00
//   2025-04-15 USD 1000.00 -> 920 EUR       / 0.08 = 11500.00
//   2025-05-15 GBP  333.33 -> 383.3295 EUR  (May, with the line below)
//   2025-05-20 USD 1500.00 -> 1350 EUR      May: 1733.3295 / 0.09 = 19259.21666...
//   spent 42759.21666... -> 42759.22 (rounded once); remaining 57240.78;
//   consumed 42759.22 / 100000 = 0.4275922 -> 0.4276
//   run rate 42759.21666... / 3 = 14253.07222... -> 14253.07
//   run out: 57240.78 / 14253.07 x 30.4375 = 122.24 -> 122 days -> 2025-10-15, before the end
//   2025-12-31: at-risk
// OVER (Kraków Analytics), value SEK 10000.00, ends 2026-06-30:
//   2025-02-10 USD 1000.00 -> 900 EUR / 0.1  = 9000.00
//   2025-04-01 EUR  200.00 (the base currency, no rate of its own) / 0.08 = 2500.00
//   spent 11500.00 > 10000.00: over; remaining -1500.00; consumed 1.15;
//   run rate 2500 / 3 = 833.333... -> 833.33; run out empty (nothing remains)
// ZERO (Kraków Analytics), value SEK 5000.00, ends 2025-12-31, no spend:
//   spent 0.00, remaining 5000.00, consumed 0, run rate 0.00, run out empty: ok
// NO-VALUE has spend but no contract value: not a row.
class ConsumptionE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Nordic Ops Oy", "--country", "FI"});
    cli.ok({"provider", "add", "Kraków Analytics", "--country", "PL"});
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> rates{
      {"USD",
       {{"2025-01", "0.9"},
        {"2025-02", "0.9"},
        {"2025-03", "0.95"},
        {"2025-04", "0.92"},
        {"2025-05", "0.9"},
        {"2025-06", "0.93"}}},
      {"GBP", {{"2025-03", "1.2"}, {"2025-05", "1.15"}}},
      {"SEK",
       {{"2025-01", "0.1"},
        {"2025-02", "0.1"},
        {"2025-03", "0.1"},
        {"2025-04", "0.08"},
        {"2025-05", "0.09"},
        {"2025-06", "0.1"}}},
    };
    for (const auto& [currency, months] : rates) {
      for (const auto& [month, rate] : months) {
        cli.ok({"fx", "set", currency, month, rate});
      }
    }
    add("OK-1", "Nordic Ops Oy", "1000000.00", "2026-12-31");
    add("AT-RISK", "Nordic Ops Oy", "100000.00", "2025-12-31");
    add("OVER", "Kraków Analytics", "10000.00", "2026-06-30");
    add("ZERO", "Kraków Analytics", "5000.00", "2025-12-31");
    add("NO-VALUE", "Kraków Analytics", "", "2025-12-31");
    spend("OK-1", "2025-01-10", "1000.00", "USD");
    spend("OK-1", "2025-03-05", "500.00", "GBP");
    spend("OK-1", "2025-04-02", "1234.56", "SEK");
    spend("OK-1", "2025-04-20", "2000.00", "USD");
    spend("OK-1", "2025-05-31", "1000.00", "USD");
    spend("OK-1", "2025-06-10", "100.00", "USD");
    spend("OK-1", "2025-06-20", "5000.00", "USD");
    spend("AT-RISK", "2025-03-15", "1000.00", "GBP");
    spend("AT-RISK", "2025-04-15", "1000.00", "USD");
    spend("AT-RISK", "2025-05-15", "333.33", "GBP");
    spend("AT-RISK", "2025-05-20", "1500.00", "USD");
    spend("OVER", "2025-02-10", "1000.00", "USD");
    spend("OVER", "2025-04-01", "200.00", "EUR");
    spend("NO-VALUE", "2025-04-01", "50.00", "GBP"); // no GBP rate for April: never converted
  }

  void add(const std::string& ref, const std::string& provider, const std::string& value,
           const std::string& end) const
  {
    std::vector<std::string> args{"engagement", "add",        ref,          "--provider",
                                  provider,     "--service",  "payroll",    "--delivery-country",
                                  "EE",         "--start",    "2025-01-01", "--end",
                                  end,          "--currency", "SEK"};
    if (!value.empty()) {
      args.insert(args.end(), {"--value", value});
    }
    cli.ok(args);
  }

  void spend(const std::string& ref, const std::string& date, const std::string& amount,
             const std::string& currency) const
  {
    cli.ok({"spend", "add", ref, "--date", date, "--amount", amount, "--currency", currency});
  }

  static Refs refs(const nlohmann::ordered_json& rows)
  {
    Refs found;
    for (const auto& row : rows) {
      found.push_back(row["ref"]);
    }
    return found;
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST_F(ConsumptionE2E, EveryFigureAsComputedByHand)
{
  const auto rows = cli.json({"report", "consumption", "--on", "2025-06-15"});
  ASSERT_EQ(refs(rows), (Refs{"AT-RISK", "OK-1", "OVER", "ZERO"})); // by ref; NO-VALUE left out
  const auto& at_risk = rows[0];
  EXPECT_EQ(at_risk["provider"], "Nordic Ops Oy");
  EXPECT_EQ(at_risk["value"], "100000.00");
  EXPECT_EQ(at_risk["currency"], "SEK");
  EXPECT_EQ(at_risk["spent"], "42759.22");
  EXPECT_EQ(at_risk["remaining"], "57240.78");
  EXPECT_EQ(at_risk["consumed"], 0.4276);
  EXPECT_EQ(at_risk["run_rate"], "14253.07");
  EXPECT_EQ(at_risk["run_out_date"], "2025-10-15");
  EXPECT_EQ(at_risk["end_date"], "2025-12-31");
  EXPECT_EQ(at_risk["status"], "at-risk");

  const auto& ok = rows[1];
  EXPECT_EQ(ok["spent"], "50164.56");
  EXPECT_EQ(ok["remaining"], "949835.44");
  EXPECT_EQ(ok["consumed"], 0.0502);
  EXPECT_EQ(ok["run_rate"], "13411.52");
  EXPECT_EQ(ok["run_out_date"], "2031-05-10");
  EXPECT_EQ(ok["status"], "ok");

  const auto& over = rows[2];
  EXPECT_EQ(over["provider"], "Kraków Analytics");
  EXPECT_EQ(over["spent"], "11500.00");
  EXPECT_EQ(over["remaining"], "-1500.00");
  EXPECT_EQ(over["consumed"], 1.15);
  EXPECT_EQ(over["run_rate"], "833.33");
  EXPECT_TRUE(over["run_out_date"].is_null());
  EXPECT_EQ(over["status"], "over");

  const auto& zero = rows[3];
  EXPECT_EQ(zero["spent"], "0.00");
  EXPECT_EQ(zero["remaining"], "5000.00");
  EXPECT_EQ(zero["consumed"], 0);
  EXPECT_EQ(zero["run_rate"], "0.00");
  EXPECT_TRUE(zero["run_out_date"].is_null());
  EXPECT_EQ(zero["status"], "ok");

  std::vector<std::string> keys;
  for (const auto& item : at_risk.items()) {
    keys.push_back(item.key());
  }
  EXPECT_EQ(keys, (Refs{"ref", "provider", "value", "currency", "spent", "remaining", "consumed", "run_rate",
                        "run_out_date", "end_date", "status"}));
}

TEST_F(ConsumptionE2E, CsvAndJsonLines)
{
  EXPECT_EQ(cli.ok({"report", "consumption", "--on", "2025-06-15", "--format", "csv"}),
            "ref,provider,value,currency,spent,remaining,consumed,run_rate,run_out_date,end_date,status\n"
            "AT-RISK,Nordic Ops Oy,100000.00,SEK,42759.22,57240.78,0.4276,14253.07,2025-10-15,2025-12-31,"
            "at-risk\n"
            "OK-1,Nordic Ops Oy,1000000.00,SEK,50164.56,949835.44,0.0502,13411.52,2031-05-10,2026-12-31,ok\n"
            "OVER,Kraków Analytics,10000.00,SEK,11500.00,-1500.00,1.15,833.33,,2026-06-30,over\n"
            "ZERO,Kraków Analytics,5000.00,SEK,0.00,5000.00,0,0.00,,2025-12-31,ok\n");
  const auto jsonl = lines_of(cli.ok({"report", "consumption", "--on", "2025-06-15", "--format", "jsonl"}));
  ASSERT_EQ(jsonl.size(), 4U);
  EXPECT_EQ(nlohmann::json::parse(jsonl[2])["status"], "over");
  const auto table = cli.ok({"report", "consumption", "--on", "2025-06-15"});
  EXPECT_NE(table.find("14253.07"), std::string::npos);
}

TEST_F(ConsumptionE2E, StatusAndProviderFilters)
{
  EXPECT_EQ(refs(cli.json({"report", "consumption", "--on", "2025-06-15", "--status", "at-risk"})),
            Refs{"AT-RISK"});
  EXPECT_EQ(refs(cli.json({"report", "consumption", "--on", "2025-06-15", "--status", "over"})),
            Refs{"OVER"});
  EXPECT_EQ(refs(cli.json({"report", "consumption", "--on", "2025-06-15", "--status", "ok"})),
            (Refs{"OK-1", "ZERO"}));
  EXPECT_EQ(refs(cli.json({"report", "consumption", "--on", "2025-06-15", "--provider", "kraków analytics"})),
            (Refs{"OVER", "ZERO"}));
  EXPECT_EQ(cli.run({"report", "consumption", "--status", "late"}).status, 2);
  const auto unknown = cli.run({"report", "consumption", "--provider", "Nobody"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.out, "");
}

// On 2025-03-31 the run-rate months are 2024-12, 2025-01 and 2025-02 and only lines up to
// 2025-03-31 count. AT-RISK: 12000.00 (March), run rate 0: run out empty, ok. OK-1: 9000 +
// 6000 = 15000.00, run rate 9000 / 3 = 3000.00, run out 985000 / 3000 x 30.4375 = 9993.65 ->
// 9993 days after 2025-03-31 = 2052-08-09 (after the end): ok. OVER: 9000.00, run rate 3000.00,
// remaining 1000.00: 1000 / 3000 x 30.4375 = 10.15 -> 10 days -> 2025-04-10, before 2026-06-30:
// at-risk.
TEST_F(ConsumptionE2E, AnotherDateMovesTheWindows)
{
  const auto rows = cli.json({"report", "consumption", "--on", "2025-03-31"});
  ASSERT_EQ(refs(rows), (Refs{"AT-RISK", "OK-1", "OVER", "ZERO"}));
  EXPECT_EQ(rows[0]["spent"], "12000.00");
  EXPECT_EQ(rows[0]["run_rate"], "0.00");
  EXPECT_TRUE(rows[0]["run_out_date"].is_null());
  EXPECT_EQ(rows[0]["status"], "ok");
  EXPECT_EQ(rows[1]["spent"], "15000.00");
  EXPECT_EQ(rows[1]["run_rate"], "3000.00");
  EXPECT_EQ(rows[1]["run_out_date"], "2052-08-09");
  EXPECT_EQ(rows[2]["spent"], "9000.00");
  EXPECT_EQ(rows[2]["run_out_date"], "2025-04-10");
  EXPECT_EQ(rows[2]["status"], "at-risk");
}

// A line in a month without its rate, and the SEK rate of that month missing too: one error
// naming every missing currency and month, exit 2, no output.
TEST_F(ConsumptionE2E, AMissingRateExitsTwoNamingIt)
{
  spend("AT-RISK", "2025-06-01", "10.00", "GBP"); // GBP 2025-06 missing (SEK 2025-06 is set)
  spend("OK-1", "2024-12-15", "10.00", "USD");    // USD 2024-12 and SEK 2024-12 missing
  const auto out = cli.run({"report", "consumption", "--on", "2025-06-15"});
  EXPECT_EQ(out.status, 2);
  EXPECT_EQ(out.out, "");
  EXPECT_EQ(out.err, "vendorcat: error: missing exchange rates for GBP 2025-06, SEK 2024-12, USD 2024-12; "
                     "set them with 'vendorcat fx set CUR MONTH RATE'\n");
  // The same message as report spend gives for the same lines in SEK.
  const auto spend_report = cli.run({"report", "spend", "--currency", "SEK", "--to", "2025-06-15"});
  EXPECT_EQ(spend_report.status, 2);
  EXPECT_NE(spend_report.err.find("GBP 2025-06, SEK 2024-12, USD 2024-12"), std::string::npos)
    << spend_report.err;
}
