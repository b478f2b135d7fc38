// End-to-end scenarios for --on-conflict: error, skip and update per kind.

#include "support/import_fixture.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace vendorcat::test;

TEST_F(ImportE2E, OnConflictErrorRefusesExistingKeys)
{
  seed();
  const auto before = counts();
  const auto provider = import("providers", file("p.csv", "name,hq_country\nNew Oy,FI\nseed oy,FI\n"));
  EXPECT_EQ(provider.status, 2);
  EXPECT_NE(provider.err.find(":3: "), std::string::npos) << provider.err;
  EXPECT_NE(provider.err.find("already exists"), std::string::npos) << provider.err;
  const auto engagement =
    import("engagements", file("e.csv", "ref,provider,service,delivery_country,start_date\n"
                                        "S-1,Seed Oy,payroll,FI,2025-06-01\n"));
  EXPECT_EQ(engagement.status, 2);
  EXPECT_NE(engagement.err.find(":2: ref: engagement 'S-1' already exists"), std::string::npos)
    << engagement.err;
  const auto spend = import("spend", file("s.csv", "engagement,date,amount,reference\n"
                                                   "S-1,2025-03-01,50.00,INV-S\n"));
  EXPECT_EQ(spend.status, 2);
  EXPECT_NE(spend.err.find(":2: reference: "), std::string::npos) << spend.err;
  EXPECT_NE(spend.err.find("'INV-S'"), std::string::npos) << spend.err;
  const auto explicit_error =
    import("fx", file("f.csv", "currency,month,rate\nUSD,2025-02,0.95\n"), {"--on-conflict", "error"});
  EXPECT_EQ(explicit_error.status, 2);
  EXPECT_EQ(counts(), before);
}

TEST_F(ImportE2E, OnConflictSkipKeepsTheOldValues)
{
  seed();
  const auto providers = import("providers",
                                file("p.csv", "name,hq_country,hq_city\n"
                                              "Seed Oy,FI,Oulu\n"
                                              "New Oy,FI,Turku\n"),
                                {"--on-conflict", "skip"});
  EXPECT_EQ(providers.status, 0) << providers.err;
  EXPECT_NE(providers.err.find("1 created, 0 updated, 1 skipped"), std::string::npos) << providers.err;
  EXPECT_EQ(cli.json({"provider", "show", "Seed Oy"})["hq_city"], nullptr);
  EXPECT_EQ(cli.json({"provider", "show", "New Oy"})["hq_city"], "Turku");

  const auto engagements = import("engagements",
                                  file("e.csv", "ref,provider,service,delivery_country,start_date,title\n"
                                                "S-1,Seed Oy,payroll,FI,2025-06-01,Changed\n"),
                                  {"--on-conflict", "skip"});
  EXPECT_EQ(engagements.status, 0) << engagements.err;
  EXPECT_NE(engagements.err.find("0 created, 0 updated, 1 skipped"), std::string::npos) << engagements.err;
  const auto engagement = cli.json({"engagement", "show", "S-1"});
  EXPECT_EQ(engagement["start_date"], "2025-01-01");
  EXPECT_EQ(engagement["title"], nullptr);

  const auto spend = import("spend",
                            file("s.csv", "engagement,date,amount,reference\n"
                                          "S-1,2025-03-01,50.00,INV-S\n"
                                          "S-1,2025-03-02,60.00,INV-T\n"),
                            {"--on-conflict", "skip"});
  EXPECT_EQ(spend.status, 0) << spend.err;
  EXPECT_NE(spend.err.find("1 created, 0 updated, 1 skipped"), std::string::npos) << spend.err;
  const auto lines = cli.json({"spend", "list"});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["date"], "2025-02-01");
  EXPECT_EQ(lines[0]["amount"], "100.00");
  EXPECT_EQ(lines[1]["reference"], "INV-T");

  const auto fx =
    import("fx", file("f.csv", "currency,month,rate\nUSD,2025-02,0.95\n"), {"--on-conflict", "skip"});
  EXPECT_EQ(fx.status, 0) << fx.err;
  EXPECT_EQ(cli.json({"fx", "list"})[0]["rate"], "0.92");
}

TEST_F(ImportE2E, OnConflictUpdateChangesProvidersEngagementsAndRates)
{
  seed();
  const auto providers = import("providers",
                                file("p.csv", "name,hq_country,hq_city,risk\n"
                                              "Seed Oy,FI,Oulu,low\n"),
                                {"--on-conflict", "update"});
  EXPECT_EQ(providers.status, 0) << providers.err;
  EXPECT_NE(providers.err.find("0 created, 1 updated, 0 skipped"), std::string::npos) << providers.err;
  const auto provider = cli.json({"provider", "show", "Seed Oy"});
  EXPECT_EQ(provider["hq_city"], "Oulu");
  EXPECT_EQ(provider["risk"], "low");
  EXPECT_EQ(cli.count("provider"), 1);

  const auto engagements = import("engagements",
                                  file("e.csv", "ref,provider,service,delivery_country,start_date,title\n"
                                                "s-1,Seed Oy,payroll,EE,2025-01-01,Changed\n"),
                                  {"--on-conflict", "update"});
  EXPECT_EQ(engagements.status, 0) << engagements.err;
  EXPECT_NE(engagements.err.find("1 updated"), std::string::npos) << engagements.err;
  const auto engagement = cli.json({"engagement", "show", "S-1"});
  EXPECT_EQ(engagement["title"], "Changed");
  EXPECT_EQ(engagement["delivery_country"], "EE");
  EXPECT_EQ(engagement["delivery_model"], "nearshore"); // re-derived
  EXPECT_EQ(cli.count("engagement"), 1);

  const auto fx = import("fx", file("f.csv", "currency,month,rate\nUSD,2025-02,0.95\nUSD,2025-03,0.96\n"),
                         {"--on-conflict", "update"});
  EXPECT_EQ(fx.status, 0) << fx.err;
  EXPECT_NE(fx.err.find("1 created, 1 updated, 0 skipped"), std::string::npos) << fx.err;
  EXPECT_EQ(cli.json({"fx", "list"})[0]["rate"], "0.95");
}

TEST_F(ImportE2E, OnConflictUpdateReplacesASpendLine)
{
  seed();
  const auto same_month = import("spend",
                                 file("s.csv", "engagement,date,amount,reference\n"
                                               "S-1,2025-02-05,125.50,INV-S\n"),
                                 {"--on-conflict", "update"});
  EXPECT_EQ(same_month.status, 0) << same_month.err;
  EXPECT_NE(same_month.err.find("0 created, 1 updated, 0 skipped"), std::string::npos) << same_month.err;
  auto lines = cli.json({"spend", "list"});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["date"], "2025-02-05");
  EXPECT_EQ(lines[0]["amount"], "125.50");
  EXPECT_EQ(
    cli.sql("SELECT (month / 12) || '-' || CASE WHEN month % 12 < 9 THEN '0' ELSE '' END || (month % 12 + 1) "
            "|| ':' || amount || ':' || lines "
            "FROM spend_monthly"),
    "2025-02:12550:1");

  const auto other_month = import("spend",
                                  file("t.csv", "engagement,date,amount,reference\n"
                                                "S-1,2025-04-01,90.00,INV-S\n"),
                                  {"--on-conflict", "update"});
  EXPECT_EQ(other_month.status, 0) << other_month.err;
  lines = cli.json({"spend", "list"});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["date"], "2025-04-01");
  EXPECT_EQ(lines[0]["amount"], "90.00");
  EXPECT_EQ(
    cli.sql("SELECT (month / 12) || '-' || CASE WHEN month % 12 < 9 THEN '0' ELSE '' END || (month % 12 + 1) "
            "|| ':' || amount || ':' || lines "
            "FROM spend_monthly"),
    "2025-04:9000:1");
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
}

// Services: a parent may come earlier in the same file; the key is the code.
TEST_F(ImportE2E, ServicesImportLikeServiceAddAndHonourOnConflict)
{
  const auto csv =
    import("services", file("s.csv", "parent,type,name,code\n"
                                     "finance-accounting,bpo,Claims processing,Claims-Processing\n"
                                     ",KPO,Fraud analytics,fraud-analytics\n"));
  ASSERT_EQ(csv.status, 0) << csv.err;
  const auto json = import("services", file("s.json", R"([
  {"code": "motor-claims", "name": "Motor claims", "type": "BPO", "parent": "claims-processing"},
  {"code": "motor-fraud", "name": "Motor fraud", "type": "KPO", "parent": "motor-claims"}
])"));
  ASSERT_EQ(json.status, 0) << json.err;
  EXPECT_EQ(cli.sql("SELECT count(*) FROM audit_log WHERE entity = 'service' AND action = 'insert'"), "4");
  cli.ok({"provider", "add", "Acme Oy", "--country", "FI"});
  cli.ok({"engagement", "add", "C-1", "--provider", "Acme Oy", "--service", "claims-processing",
          "--delivery-country", "FI", "--start", "2025-01-01"});

  const auto existing = file("e.csv", "code,name,type,parent\nclaims-processing,Claims,KPO,\n");
  const auto refused = import("services", existing);
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find(":2: code: service 'claims-processing' already exists"), std::string::npos)
    << refused.err;
  const auto skipped = import("services", existing, {"--on-conflict", "skip"});
  EXPECT_NE(skipped.err.find("0 created, 0 updated, 1 skipped"), std::string::npos) << skipped.err;

  // Update: name, type and parent change, and derived engagement types follow.
  const auto updated = import("services",
                              file("u.csv", "code,name,type,parent\n"
                                            "claims-processing,Claims handling,KPO,fraud-analytics\n"),
                              {"--on-conflict", "update"});
  EXPECT_NE(updated.err.find("0 created, 1 updated, 0 skipped"), std::string::npos) << updated.err;
  const auto services = cli.json({"service", "list"});
  ASSERT_EQ(services.size(), 20u);
  EXPECT_EQ(
    without_ids(nlohmann::ordered_json::array({services[16]})),
    nlohmann::ordered_json::parse(
      R"([{"code":"claims-processing","name":"Claims handling","type":"KPO","parent":"fraud-analytics"}])"));
  EXPECT_EQ(cli.json({"engagement", "show", "C-1"})["type"], "KPO");
  EXPECT_EQ(cli.sql("SELECT count(*) FROM audit_log WHERE entity = 'service' AND action = 'update'"), "1");

  // Export puts the new parent first, so a new catalogue takes the file.
  const auto exported = cli.ok({"export", "services"});
  EXPECT_EQ(exported, "code,name,type,parent\n"
                      "fraud-analytics,Fraud analytics,KPO,\n"
                      "claims-processing,Claims handling,KPO,fraud-analytics\n"
                      "motor-claims,Motor claims,BPO,claims-processing\n"
                      "motor-fraud,Motor fraud,KPO,motor-claims\n");
  Cli fresh{dir / "fresh.db"};
  fresh.ok({"db", "init"});
  fresh.ok({"import", "services", file("exported.csv", exported)});
  EXPECT_EQ(fresh.ok({"export", "services"}), exported);

  // Built-in services do not change, and a service cannot go under itself.
  const auto builtin = import("services", file("b.csv", "code,name,type,parent\npayroll,Pay,BPO,\n"),
                              {"--on-conflict", "update"});
  EXPECT_EQ(builtin.status, 2);
  EXPECT_NE(builtin.err.find(":2: code: 'payroll' is a built-in service"), std::string::npos) << builtin.err;
  const auto loop =
    import("services", file("l.csv", "code,name,type,parent\nfraud-analytics,Fraud,KPO,motor-fraud\n"),
           {"--on-conflict", "update"});
  EXPECT_EQ(loop.status, 2);
  EXPECT_NE(loop.err.find(":2: parent: 'motor-fraud' is 'fraud-analytics' or one of its sub-services"),
            std::string::npos)
    << loop.err;
  EXPECT_EQ(cli.ok({"export", "services"}), exported);
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
}
