// End-to-end scenarios for engagements, spend and exchange rates: all three
// delivery models and both types, filters, validation, re-derivation.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace vendorcat::test;

namespace {

using Refs = std::vector<std::string>;

class EngagementsE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Helsinki Helpdesk Oy", "--country", "FI"});
    cli.ok({"provider", "add", "Tallinn Ops", "--country", "EE"});
    cli.ok({"provider", "add", "Mumbai Insights", "--country", "IN"});
    cli.ok({"provider", "add", "Manila Voice", "--country", "PH"});
    add({"E-ON", "--provider", "Helsinki Helpdesk Oy", "--service", "technical-support", "--delivery-country",
         "FI", "--start", "2025-01-01", "--end", "2026-12-31", "--value", "50000.00"});
    add({"E-NEAR", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country", "EE", "--start",
         "2025-03-01", "--end", "2027-02-28", "--notice-days", "90", "--auto-renew"});
    add({"E-OFF-KPO", "--provider", "Mumbai Insights", "--service", "market-research", "--delivery-country",
         "IN", "--start", "2024-06-01", "--value", "1200000.00", "--currency", "INR"});
    add({"E-OFF-BPO", "--provider", "Manila Voice", "--service", "customer-service", "--delivery-country",
         "PH", "--start", "2025-01-01", "--end", "2025-12-31", "--status", "ended", "--currency", "USD"});
    add({"E-EXPLICIT", "--provider", "Tallinn Ops", "--service", "data-analysis", "--delivery-country", "EE",
         "--start", "2026-01-01", "--model", "onshore", "--type", "BPO"});
  }

  void add(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"engagement", "add"});
    cli.ok(args);
  }

  Refs refs(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"engagement", "list"});
    Refs found;
    for (const auto& row : cli.json(args)) {
      found.push_back(row["ref"]);
    }
    return found;
  }

  std::vector<long long> counts() const
  {
    return {cli.count("engagement"), cli.count("spend"), cli.count("fx_rate"), cli.count("spend_monthly"),
            cli.count("audit_log")};
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST_F(EngagementsE2E, ModelAndTypeAreDerivedOrKept)
{
  std::map<std::string, nlohmann::ordered_json> by_ref;
  for (const auto& row : cli.json({"engagement", "list"})) {
    by_ref[row["ref"]] = row;
  }
  EXPECT_EQ(by_ref["E-ON"]["delivery_model"], "onshore");
  EXPECT_EQ(by_ref["E-NEAR"]["delivery_model"], "nearshore");
  EXPECT_EQ(by_ref["E-OFF-KPO"]["delivery_model"], "offshore");
  EXPECT_EQ(by_ref["E-OFF-KPO"]["type"], "KPO");
  EXPECT_EQ(by_ref["E-OFF-BPO"]["type"], "BPO");
  EXPECT_EQ(by_ref["E-ON"]["value"], "50000.00");
  EXPECT_EQ(by_ref["E-ON"]["currency"], "EUR"); // the base currency by default
  EXPECT_EQ(by_ref["E-NEAR"]["auto_renew"], true);
  EXPECT_EQ(by_ref["E-NEAR"]["notice_days"], 90);
  EXPECT_EQ(by_ref["E-EXPLICIT"]["delivery_model"], "onshore");
  EXPECT_EQ(by_ref["E-EXPLICIT"]["model_source"], "explicit");
  EXPECT_EQ(by_ref["E-EXPLICIT"]["type"], "BPO");
  EXPECT_EQ(by_ref["E-EXPLICIT"]["type_source"], "explicit");
  EXPECT_EQ(by_ref["E-NEAR"]["model_source"], "derived");

  const auto shown = cli.ok({"engagement", "show", "e-near"});
  EXPECT_NE(shown.find("nearshore: delivered from EE, home country FI, both in Europe"), std::string::npos)
    << shown;
  EXPECT_NE(shown.find("type BPO (derived): default of service payroll"), std::string::npos) << shown;
}

TEST_F(EngagementsE2E, ListFilters)
{
  EXPECT_EQ(refs({"--type", "KPO"}), (Refs{"E-OFF-KPO"}));
  EXPECT_EQ(refs({"--model", "offshore"}), (Refs{"E-OFF-BPO", "E-OFF-KPO"}));
  EXPECT_EQ(refs({"--model", "onshore", "--type", "bpo"}), (Refs{"E-EXPLICIT", "E-ON"}));
  EXPECT_EQ(refs({"--provider", "tallinn ops"}), (Refs{"E-EXPLICIT", "E-NEAR"}));
  EXPECT_EQ(refs({"--service", "customer-service"}), (Refs{"E-OFF-BPO"}));
  EXPECT_EQ(refs({"--status", "ended"}), (Refs{"E-OFF-BPO"}));
  EXPECT_EQ(refs({"--active-on", "2025-02-15"}), (Refs{"E-OFF-BPO", "E-OFF-KPO", "E-ON"}));
  EXPECT_EQ(refs({"--active-on", "2026-12-31"}), (Refs{"E-EXPLICIT", "E-NEAR", "E-OFF-KPO", "E-ON"}));
  // E-ON ends 2026-12-31; E-NEAR's notice deadline is 2026-11-30 (2027-02-28 minus 90 days).
  EXPECT_EQ(refs({"--expiring-within", "30", "--on", "2026-12-01"}), (Refs{"E-ON"}));
  EXPECT_EQ(refs({"--expiring-within", "10", "--on", "2026-11-25"}), (Refs{"E-NEAR"}));
  EXPECT_EQ(refs({"--expiring-within", "400", "--on", "2026-01-01"}), (Refs{"E-NEAR", "E-ON"}));
  // Providers by their engagements.
  const auto providers = cli.json({"provider", "list", "--model", "offshore", "--type", "KPO"});
  ASSERT_EQ(providers.size(), 1u);
  EXPECT_EQ(providers[0]["name"], "Mumbai Insights");
  const auto shown = cli.json({"provider", "show", "Tallinn Ops"});
  EXPECT_EQ(shown["engagements"].size(), 2u);
}

TEST_F(EngagementsE2E, ChangingTheHomeCountryRederivesOnlyDerivedModels)
{
  cli.ok({"config", "set", "home-country", "IN"});
  std::map<std::string, std::string> model;
  for (const auto& row : cli.json({"engagement", "list"})) {
    model[row["ref"]] = row["delivery_model"];
  }
  EXPECT_EQ(model["E-ON"], "offshore");
  EXPECT_EQ(model["E-NEAR"], "offshore");
  EXPECT_EQ(model["E-OFF-KPO"], "onshore");
  EXPECT_EQ(model["E-OFF-BPO"], "nearshore");
  EXPECT_EQ(model["E-EXPLICIT"], "onshore"); // explicit: kept
  EXPECT_EQ(cli.sql("SELECT count(*) FROM audit_log WHERE entity = 'engagement' AND action = 'update'"), "4");
}

TEST_F(EngagementsE2E, UpdateFollowsAndRevertsDerivation)
{
  cli.ok({"engagement", "update", "E-NEAR", "--delivery-country", "IN"});
  EXPECT_EQ(cli.json({"engagement", "show", "E-NEAR"})["delivery_model"], "offshore");
  cli.ok({"engagement", "update", "E-EXPLICIT", "--model", "", "--type", ""});
  const auto row = cli.json({"engagement", "show", "E-EXPLICIT"});
  EXPECT_EQ(row["delivery_model"], "nearshore");
  EXPECT_EQ(row["model_source"], "derived");
  EXPECT_EQ(row["type"], "KPO");
  cli.ok({"engagement", "update", "E-ON", "--currency", "JPY", "--value", "7000000"});
  EXPECT_EQ(cli.json({"engagement", "show", "E-ON"})["value"], "7000000");
}

TEST_F(EngagementsE2E, SpendDefaultsToTheEngagementCurrencyAndRollsUp)
{
  cli.ok({"spend", "add", "E-OFF-BPO", "--date", "2025-02-10", "--amount", "1500.50", "--ref", "INV-1"});
  cli.ok({"spend", "add", "E-OFF-BPO", "--date", "2025-02-20", "--amount", "-500.50", "--ref", "CN-1"});
  cli.ok({"spend", "add", "E-OFF-BPO", "--date", "2025-03-01", "--amount", "200", "--currency", "eur"});
  const auto lines = cli.json({"spend", "list", "--engagement", "E-OFF-BPO"});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["amount"], "1500.50");
  EXPECT_EQ(lines[0]["currency"], "USD");
  EXPECT_EQ(lines[1]["amount"], "-500.50");
  EXPECT_EQ(lines[2]["amount"], "200.00");
  EXPECT_EQ(lines[2]["currency"], "EUR");
  EXPECT_EQ(cli.json({"spend", "list", "--from", "2025-02-15", "--to", "2025-03-01"}).size(), 2u);
  EXPECT_EQ(cli.sql("SELECT amount || ':' || lines FROM spend_monthly WHERE month = 2025 * 12 + 1"),
            "100000:2");
  cli.ok({"spend", "remove", lines[0]["id"].dump()});
  EXPECT_EQ(cli.sql("SELECT amount || ':' || lines FROM spend_monthly WHERE month = 2025 * 12 + 1"),
            "-50050:1");
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
  // Removing an engagement with spend is refused.
  const auto refused = cli.run({"engagement", "remove", "E-OFF-BPO"});
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find("spend"), std::string::npos);
  cli.ok({"engagement", "remove", "E-EXPLICIT"});
  // A provider with engagements cannot be removed; the hint says how to archive.
  const auto provider = cli.run({"provider", "remove", "Manila Voice"});
  EXPECT_EQ(provider.status, 2);
  EXPECT_NE(provider.err.find("--status archived"), std::string::npos);
}

TEST_F(EngagementsE2E, FxSetReplacesTheMonthsRate)
{
  cli.ok({"fx", "set", "usd", "2025-02", "0.9214"});
  cli.ok({"fx", "set", "USD", "2025-02", "0.93"});
  cli.ok({"fx", "set", "GBP", "2025-02", "1.17"});
  const auto rates = cli.json({"fx", "list", "--currency", "USD"});
  ASSERT_EQ(rates.size(), 1u);
  EXPECT_EQ(rates[0]["rate"], "0.93");
  EXPECT_EQ(rates[0]["month"], "2025-02");
  EXPECT_EQ(cli.json({"fx", "list"}).size(), 2u);
}

TEST_F(EngagementsE2E, BadInputExitsTwoAndWritesNothing)
{
  cli.ok({"spend", "add", "E-ON", "--date", "2025-05-01", "--amount", "10.00", "--ref", "INV-9"});
  const auto before = counts();
  const std::vector<std::vector<std::string>> bad{
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "EE", "--start", "2025-05-01", "--end", "2025-04-30"},
    {"engagement", "add", "E-X", "--provider", "Nobody", "--service", "payroll", "--delivery-country", "EE",
     "--start", "2025-05-01"},
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payrol", "--delivery-country",
     "EE", "--start", "2025-05-01"},
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "XX", "--start", "2025-05-01"},
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "EE", "--start", "2025-05-01", "--currency", "EUX"},
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "EE", "--start", "2025-05-01", "--model", "inshore"},
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "EE", "--start", "2025-05-01", "--type", "XPO"},
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "EE", "--start", "2025-05-01", "--status", "paused"},
    {"engagement", "add", "e-near", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "EE", "--start", "2025-05-01"},
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "EE", "--start", "2025-05-01", "--notice-days", "-5"},
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "EE", "--start", "2025-02-29"},
    {"engagement", "add", "E-X", "--provider", "Tallinn Ops", "--service", "payroll", "--delivery-country",
     "EE", "--start", "2025-05-01", "--value", "1,000.00"},
    {"engagement", "update", "E-NEAR", "--end", "2024-01-01"},
    {"engagement", "remove", "E-ON"},
    {"engagement", "show", "E-NOPE"},
    {"spend", "add", "E-ON", "--date", "2025-05-02", "--amount", "10.00", "--ref", "INV-9"},
    {"spend", "add", "E-ON", "--date", "2025-02-30", "--amount", "1.00"},
    {"spend", "add", "E-ON", "--date", "2025-02-03", "--amount", "1.001"},
    {"spend", "add", "E-ON", "--date", "2025-02-03", "--amount", "1e3"},
    {"spend", "add", "E-ON", "--date", "2025-02-03", "--amount", "1.00", "--currency", "ZZZ"},
    {"spend", "add", "E-NOPE", "--date", "2025-02-03", "--amount", "1.00"},
    {"spend", "remove", "99999"},
    {"fx", "set", "USD", "2025-13", "0.9"},
    {"fx", "set", "USD", "2025-01", "-0.9"},
    {"fx", "set", "USD", "2025-01", "0"},
    {"fx", "set", "EUR", "2025-01", "1.1"},
    {"engagement", "list", "--active-on", "2025-02-30"},
  };
  for (const auto& args : bad) {
    const auto output = cli.run(args);
    EXPECT_EQ(output.status, 2) << args[0] << " " << args[1] << " " << args[2] << ": " << output.err;
    EXPECT_EQ(output.err.rfind("vendorcat: error: ", 0), 0u) << output.err;
    EXPECT_EQ(std::count(output.err.begin(), output.err.end(), '\n'), 1) << output.err;
  }
  EXPECT_EQ(counts(), before);
}

TEST(EngagementsWithoutHome, DerivedModelNeedsAHomeCountry)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  cli.ok({"config", "set", "base-currency", "EUR"});
  cli.ok({"provider", "add", "Tallinn Ops", "--country", "EE"});
  const auto refused = cli.run({"engagement", "add", "E-1", "--provider", "Tallinn Ops", "--service",
                                "payroll", "--delivery-country", "EE", "--start", "2025-01-01"});
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find("config set home-country"), std::string::npos) << refused.err;
  EXPECT_EQ(cli.count("engagement"), 0);
  cli.ok({"engagement", "add", "E-1", "--provider", "Tallinn Ops", "--service", "payroll",
          "--delivery-country", "EE", "--start", "2025-01-01", "--model", "nearshore"});
}

TEST_F(EngagementsE2E, AmountsBeyondTheLimitAreRefusedNamingIt)
{
  cli.ok({"spend", "add", "E-ON", "--date", "2026-03-01", "--amount", "9999999999999.99"});
  const auto before = counts();
  // 2^64 + 1 once wrapped to 1.00; 18446744073709552000.00 to 384.00.
  for (const char* amount : {"10000000000000.00", "18446744073709551617", "18446744073709552000.00"}) {
    const auto output = cli.run({"spend", "add", "E-ON", "--date", "2026-03-02", "--amount", amount});
    EXPECT_EQ(output.status, 2) << output.err;
    EXPECT_NE(output.err.find("out of range: the largest amount is 9999999999999.99"), std::string::npos)
      << output.err;
    const auto value = cli.run({"engagement", "update", "E-ON", "--value", amount});
    EXPECT_EQ(value.status, 2) << value.err;
  }
  EXPECT_EQ(counts(), before);
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
}
