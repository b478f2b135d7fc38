// End-to-end scenarios for export and demo: export then import restores the
// catalogue, spend keeps its recorded order, empty kinds export cleanly.

#include "support/import_fixture.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace vendorcat::test;

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

  const std::vector<std::string> kinds{"providers", "locations", "services", "offerings",  "engagements",
                                       "fx",        "spend",     "volumes",  "assessments"};
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
  for (const auto& table : {"provider", "location", "service", "offering", "engagement", "spend", "fx_rate",
                            "spend_monthly", "spend_by_class", "volume", "assessment"}) {
    EXPECT_EQ(restored.count(table), cli.count(table)) << table;
  }
  for (const auto& noun :
       {"provider", "location", "service", "offering", "engagement", "spend", "fx", "volume"}) {
    EXPECT_EQ(without_ids(restored.json({noun, "list"})), without_ids(cli.json({noun, "list"}))) << noun;
  }
  const std::string monthly =
    "SELECT e.ref || '|' || m.month || '|' || m.currency || '|' || m.amount || '|' || "
    "m.lines FROM spend_monthly m JOIN engagement e ON e.id = m.engagement_id "
    "ORDER BY 1";
  EXPECT_EQ(restored.sql(monthly), cli.sql(monthly));
  // The assessed types, and so the BPO/KPO split, come back with the answers.
  EXPECT_EQ(restored.json({"report", "assessment"}), cli.json({"report", "assessment"}));
  EXPECT_EQ(restored.json({"report", "spend", "--by", "type,model"}),
            cli.json({"report", "spend", "--by", "type,model"}));
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
    {"engagements",
     "ref,provider,service,delivery_country,start_date,end_date,title,client_unit,"
     "delivery_model,type,notice_days,auto_renew,value,currency,status,owner,notes,renewal_months,"
     "model_source,type_source\n"},
    {"spend", "engagement,date,amount,currency,reference\n"},
    {"fx", "currency,month,rate\n"},
    {"volumes", "engagement,month,quantity,unit\n"},
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
