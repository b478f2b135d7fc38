// End-to-end scenarios for import, export and demo: every kind from CSV and
// JSON, all-or-nothing failures with file:line: column messages, RFC 4180
// edge cases, conflict handling, stdin, and export → import round trips.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace vendorcat::test;

namespace {

using Lines = std::vector<std::string>;

// ROWS without their `id` keys, for comparing two catalogues.
nlohmann::ordered_json without_ids(nlohmann::ordered_json rows)
{
  for (auto& row : rows) {
    row.erase("id");
  }
  return rows;
}

class ImportE2E : public ::testing::Test
{
protected:
  void SetUp() override { cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"}); }

  // Writes CONTENT to NAME in the test folder and returns its path.
  std::string file(const std::string& name, const std::string& content) const
  {
    write_file(dir / name, content);
    return (dir / name).string();
  }

  Output import(const std::string& kind, const std::string& path, std::vector<std::string> extra = {}) const
  {
    std::vector<std::string> args{"import", kind, path};
    args.insert(args.end(), extra.begin(), extra.end());
    return cli.run(args);
  }

  // A few records of every kind, so that a write anywhere would show.
  void seed() const
  {
    cli.ok({"provider", "add", "Seed Oy", "--country", "FI"});
    cli.ok({"location", "add", "Seed Oy", "--country", "EE", "--city", "Tartu"});
    cli.ok({"offering", "add", "Seed Oy", "payroll"});
    cli.ok({"engagement", "add", "S-1", "--provider", "Seed Oy", "--service", "payroll", "--delivery-country",
            "FI", "--start", "2025-01-01"});
    cli.ok({"spend", "add", "S-1", "--date", "2025-02-01", "--amount", "100.00", "--ref", "INV-S"});
    cli.ok({"fx", "set", "USD", "2025-02", "0.92"});
  }

  std::vector<long long> counts() const
  {
    return {cli.count("provider"), cli.count("location"), cli.count("offering"), cli.count("engagement"),
            cli.count("spend"),    cli.count("fx_rate"),  cli.count("audit_log")};
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

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

TEST_F(ImportE2E, ABadRowWritesNothingAndNamesFileLineAndColumn)
{
  seed();
  const auto before = counts();
  const auto path = file("providers.csv", "name,hq_country,hq_city\n"
                                          "Alpha Oy,FI,Espoo\n"
                                          "Beta AB,SE,\n"
                                          "Gamma OÜ,EE,Tartu\n"
                                          "Delta Ltd,QQ,Nowhere\n"
                                          "Epsilon Oy,FI,\n");
  for (const auto& extra : {std::vector<std::string>{}, std::vector<std::string>{"--dry-run"}}) {
    const auto output = import("providers", path, extra);
    EXPECT_EQ(output.status, 2);
    const auto lines = lines_of(output.err);
    ASSERT_EQ(lines.size(), 2u) << output.err;
    EXPECT_EQ(lines[0].rfind("vendorcat: error: " + path + ":5: hq_country: ", 0), 0u) << lines[0];
    EXPECT_NE(lines[0].find("'QQ'"), std::string::npos) << lines[0];
    EXPECT_EQ(lines[1], "vendorcat: error: nothing imported: 1 error");
    EXPECT_EQ(counts(), before);
  }

  const auto json = file("providers.json", R"([
  {"name": "Alpha Oy", "hq_country": "FI"},
  {"name": "Beta AB", "hq_country": "SE"},
  {"name": "Gamma OÜ", "hq_country": "EE"},
  {"name": "Delta Ltd", "hq_country": "QQ"}
])");
  const auto from_json = import("providers", json);
  EXPECT_EQ(from_json.status, 2);
  EXPECT_EQ(from_json.err.rfind("vendorcat: error: " + json + ":5: hq_country: ", 0), 0u) << from_json.err;
  EXPECT_EQ(counts(), before);

  const auto good = file("good.csv", "name,hq_country\nAlpha Oy,FI\nBeta AB,SE\n");
  const auto dry = import("providers", good, {"--dry-run"});
  EXPECT_EQ(dry.status, 0) << dry.err;
  EXPECT_NE(dry.err.find("2 created"), std::string::npos) << dry.err;
  EXPECT_NE(dry.err.find("nothing written"), std::string::npos) << dry.err;
  EXPECT_EQ(counts(), before);
}

TEST_F(ImportE2E, ABadServicesRowWritesNothingAndNamesFileLineAndColumn)
{
  seed();
  const auto before = counts();
  const auto path = file("services.csv", "code,name,type,parent\n"
                                         "claims-processing,Claims processing,BPO,finance-accounting\n"
                                         "claims-analytics,Claims analytics,KPO,claims-processing\n"
                                         "motor-claims,Motor claims,BPO,claims-procesing\n"
                                         "fraud-review,Fraud review,TPO,claims-processing\n");
  for (const auto& extra : {std::vector<std::string>{}, std::vector<std::string>{"--dry-run"}}) {
    const auto output = import("services", path, extra);
    EXPECT_EQ(output.status, 2);
    EXPECT_EQ(
      lines_of(output.err),
      (Lines{"vendorcat: error: " + path +
               ":4: parent: unknown service 'claims-procesing' (did you mean 'claims-processing'?)",
             "vendorcat: error: " + path + ":5: type: invalid outsourcing type 'TPO': expected BPO or KPO",
             "vendorcat: error: nothing imported: 2 errors"}));
    EXPECT_EQ(counts(), before);
    EXPECT_EQ(cli.count("service"), 16);
  }

  const auto json = file("services.json", R"([
  {"code": "claims-processing", "name": "Claims processing", "type": "BPO"},
  {"code": "motor-claims", "name": "Motor claims", "type": "BPO", "parent": "motor"},
  {"code": "fraud-review", "name": "Fraud review", "type": "XPO", "parent": "claims-processing"}
])");
  const auto from_json = import("services", json);
  EXPECT_EQ(from_json.status, 2);
  EXPECT_EQ(
    lines_of(from_json.err),
    (Lines{"vendorcat: error: " + json + ":3: parent: unknown service 'motor'",
           "vendorcat: error: " + json + ":4: type: invalid outsourcing type 'XPO': expected BPO or KPO",
           "vendorcat: error: nothing imported: 2 errors"}));
  EXPECT_EQ(counts(), before);
  EXPECT_EQ(cli.count("service"), 16);
}

TEST_F(ImportE2E, EveryBadRowIsReported)
{
  const auto path = file("p.csv", "name,hq_country,status\n"
                                  "Alpha Oy,FI,active\n"
                                  "Beta AB,ZZ,active\n"
                                  "Gamma OÜ,EE,dormant\n"
                                  "Delta Ltd,SE,active\n"
                                  ",SE,active\n");
  const auto output = import("providers", path);
  EXPECT_EQ(output.status, 2);
  const auto lines = lines_of(output.err);
  ASSERT_EQ(lines.size(), 4u) << output.err;
  EXPECT_EQ(lines[0].rfind("vendorcat: error: " + path + ":3: hq_country: ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[1].rfind("vendorcat: error: " + path + ":4: status: ", 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find("'dormant'"), std::string::npos) << lines[1];
  EXPECT_EQ(lines[2].rfind("vendorcat: error: " + path + ":6: name: ", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3], "vendorcat: error: nothing imported: 3 errors");
  EXPECT_EQ(cli.count("provider"), 0);
}

TEST_F(ImportE2E, ARowWithTheWrongFieldCountDoesNotHideTheRowsAfterIt)
{
  const auto path = file("p.csv", "name,hq_country,status\n"
                                  "Alpha Oy,FI\n"
                                  "Beta AB,SE,active\n"
                                  "Gamma OÜ,ZZ,active\n"
                                  "Delta Ltd,SE,active,extra\n");
  const auto output = import("providers", path);
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(lines_of(output.err),
            (Lines{"vendorcat: error: " + path + ":2: 2 fields, header has 3",
                   "vendorcat: error: " + path +
                     ":4: hq_country: unknown country code 'ZZ': use an ISO 3166-1 alpha-2 code "
                     "such as FI, IN or US",
                   "vendorcat: error: " + path + ":5: 4 fields, header has 3",
                   "vendorcat: error: nothing imported: 3 errors"}));
  EXPECT_EQ(cli.count("provider"), 0);
}

TEST_F(ImportE2E, MoreThanFiftyBadRowsPrintFiftyAndCountTheRest)
{
  std::string content = "name,hq_country\n";
  for (int i = 0; i < 60; ++i) {
    content += "Provider " + std::to_string(i) + ",QQ\n";
  }
  const auto path = file("p.csv", content);
  const auto output = import("providers", path);
  EXPECT_EQ(output.status, 2);
  const auto lines = lines_of(output.err);
  ASSERT_EQ(lines.size(), 52u) << output.err;
  EXPECT_EQ(lines[0].rfind("vendorcat: error: " + path + ":2: hq_country: ", 0), 0u) << lines[0];
  EXPECT_EQ(lines[49].rfind("vendorcat: error: " + path + ":51: hq_country: ", 0), 0u) << lines[49];
  EXPECT_EQ(lines[50], "vendorcat: error: ... and 10 more errors");
  EXPECT_EQ(lines[51], "vendorcat: error: nothing imported: 60 errors");
  EXPECT_EQ(cli.count("provider"), 0);
}

TEST_F(ImportE2E, HeaderErrorsNameTheColumn)
{
  const std::vector<std::pair<std::string, std::string>> cases{
    {"name,hq_country,colour\nAlpha Oy,FI,red\n", "'colour'"},
    {"name,hq_country,name\nAlpha Oy,FI,Beta\n", "'name'"},
    {"name,hq_city\nAlpha Oy,Espoo\n", "'hq_country'"},
  };
  for (const auto& [content, column] : cases) {
    const auto path = file("header.csv", content);
    const auto output = import("providers", path);
    EXPECT_EQ(output.status, 2) << content;
    EXPECT_EQ(output.err.rfind("vendorcat: error: " + path + ":1: ", 0), 0u) << output.err;
    EXPECT_NE(output.err.find(column), std::string::npos) << output.err;
  }
  const auto unknown = import("providers", file("p.json", R"([{"name": "Alpha Oy", "colour": "red"}])"));
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("unknown column 'colour'"), std::string::npos) << unknown.err;
  EXPECT_NE(unknown.err.find("required column 'hq_country' is missing"), std::string::npos) << unknown.err;
  const auto twice =
    import("providers", file("q.json", R"([{"name": "A", "hq_country": "FI", "name": "B"}])"));
  EXPECT_EQ(twice.status, 2);
  EXPECT_NE(twice.err.find("\"name\" twice"), std::string::npos) << twice.err;
  const auto spend = import("spend", file("s.csv", "engagement,amount\nE-1,10.00\n"));
  EXPECT_EQ(spend.status, 2);
  EXPECT_NE(spend.err.find("required column 'date' is missing"), std::string::npos) << spend.err;
  EXPECT_EQ(cli.count("provider"), 0);
}

// The contract: each error line is `FILE:LINE: COLUMN: message`, for the rules
// checked across columns and for conflicts as much as for a bad cell.
TEST_F(ImportE2E, EveryRowErrorNamesAColumn)
{
  cli.ok({"provider", "add", "Acme Oy", "--country", "FI"});
  const std::vector<std::tuple<std::string, std::string, Lines>> cases{
    {"engagements",
     "ref,provider,service,delivery_country,start_date,end_date\n"
     "E-1,Acme Oy,payroll,FI,2025-01-01,2024-12-31\n",
     {"ref", "provider", "service", "delivery_country", "start_date", "end_date"}},
    {"fx", "currency,month,rate\nEUR,2025-01,1\n", {"currency", "month", "rate"}},
    {"fx", "currency,month,rate\nUSD,2025-01,0.9\nUSD,2025-01,0.91\n", {"currency", "month", "rate"}},
    {"providers", "name,hq_country\nACME OY,FI\n", {"name", "hq_country"}},
    {"services", "code,name,type,parent\nx-ray,X-ray,BPO,x-ray\n", {"parent"}},
  };
  for (const auto& [kind, content, columns] : cases) {
    const auto path = file(kind + ".csv", content);
    const auto output = import(kind, path);
    EXPECT_EQ(output.status, 2) << content;
    const auto lines = lines_of(output.err);
    ASSERT_GE(lines.size(), 2u) << output.err;
    const auto& line = lines[0];
    const auto prefix = "vendorcat: error: " + path + ":";
    ASSERT_EQ(line.rfind(prefix, 0), 0u) << line;
    const auto after_line = line.find(": ", prefix.size());
    ASSERT_NE(after_line, std::string::npos) << line;
    const auto rest = line.substr(after_line + 2);
    bool named = false;
    for (const auto& column : columns) {
      named = named || rest.rfind(column + ": ", 0) == 0;
    }
    EXPECT_TRUE(named) << kind << " error names no column: " << line;
  }
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
  EXPECT_EQ(cli.sql("SELECT month || ':' || amount || ':' || lines FROM spend_monthly"), "2025-02:12550:1");

  const auto other_month = import("spend",
                                  file("t.csv", "engagement,date,amount,reference\n"
                                                "S-1,2025-04-01,90.00,INV-S\n"),
                                  {"--on-conflict", "update"});
  EXPECT_EQ(other_month.status, 0) << other_month.err;
  lines = cli.json({"spend", "list"});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["date"], "2025-04-01");
  EXPECT_EQ(lines[0]["amount"], "90.00");
  EXPECT_EQ(cli.sql("SELECT month || ':' || amount || ':' || lines FROM spend_monthly"), "2025-04:9000:1");
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

  // Export writes only the explicit ones.
  const auto exported = cli.ok({"export", "engagements"});
  EXPECT_NE(exported.find("\nIMP-1,Mumbai Insights,market-research,IN,2025-01-01,,,,,,"), std::string::npos)
    << exported;
  EXPECT_NE(exported.find("\nIMP-3,Mumbai Insights,market-research,IN,2025-01-01,,,,onshore,BPO,"),
            std::string::npos)
    << exported;
}

// The demo catalogue with services added to the taxonomy (one under another)
// that an offering, an engagement (its type derived from the service) and
// spend use: every kind exported, then imported in dependency order.
TEST_F(ImportE2E, ExportThenImportRestoresTheDemoCatalogue)
{
  cli.ok({"demo"});
  cli.ok({"service", "add", "claims-processing", "--name", "Claims processing", "--type", "BPO", "--parent",
          "finance-accounting"});
  cli.ok({"service", "add", "claims-analytics", "--name", "Claims analytics, fraud", "--type", "KPO",
          "--parent", "claims-processing"});
  const auto provider = cli.json({"provider", "list"})[0]["name"].get<std::string>();
  cli.ok({"offering", "add", provider, "claims-analytics"});
  cli.ok({"engagement", "add", "CLM-1", "--provider", provider, "--service", "claims-analytics",
          "--delivery-country", "FI", "--start", "2025-01-01", "--value", "5000.00"});
  cli.ok({"spend", "add", "CLM-1", "--date", "2025-02-01", "--amount", "1250.00", "--ref", "CLM-INV-1"});
  ASSERT_EQ(cli.json({"engagement", "show", "CLM-1"})["type"], "KPO");

  const std::vector<std::string> kinds{"providers",   "locations", "services", "offerings",
                                       "engagements", "fx",        "spend"};
  for (const auto& kind : kinds) {
    cli.ok({"export", kind, "-o", (dir / ("demo-" + kind + ".csv")).string()});
  }
  for (const auto& kind : {"providers", "services", "engagements"}) {
    const auto path = dir / (std::string("demo-") + kind + ".json");
    cli.ok({"export", kind, "--format", "json", "-o", path.string()});
  }
  EXPECT_EQ(lines_of(read_file(dir / "demo-spend.csv")).size(),
            static_cast<std::size_t>(cli.count("spend")) + 1);
  EXPECT_EQ(read_file(dir / "demo-services.csv"),
            "code,name,type,parent\n"
            "claims-processing,Claims processing,BPO,finance-accounting\n"
            "claims-analytics,\"Claims analytics, fraud\",KPO,claims-processing\n");

  Cli restored{dir / "restored.db"};
  restored.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  for (const auto& kind : kinds) {
    const auto output = restored.run({"import", kind, (dir / ("demo-" + kind + ".csv")).string()});
    ASSERT_EQ(output.status, 0) << kind << ": " << output.err;
  }
  for (const auto& kind : kinds) {
    const auto again = dir / ("again-" + kind + ".csv");
    restored.ok({"export", kind, "-o", again.string()});
    EXPECT_EQ(read_file(again), read_file(dir / ("demo-" + kind + ".csv"))) << kind;
  }
  for (const auto& table :
       {"provider", "location", "service", "offering", "engagement", "spend", "fx_rate", "spend_monthly"}) {
    EXPECT_EQ(restored.count(table), cli.count(table)) << table;
  }
  for (const auto& noun : {"provider", "location", "service", "offering", "engagement", "spend", "fx"}) {
    EXPECT_EQ(without_ids(restored.json({noun, "list"})), without_ids(cli.json({noun, "list"}))) << noun;
  }
  const std::string monthly =
    "SELECT e.ref || '|' || m.month || '|' || m.currency || '|' || m.amount || '|' || "
    "m.lines FROM spend_monthly m JOIN engagement e ON e.id = m.engagement_id "
    "ORDER BY 1";
  EXPECT_EQ(restored.sql(monthly), cli.sql(monthly));
  EXPECT_EQ(restored.run({"db", "check"}).status, 0);

  // The same through JSON for providers, services and engagements.
  Cli from_json{dir / "from-json.db"};
  from_json.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  for (const auto& kind : kinds) {
    const bool json = kind == "providers" || kind == "services" || kind == "engagements";
    const auto path = dir / ("demo-" + kind + (json ? ".json" : ".csv"));
    const auto output = from_json.run({"import", kind, path.string()});
    ASSERT_EQ(output.status, 0) << kind << ": " << output.err;
  }
  for (const auto& kind : {"providers", "services", "engagements"}) {
    EXPECT_EQ(from_json.ok({"export", kind, "--format", "json"}),
              read_file(dir / (std::string("demo-") + kind + ".json")))
      << kind;
  }
  for (const auto& kind : kinds) {
    EXPECT_EQ(from_json.ok({"export", kind}), read_file(dir / ("demo-" + kind + ".csv"))) << kind;
  }
}

// Export writes spend lines in the order recorded, so an import's file comes
// back as it was, whatever the order of its dates; lists stay by date.
TEST_F(ImportE2E, SpendExportKeepsTheOrderRecorded)
{
  cli.ok({"provider", "add", "Acme Oy", "--country", "FI"});
  for (const char* ref : {"E-1", "E-2"}) {
    cli.ok({"engagement", "add", ref, "--provider", "Acme Oy", "--service", "payroll", "--delivery-country",
            "FI", "--start", "2024-01-01"});
  }
  const std::string content = "engagement,date,amount,currency,reference\n"
                              "E-2,2025-03-15,30.00,EUR,INV-3\n"
                              "E-1,2025-01-31,10.00,EUR,\n"
                              "E-1,2025-02-28,-5.00,EUR,CN-1\n"
                              "E-2,2024-12-01,7.50,USD,INV-0\n"
                              "E-1,2025-01-31,2.00,EUR,INV-1\n";
  const auto output = import("spend", file("s.csv", content));
  ASSERT_EQ(output.status, 0) << output.err;
  EXPECT_EQ(cli.ok({"export", "spend"}), content);

  // A line added later comes last, however early its date.
  cli.ok({"spend", "add", "E-1", "--date", "2024-01-02", "--amount", "1.00", "--ref", "LATE"});
  EXPECT_EQ(cli.ok({"export", "spend"}), content + "E-1,2024-01-02,1.00,EUR,LATE\n");

  Lines dates;
  for (const auto& line : cli.json({"spend", "list"})) {
    dates.push_back(line["date"]);
  }
  EXPECT_EQ(dates,
            (Lines{"2024-01-02", "2024-12-01", "2025-01-31", "2025-01-31", "2025-02-28", "2025-03-15"}));
}

TEST_F(ImportE2E, DemoRefusesANonEmptyCatalogue)
{
  cli.ok({"provider", "add", "Already Here Oy", "--country", "FI"});
  const std::vector<long long> before{cli.count("provider"), cli.count("engagement"), cli.count("spend"),
                                      cli.count("fx_rate"), cli.count("audit_log")};
  const auto output = cli.run({"demo"});
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(output.err.rfind("vendorcat: error: ", 0), 0u) << output.err;
  EXPECT_EQ((std::vector<long long>{cli.count("provider"), cli.count("engagement"), cli.count("spend"),
                                    cli.count("fx_rate"), cli.count("audit_log")}),
            before);

  Cli fresh{dir / "fresh.db"};
  fresh.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  fresh.ok({"demo"});
  EXPECT_GT(fresh.count("provider"), 0);
  EXPECT_EQ(fresh.run({"demo"}).status, 2);
}

TEST_F(ImportE2E, ExportOfAnEmptyKindIsAHeaderOrAnEmptyArray)
{
  const std::vector<std::pair<std::string, std::string>> headers{
    {"providers", "name,hq_country,legal_name,hq_city,website,status,risk,next_review,notes\n"},
    {"locations", "provider,country,city,name\n"},
    {"services", "code,name,type,parent\n"}, // the built-in taxonomy is not written
    {"offerings", "provider,service\n"},
    {"engagements", "ref,provider,service,delivery_country,start_date,end_date,title,client_unit,"
                    "delivery_model,type,notice_days,auto_renew,value,currency,status,owner,notes\n"},
    {"spend", "engagement,date,amount,currency,reference\n"},
    {"fx", "currency,month,rate\n"},
  };
  for (const auto& [kind, header] : headers) {
    EXPECT_EQ(cli.ok({"export", kind}), header) << kind;
    EXPECT_EQ(cli.ok({"export", kind, "--format", "json"}), "[]\n") << kind;
    EXPECT_EQ(cli.ok({"export", kind, "--format", "jsonl"}), "") << kind;
  }
}

// Refs differing only in non-ASCII letter case are different engagements (the
// ref column folds ASCII only); a spend import must book to the one named.
TEST_F(ImportE2E, SpendRefsFoldOnlyAsciiCase)
{
  cli.ok({"provider", "add", "Acme Oy", "--country", "FI"});
  for (const char* ref : {"ÉTÉ-1", "été-1"}) {
    cli.ok({"engagement", "add", ref, "--provider", "Acme Oy", "--service", "payroll", "--delivery-country",
            "FI", "--start", "2026-01-01"});
  }
  const auto path = (dir / "accents.csv").string();
  write_file(path, "engagement,date,amount\nété-1,2026-03-01,5.00\nétÉ-1,2026-03-02,1.00\n");
  const auto output = cli.run({"import", "spend", path});
  EXPECT_EQ(output.status, 2) << output.err; // étÉ-1 names neither
  write_file(path, "engagement,date,amount\nété-1,2026-03-01,5.00\n");
  cli.ok({"import", "spend", path});
  const auto lines = cli.json({"spend", "list", "--engagement", "été-1"});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["engagement"], "été-1");
  EXPECT_EQ(cli.json({"spend", "list", "--engagement", "ÉTÉ-1"}).size(), 0u);
}
