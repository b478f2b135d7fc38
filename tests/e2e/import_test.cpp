// End-to-end scenarios for import: every kind from CSV and JSON in any column
// order, RFC 4180 edge cases, stdin, and derived engagement classification.

#include "support/import_fixture.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace vendorcat::test;

TEST_F(ImportE2E, EachKindFromCsvInAnyColumnOrder)
{
  ASSERT_EQ(import("providers", file("p.csv", "hq_city,risk,name,hq_country,next_review\n"
                                              "Manila,high,Manila Voice,ph,\n"
                                              ",,Tallinn Ops,EE,2026-03-31\n"))
              .status,
            0);
  ASSERT_EQ(import("locations", file("l.csv", "city,name,country,provider\n"
                                              "Cebu,Cebu centre,PH,manila voice\n"))
              .status,
            0);
  ASSERT_EQ(import("offerings", file("o.csv", "service,provider\n"
                                              "customer-service,Manila Voice\n"
                                              "payroll,Tallinn Ops\n"))
              .status,
            0);
  ASSERT_EQ(
    import("engagements", file("e.csv", "currency,value,ref,start_date,provider,delivery_country,service,"
                                        "end_date,notice_days,auto_renew,title\n"
                                        "USD,1234.50,C-1,2025-01-01,Manila Voice,PH,customer-service,"
                                        "2026-12-31,60,true,Voice\n"
                                        ",,C-2,2025-03-01,Tallinn Ops,EE,payroll,,,,\n"))
      .status,
    0);
  ASSERT_EQ(import("spend", file("s.csv", "amount,reference,engagement,currency,date\n"
                                          "1500.50,INV-1,C-1,,2025-02-10\n"
                                          "-80.00,,c-2,eur,2025-03-05\n"))
              .status,
            0);
  ASSERT_EQ(import("fx", file("f.csv", "rate,month,currency\n"
                                       "0.9214,2025-02,usd\n"
                                       "0.93,2025-03,USD\n"))
              .status,
            0);

  const auto providers = cli.json({"provider", "list"});
  ASSERT_EQ(providers.size(), 2u);
  EXPECT_EQ(providers[0]["name"], "Manila Voice");
  EXPECT_EQ(providers[0]["hq_country"], "PH");
  EXPECT_EQ(providers[0]["hq_city"], "Manila");
  EXPECT_EQ(providers[0]["risk"], "high");
  EXPECT_EQ(providers[0]["next_review"], nullptr);
  EXPECT_EQ(providers[1]["name"], "Tallinn Ops");
  EXPECT_EQ(providers[1]["hq_city"], nullptr);
  EXPECT_EQ(providers[1]["next_review"], "2026-03-31");

  const auto locations = cli.json({"location", "list"});
  ASSERT_EQ(locations.size(), 1u);
  EXPECT_EQ(locations[0]["provider"], "Manila Voice");
  EXPECT_EQ(locations[0]["country"], "PH");
  EXPECT_EQ(locations[0]["city"], "Cebu");
  EXPECT_EQ(locations[0]["name"], "Cebu centre");

  const auto offerings = cli.json({"offering", "list"});
  ASSERT_EQ(offerings.size(), 2u);
  EXPECT_EQ(offerings[0]["provider"], "Manila Voice");
  EXPECT_EQ(offerings[0]["service"], "customer-service");
  EXPECT_EQ(offerings[1]["provider"], "Tallinn Ops");
  EXPECT_EQ(offerings[1]["service"], "payroll");

  const auto engagements = cli.json({"engagement", "list"});
  ASSERT_EQ(engagements.size(), 2u);
  EXPECT_EQ(engagements[0]["ref"], "C-1");
  EXPECT_EQ(engagements[0]["provider"], "Manila Voice");
  EXPECT_EQ(engagements[0]["end_date"], "2026-12-31");
  EXPECT_EQ(engagements[0]["notice_days"], 60);
  EXPECT_EQ(engagements[0]["auto_renew"], true);
  EXPECT_EQ(engagements[0]["value"], "1234.50");
  EXPECT_EQ(engagements[0]["currency"], "USD");
  EXPECT_EQ(engagements[0]["title"], "Voice");
  EXPECT_EQ(engagements[0]["delivery_model"], "offshore");
  EXPECT_EQ(engagements[1]["ref"], "C-2");
  EXPECT_EQ(engagements[1]["end_date"], nullptr);
  EXPECT_EQ(engagements[1]["value"], nullptr);
  EXPECT_EQ(engagements[1]["auto_renew"], false);
  EXPECT_EQ(engagements[1]["currency"], "EUR");

  const auto spend = cli.json({"spend", "list"});
  ASSERT_EQ(spend.size(), 2u);
  EXPECT_EQ(spend[0]["engagement"], "C-1");
  EXPECT_EQ(spend[0]["date"], "2025-02-10");
  EXPECT_EQ(spend[0]["amount"], "1500.50");
  EXPECT_EQ(spend[0]["currency"], "USD"); // the engagement's currency
  EXPECT_EQ(spend[0]["reference"], "INV-1");
  EXPECT_EQ(spend[1]["engagement"], "C-2");
  EXPECT_EQ(spend[1]["amount"], "-80.00");
  EXPECT_EQ(spend[1]["currency"], "EUR");
  EXPECT_EQ(spend[1]["reference"], nullptr);

  const auto rates = cli.json({"fx", "list"});
  ASSERT_EQ(rates.size(), 2u);
  EXPECT_EQ(rates[0]["currency"], "USD");
  EXPECT_EQ(rates[0]["month"], "2025-02");
  EXPECT_EQ(rates[0]["rate"], "0.9214");
  EXPECT_EQ(rates[1]["month"], "2025-03");
  EXPECT_EQ(rates[1]["rate"], "0.93");
}

TEST_F(ImportE2E, EachKindFromJson)
{
  const auto providers = import("providers", file("p.json", R"([
  {"name": "Manila Voice", "hq_country": "ph", "hq_city": "Manila", "risk": "high"},
  {"hq_country": "EE", "name": "Tallinn Ops", "status": "onboarding", "website": null}
])"));
  ASSERT_EQ(providers.status, 0) << providers.err;
  EXPECT_NE(providers.err.find("2 created, 0 updated, 0 skipped"), std::string::npos) << providers.err;
  ASSERT_EQ(import("locations", file("l.json", R"([{"provider": "manila voice", "country": "PH",
    "city": "Cebu", "name": "Cebu centre"}])"))
              .status,
            0);
  ASSERT_EQ(import("offerings", file("o.json", R"([{"provider": "Tallinn Ops", "service": "payroll"},
    {"service": "customer-service", "provider": "Manila Voice"}])"))
              .status,
            0);
  ASSERT_EQ(import("engagements", file("e.json", R"([
  {"ref": "J-1", "provider": "Manila Voice", "service": "customer-service", "delivery_country": "PH",
   "start_date": "2025-01-01", "end_date": "2026-12-31", "notice_days": 60, "auto_renew": true,
   "value": 1234.50, "currency": "USD", "title": "Voice"},
  {"ref": "J-2", "provider": "Tallinn Ops", "service": "payroll", "delivery_country": "EE",
   "start_date": "2025-03-01", "delivery_model": null, "type": null}
])"))
              .status,
            0);
  ASSERT_EQ(import("spend", file("s.json", R"([
  {"engagement": "J-1", "date": "2025-02-10", "amount": 1500.50, "reference": "INV-1"},
  {"engagement": "j-2", "date": "2025-03-05", "amount": "-80.00", "currency": "eur"}
])"))
              .status,
            0);
  ASSERT_EQ(import("fx", file("f.json", R"([{"currency": "USD", "month": "2025-02", "rate": 0.9214},
    {"currency": "usd", "month": "2025-03", "rate": "0.93"}])"))
              .status,
            0);

  const auto provider_rows = cli.json({"provider", "list"});
  ASSERT_EQ(provider_rows.size(), 2u);
  EXPECT_EQ(provider_rows[0]["name"], "Manila Voice");
  EXPECT_EQ(provider_rows[0]["hq_country"], "PH");
  EXPECT_EQ(provider_rows[0]["risk"], "high");
  EXPECT_EQ(provider_rows[1]["status"], "onboarding");
  EXPECT_EQ(provider_rows[1]["website"], nullptr);

  const auto locations = cli.json({"location", "list"});
  ASSERT_EQ(locations.size(), 1u);
  EXPECT_EQ(locations[0]["provider"], "Manila Voice");
  EXPECT_EQ(locations[0]["name"], "Cebu centre");

  const auto offerings = cli.json({"offering", "list"});
  ASSERT_EQ(offerings.size(), 2u);
  EXPECT_EQ(offerings[0]["service"], "customer-service");
  EXPECT_EQ(offerings[1]["service"], "payroll");

  const auto engagements = cli.json({"engagement", "list"});
  ASSERT_EQ(engagements.size(), 2u);
  EXPECT_EQ(engagements[0]["ref"], "J-1");
  EXPECT_EQ(engagements[0]["value"], "1234.50"); // the number's text as written
  EXPECT_EQ(engagements[0]["notice_days"], 60);
  EXPECT_EQ(engagements[0]["auto_renew"], true);
  EXPECT_EQ(engagements[1]["ref"], "J-2");
  EXPECT_EQ(engagements[1]["delivery_model"], "nearshore");
  EXPECT_EQ(engagements[1]["model_source"], "derived");

  const auto spend = cli.json({"spend", "list"});
  ASSERT_EQ(spend.size(), 2u);
  EXPECT_EQ(spend[0]["amount"], "1500.50");
  EXPECT_EQ(spend[0]["currency"], "USD");
  EXPECT_EQ(spend[1]["engagement"], "J-2");
  EXPECT_EQ(spend[1]["currency"], "EUR");

  const auto rates = cli.json({"fx", "list"});
  ASSERT_EQ(rates.size(), 2u);
  EXPECT_EQ(rates[0]["rate"], "0.9214");
  EXPECT_EQ(rates[1]["currency"], "USD");
  EXPECT_EQ(rates[1]["rate"], "0.93");
}

TEST_F(ImportE2E, Rfc4180FieldsImportVerbatim)
{
  const auto path = file("rfc.csv", "\xEF\xBB\xBF"
                                    "name,hq_country,hq_city,notes\r\n"
                                    "\"Smith, Jones & Co\",GB,London,\"He said \"\"hi\"\"\"\r\n"
                                    "株式会社テスト,JP,東京,\"line one\r\nline two\"\r\n"
                                    "Kraków Services,PL,Kraków,\r\n");
  const auto output = import("providers", path);
  ASSERT_EQ(output.status, 0) << output.err;
  const auto rows = cli.json({"provider", "list"});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0]["name"], "Kraków Services"); // no BOM glued to the first column
  EXPECT_EQ(rows[0]["hq_city"], "Kraków");
  EXPECT_EQ(rows[0]["notes"], nullptr);
  EXPECT_EQ(rows[1]["name"], "Smith, Jones & Co");
  EXPECT_EQ(rows[1]["hq_city"], "London");
  EXPECT_EQ(rows[1]["notes"], "He said \"hi\"");
  EXPECT_EQ(rows[2]["name"], "株式会社テスト");
  EXPECT_EQ(rows[2]["hq_city"], "東京");
  EXPECT_EQ(rows[2]["notes"], "line one\r\nline two");

  // Written back with \n line ends, quoted where RFC 4180 asks.
  EXPECT_EQ(cli.ok({"export", "providers"}),
            "name,hq_country,legal_name,hq_city,website,status,risk,next_review,notes\n"
            "Kraków Services,PL,,Kraków,,active,,,\n"
            "\"Smith, Jones & Co\",GB,,London,,active,,,\"He said \"\"hi\"\"\"\n"
            "株式会社テスト,JP,,東京,,active,,,\"line one\r\nline two\"\n");

  // Lines are counted physically: a field over two lines moves the next record down.
  const auto bad = file("bad.csv", "name,hq_country\r\nAlpha Oy,FI\r\n\"Beta\r\nAB\",SE\r\nGamma,QQ\r\n");
  const auto failed = import("providers", bad);
  EXPECT_EQ(failed.status, 2);
  EXPECT_EQ(failed.err.rfind("vendorcat: error: " + bad + ":5: hq_country: ", 0), 0u) << failed.err;
}

TEST_F(ImportE2E, ImportsFromStdin)
{
  const auto csv = cli.run({"import", "providers", "-"}, "name,hq_country\nStdin Oy,FI\n");
  EXPECT_EQ(csv.status, 0) << csv.err;
  EXPECT_NE(csv.err.find("1 created"), std::string::npos) << csv.err;
  const auto json = cli.run({"import", "providers", "-", "--format", "json"},
                            R"([{"name": "Stdin AB", "hq_country": "SE"}])");
  EXPECT_EQ(json.status, 0) << json.err;
  const auto rows = cli.json({"provider", "list"});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["name"], "Stdin AB");
  EXPECT_EQ(rows[1]["name"], "Stdin Oy");

  const auto bad = cli.run({"import", "providers", "-"}, "name,hq_country\nGood Oy,FI\nBad Oy,QQ\n");
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err.rfind("vendorcat: error: stdin:3: hq_country: ", 0), 0u) << bad.err;
  EXPECT_EQ(cli.count("provider"), 2);
}

TEST_F(ImportE2E, EngagementModelAndTypeAreDerivedLikeAdd)
{
  cli.ok({"provider", "add", "Mumbai Insights", "--country", "IN"});
  cli.ok({"provider", "add", "Tallinn Ops", "--country", "EE"});
  cli.ok({"engagement", "add", "ADD-1", "--provider", "Mumbai Insights", "--service", "market-research",
          "--delivery-country", "IN", "--start", "2025-01-01"});
  cli.ok({"engagement", "add", "ADD-2", "--provider", "Tallinn Ops", "--service", "payroll",
          "--delivery-country", "EE", "--start", "2025-01-01"});
  const auto output = import(
    "engagements", file("e.csv", "ref,provider,service,delivery_country,start_date,delivery_model,type\n"
                                 "IMP-1,Mumbai Insights,market-research,IN,2025-01-01,,\n"
                                 "IMP-2,Tallinn Ops,payroll,EE,2025-01-01,,\n"
                                 "IMP-3,Mumbai Insights,market-research,IN,2025-01-01,onshore,BPO\n"));
  ASSERT_EQ(output.status, 0) << output.err;
  const auto without =
    import("engagements", file("f.csv", "ref,provider,service,delivery_country,start_date\n"
                                        "IMP-4,Tallinn Ops,payroll,EE,2025-01-01\n"));
  ASSERT_EQ(without.status, 0) << without.err;

  std::map<std::string, nlohmann::ordered_json> by_ref;
  for (const auto& row : cli.json({"engagement", "list"})) {
    by_ref[row["ref"]] = row;
  }
  for (const auto& key : {"delivery_model", "type", "model_source", "type_source"}) {
    EXPECT_EQ(by_ref["IMP-1"][key], by_ref["ADD-1"][key]) << key;
    EXPECT_EQ(by_ref["IMP-2"][key], by_ref["ADD-2"][key]) << key;
    EXPECT_EQ(by_ref["IMP-4"][key], by_ref["ADD-2"][key]) << key;
  }
  EXPECT_EQ(by_ref["IMP-1"]["delivery_model"], "offshore");
  EXPECT_EQ(by_ref["IMP-1"]["type"], "KPO");
  EXPECT_EQ(by_ref["IMP-1"]["model_source"], "derived");
  EXPECT_EQ(by_ref["IMP-2"]["delivery_model"], "nearshore");
  EXPECT_EQ(by_ref["IMP-2"]["type"], "BPO");
  EXPECT_EQ(by_ref["IMP-3"]["delivery_model"], "onshore");
  EXPECT_EQ(by_ref["IMP-3"]["type"], "BPO");
  EXPECT_EQ(by_ref["IMP-3"]["model_source"], "explicit");
  EXPECT_EQ(by_ref["IMP-3"]["type_source"], "explicit");

  // Export writes every model and type, with where each comes from.
  const auto exported = cli.ok({"export", "engagements"});
  EXPECT_NE(exported.find("\nIMP-1,Mumbai Insights,market-research,IN,2025-01-01,,,,offshore,KPO,,false,,EUR,"
                          "active,,,,derived,derived\n"),
            std::string::npos)
    << exported;
  EXPECT_NE(exported.find("\nIMP-3,Mumbai Insights,market-research,IN,2025-01-01,,,,onshore,BPO,,false,,EUR,"
                          "active,,,,explicit,explicit\n"),
            std::string::npos)
    << exported;
  // A source says whether a filled cell is kept or derived again; explicit needs a value.
  const auto sources =
    file("sources.csv", "ref,provider,service,delivery_country,start_date,delivery_model,"
                        "type,model_source,type_source\n"
                        "SRC-1,Tallinn Ops,payroll,EE,2025-01-01,onshore,KPO,derived,explicit\n");
  ASSERT_EQ(import("engagements", sources).status, 0);
  const auto src = cli.json({"engagement", "show", "SRC-1"});
  EXPECT_EQ(src["delivery_model"], "nearshore"); // derived again, whatever the cell said
  EXPECT_EQ(src["type"], "KPO");
  EXPECT_EQ(src["type_source"], "explicit");
  const auto bad =
    import("engagements", file("bad-sources.csv", "ref,provider,service,delivery_country,"
                                                  "start_date,type,type_source,model_source\n"
                                                  "SRC-2,Tallinn Ops,payroll,EE,2025-01-01,,explicit,"
                                                  "guessed\n"));
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("type_source: type_source explicit needs a type"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("model_source: invalid source 'guessed'"), std::string::npos) << bad.err;
}

// The demo catalogue with services added to the taxonomy (one under another)
// that an offering, an engagement (its type derived from the service) and
// spend use: every kind exported, then imported in dependency order.
