// End-to-end scenarios for bad import files: all or nothing, with file:line:
// column messages for every bad row and header.

#include "support/import_fixture.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace vendorcat::test;

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

TEST_F(ImportE2E, EveryBadCellOfARowIsReportedNotOnlyTheFirst)
{
  seed();
  const auto before = counts();
  const auto spend = import("spend", file("s.csv", "engagement,date,amount\nS-9,2025-02-30,12.3456789\n"));
  EXPECT_EQ(spend.status, 2);
  for (const char* cell : {":2: engagement: ", ":2: date: ", ":2: amount: "}) {
    EXPECT_NE(spend.err.find(cell), std::string::npos) << cell << "\n" << spend.err;
  }
  const auto engagements = import(
    "engagements",
    file("e.csv", "ref,provider,service,delivery_country,start_date,notice_days,status,renewal_months\n"
                  "N-1,Seed Oy,payroll,QQ,2025-13-01,ninety,open,abc\n"));
  EXPECT_EQ(engagements.status, 2);
  for (const char* cell : {":2: delivery_country: ", ":2: start_date: ", ":2: notice_days: ", ":2: status: ",
                           ":2: renewal_months: "}) {
    EXPECT_NE(engagements.err.find(cell), std::string::npos) << cell << "\n" << engagements.err;
  }
  const auto providers = import("providers", file("p.csv", "name,hq_country,status,risk,next_review\n"
                                                           "New Oy,QQ,gone,extreme,2025-02-29\n"));
  EXPECT_EQ(providers.status, 2);
  for (const char* cell : {":2: hq_country: ", ":2: status: ", ":2: risk: ", ":2: next_review: "}) {
    EXPECT_NE(providers.err.find(cell), std::string::npos) << cell << "\n" << providers.err;
  }
  EXPECT_EQ(counts(), before);
  // On the command line, one line naming each.
  const auto added = cli.run({"provider", "add", "Cli Oy", "--country", "QQ", "--risk", "extreme"});
  EXPECT_EQ(added.status, 2);
  EXPECT_EQ(lines_of(added.err).size(), 1U) << added.err;
  EXPECT_NE(added.err.find("QQ"), std::string::npos) << added.err;
  EXPECT_NE(added.err.find("extreme"), std::string::npos) << added.err;
}
