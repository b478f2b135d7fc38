// End-to-end scenarios for providers, locations and offerings: a small
// catalogue of seven providers in five countries and three regions.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace vendorcat::test;

namespace {

class ProvidersE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Transcom", "--country", "SE", "--city", "Stockholm", "--notes",
            "call centres across the Nordics"});
    cli.ok({"provider", "add", "Baltic Research OÜ", "--country", "EE", "--city", "Tallinn", "--notes",
            "market studies and surveys"});
    cli.ok({"provider", "add", "Infosys BPM", "--country", "IN", "--city", "Bengaluru", "--status", "active",
            "--risk", "medium"});
    cli.ok(
      {"provider", "add", "Manila Voice", "--country", "PH", "--city", "Manila", "--status", "onboarding"});
    cli.ok({"provider", "add", "Köln Data GmbH", "--country", "DE", "--city", "Köln", "--notes",
            "payroll and data analysis"});
    cli.ok({"provider", "add", "Riga Payroll", "--country", "LV", "--city", "Riga", "--status", "inactive",
            "--next-review", "2027-01-31"});
    cli.ok({"provider", "add", "Cebu Analytics", "--country", "PH", "--city", "Cebu"});
    cli.ok({"location", "add", "Transcom", "--country", "LV", "--city", "Riga"});
    cli.ok({"location", "add", "Transcom", "--country", "PH", "--city", "Manila"});
    cli.ok({"location", "add", "Infosys BPM", "--country", "PL", "--city", "Kraków"});
    cli.ok({"offering", "add", "Transcom", "customer-service"});
    cli.ok({"offering", "add", "Manila Voice", "customer-service"});
    cli.ok({"offering", "add", "Baltic Research OÜ", "market-research"});
    cli.ok({"offering", "add", "Köln Data GmbH", "payroll"});
    cli.ok({"offering", "add", "Riga Payroll", "payroll"});
    cli.ok({"offering", "add", "Cebu Analytics", "data-analysis"});
  }

  std::vector<std::string> names(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"provider", "list"});
    std::vector<std::string> found;
    for (const auto& row : cli.json(args)) {
      found.push_back(row["name"]);
    }
    return found;
  }

  // Row counts of every table a failed command could have touched.
  std::vector<long long> counts() const
  {
    return {cli.count("provider"), cli.count("location"), cli.count("offering"), cli.count("audit_log")};
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

using Names = std::vector<std::string>;

} // namespace

TEST_F(ProvidersE2E, ListIsSortedByNameWithTheContractKeys)
{
  const auto rows = cli.json({"provider", "list"});
  ASSERT_EQ(rows.size(), 7u);
  EXPECT_EQ(rows[0]["name"], "Baltic Research OÜ");
  EXPECT_EQ(rows[6]["name"], "Transcom");
  std::vector<std::string> keys;
  for (const auto& [key, value] : rows[0].items()) {
    keys.push_back(key);
  }
  EXPECT_EQ(keys, (Names{"id", "name", "hq_country", "legal_name", "hq_city", "website", "status", "risk",
                         "next_review", "notes"}));
  const auto csv = cli.ok({"provider", "list", "--format", "csv", "--country", "JP"});
  EXPECT_EQ(csv, "id,name,hq_country,legal_name,hq_city,website,status,risk,next_review,notes\n");
  EXPECT_EQ(cli.ok({"provider", "list", "--format", "json", "--country", "JP"}), "[]\n");
}

TEST_F(ProvidersE2E, FiltersEachAlone)
{
  EXPECT_EQ(names({"--country", "LV"}), (Names{"Riga Payroll", "Transcom"}));
  EXPECT_EQ(names({"--country", "ph"}), (Names{"Cebu Analytics", "Manila Voice", "Transcom"}));
  EXPECT_EQ(names({"--region", "Asia"}),
            (Names{"Cebu Analytics", "Infosys BPM", "Manila Voice", "Transcom"}));
  EXPECT_EQ(names({"--region", "eastern europe"}), (Names{"Infosys BPM"}));
  EXPECT_EQ(names({"--region", "Northern Europe"}),
            (Names{"Baltic Research OÜ", "Riga Payroll", "Transcom"}));
  EXPECT_EQ(names({"--city", "riga"}), (Names{"Riga Payroll", "Transcom"}));
  EXPECT_EQ(names({"--service", "payroll"}), (Names{"Köln Data GmbH", "Riga Payroll"}));
  EXPECT_EQ(names({"--status", "onboarding"}), (Names{"Manila Voice"}));
  EXPECT_EQ(names({"--model", "offshore"}), Names{});
  EXPECT_EQ(names({"--type", "KPO"}), Names{});
}

TEST_F(ProvidersE2E, FiltersCombineWithAnd)
{
  EXPECT_EQ(names({"--region", "Asia", "--service", "customer-service"}),
            (Names{"Manila Voice", "Transcom"}));
  EXPECT_EQ(names({"--region", "Europe", "--service", "payroll", "--status", "active"}),
            (Names{"Köln Data GmbH"}));
  EXPECT_EQ(names({"--country", "PH", "--city", "Cebu"}), (Names{"Cebu Analytics"}));
  EXPECT_EQ(names({"--country", "SE", "--service", "payroll"}), Names{});
}

TEST_F(ProvidersE2E, ShowIncludesLocationsAndOfferings)
{
  const auto shown = cli.json({"provider", "show", "transcom"});
  EXPECT_EQ(shown["name"], "Transcom");
  EXPECT_EQ(shown["locations"].size(), 2u);
  EXPECT_EQ(shown["offerings"], nlohmann::ordered_json::parse(R"(["customer-service"])"));
  EXPECT_EQ(shown["engagements"], nlohmann::ordered_json::array());
  EXPECT_EQ(shown["spent"], "0.00");
  EXPECT_EQ(shown["currency"], "EUR");
  const auto table = cli.ok({"provider", "show", "Transcom"});
  EXPECT_NE(table.find("Manila"), std::string::npos);
}

TEST_F(ProvidersE2E, ShowGivesEngagementsAndSpendToDateInTheBaseCurrency)
{
  cli.ok({"offering", "add", "Transcom", "payroll"});
  const auto engagement = [&](const std::string& ref, const std::string& service, const std::string& currency,
                              std::vector<std::string> extra) {
    std::vector<std::string> args{
      "engagement",         "add", ref,       "--provider", "Transcom",   "--service", service,
      "--delivery-country", "LV",  "--start", "2026-01-01", "--currency", currency};
    args.insert(args.end(), extra.begin(), extra.end());
    cli.ok(args);
  };
  engagement("T-EUR", "customer-service", "EUR", {});
  engagement("T-USD", "payroll", "USD", {"--end", "2027-06-30", "--type", "KPO", "--status", "planned"});
  engagement("T-NONE", "payroll", "EUR", {});
  cli.ok({"fx", "set", "USD", "2026-01", "0.91234"});
  cli.ok({"fx", "set", "USD", "2026-02", "0.8"});
  cli.ok({"spend", "add", "T-EUR", "--date", "2026-01-05", "--amount", "100.00"});
  cli.ok({"spend", "add", "T-EUR", "--date", "2026-02-05", "--amount", "20.50"});
  cli.ok({"spend", "add", "T-USD", "--date", "2026-01-10", "--amount", "10.00"}); // 9.1234 EUR
  cli.ok({"spend", "add", "T-USD", "--date", "2026-02-10", "--amount", "10.05"}); // 8.04 EUR

  const auto shown = cli.json({"provider", "show", "Transcom"});
  // 120.50 + 17.1634 = 137.6634, rounded once.
  EXPECT_EQ(shown["spent"], "137.66");
  EXPECT_EQ(shown["currency"], "EUR");
  EXPECT_EQ(shown["offerings"], nlohmann::ordered_json::parse(R"(["customer-service", "payroll"])"));
  ASSERT_EQ(shown["locations"].size(), 2u);
  EXPECT_EQ(shown["locations"][0]["city"], "Riga");
  ASSERT_EQ(shown["engagements"].size(), 3u);
  EXPECT_EQ(shown["engagements"][0], nlohmann::ordered_json::parse(R"(
    {"ref": "T-EUR", "service": "customer-service", "type": "BPO", "delivery_model": "nearshore",
     "status": "active", "end_date": null, "spent": "120.50"})"));
  EXPECT_EQ(shown["engagements"][1]["ref"], "T-NONE");
  EXPECT_EQ(shown["engagements"][1]["spent"], "0.00");
  EXPECT_EQ(shown["engagements"][2], nlohmann::ordered_json::parse(R"(
    {"ref": "T-USD", "service": "payroll", "type": "KPO", "delivery_model": "nearshore",
     "status": "planned", "end_date": "2027-06-30", "spent": "17.16"})"));

  const auto table = cli.ok({"provider", "show", "Transcom"});
  for (const auto* part :
       {"spent:", "137.66", "locations (2)", "offerings (2)", "engagements (3)", "17.16"}) {
    EXPECT_NE(table.find(part), std::string::npos) << part << "\n" << table;
  }
  const auto csv = lines_of(cli.ok({"provider", "show", "Transcom", "--format", "csv"}));
  ASSERT_EQ(csv.size(), 2u);
  EXPECT_TRUE(csv[0].ends_with(",spent,currency")) << csv[0];
  EXPECT_TRUE(csv[1].ends_with(",137.66,EUR")) << csv[1];

  // A spend line whose month has no rate: the error of report spend.
  cli.ok({"spend", "add", "T-USD", "--date", "2026-03-10", "--amount", "1.00"});
  const auto missing = cli.run({"provider", "show", "Transcom"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.out, "");
  EXPECT_EQ(missing.err, cli.run({"report", "spend"}).err);
  EXPECT_NE(missing.err.find("missing exchange rate for USD 2026-03"), std::string::npos) << missing.err;
}

TEST_F(ProvidersE2E, SearchFindsNotesAndRanksNameMatchesFirst)
{
  auto rows = cli.json({"provider", "search", "surveys"});
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["name"], "Baltic Research OÜ");
  rows = cli.json({"provider", "search", "payroll"});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["name"], "Riga Payroll");
  EXPECT_EQ(rows[1]["name"], "Köln Data GmbH");
  // Kept in sync on update and remove.
  cli.ok({"provider", "update", "Riga Payroll", "--name", "Riga Salaries"});
  EXPECT_EQ(cli.json({"provider", "search", "riga"})[0]["name"], "Riga Salaries");
  cli.ok({"provider", "remove", "Köln Data GmbH"});
  EXPECT_EQ(cli.json({"provider", "search", "payroll"}).size(), 0u);
}

TEST_F(ProvidersE2E, BadInputExitsTwoAndWritesNothing)
{
  const auto before = counts();
  const std::vector<std::vector<std::string>> bad{
    {"provider", "add", "Nowhere Ltd", "--country", "ZZ"},
    {"provider", "add", "  ", "--country", "SE"},
    {"provider", "add", "TRANSCOM", "--country", "SE"},
    {"provider", "add", "köln data gmbh", "--country", "DE"},
    {"provider", "add", "X", "--country", "SE", "--status", "dormant"},
    {"provider", "add", "X", "--country", "SE", "--risk", "extreme"},
    {"provider", "add", "X", "--country", "SE", "--next-review", "2026-02-30"},
    {"provider", "add", "X"},
    {"provider", "update", "Transcom", "--name", "riga payroll"},
    {"provider", "update", "Transcom", "--country", "XX"},
    {"provider", "update", "Nobody", "--city", "Oslo"},
    {"location", "add", "Transcom", "--country", "QQ"},
    {"location", "add", "Transkom", "--country", "SE"},
    {"location", "remove", "999"},
    {"offering", "add", "Transcom", "customer-service"},
    {"offering", "add", "Transcom", "marketresearch"},
    {"offering", "remove", "Transcom", "payroll"},
    {"provider", "list", "--region", "Atlantis"},
    {"provider", "list", "--model", "inshore"},
    {"provider", "list", "--country", "ZZ"},
  };
  for (const auto& args : bad) {
    const auto output = cli.run(args);
    EXPECT_EQ(output.status, 2) << args[0] << " " << args[1] << " " << args[2];
    EXPECT_EQ(output.err.rfind("vendorcat: error: ", 0), 0u) << output.err;
    EXPECT_EQ(std::count(output.err.begin(), output.err.end(), '\n'), 1) << output.err;
  }
  EXPECT_EQ(counts(), before);
  EXPECT_NE(cli.run({"location", "add", "Transkom", "--country", "SE"}).err.find("did you mean 'Transcom'"),
            std::string::npos);
  EXPECT_NE(cli.run({"offering", "add", "Transcom", "marketresearch"}).err.find("'market-research'"),
            std::string::npos);
}

TEST_F(ProvidersE2E, RemoveTakesLocationsAndOfferingsAlong)
{
  cli.ok({"provider", "remove", "Transcom"});
  EXPECT_EQ(cli.count("provider"), 6);
  EXPECT_EQ(cli.sql("SELECT count(*) FROM location WHERE city IN ('Riga', 'Manila')"), "0");
  EXPECT_EQ(cli.json({"offering", "list", "--service", "customer-service"}).size(), 1u);
  EXPECT_EQ(cli.sql("SELECT entity FROM audit_log WHERE action = 'delete' ORDER BY id"),
            "location\nlocation\noffering\nprovider");
}

TEST_F(ProvidersE2E, AuditRecordsAddUpdateAndRemove)
{
  cli.ok({"provider", "add", "Audit Me AB", "--country", "SE", "--city", "Lund"});
  const auto id = cli.sql("SELECT id FROM provider WHERE name = 'Audit Me AB'");
  cli.ok({"provider", "update", "Audit Me AB", "--city", "Malmö", "--risk", "low"});
  cli.ok({"provider", "remove", "Audit Me AB"});
  const auto rows = cli.sql("SELECT action || '|' || coalesce(before, '') || '|' || coalesce(after, '') "
                            "FROM audit_log WHERE entity = 'provider' AND entity_id = " +
                            id + " ORDER BY id");
  const auto first = rows.substr(0, rows.find('\n'));
  EXPECT_EQ(first.rfind("insert||{", 0), 0u) << first;
  EXPECT_NE(first.find("\"hq_city\":\"Lund\""), std::string::npos);
  EXPECT_NE(
    rows.find("\nupdate|{\"hq_city\":\"Lund\",\"risk\":null}|{\"hq_city\":\"Malmö\",\"risk\":\"low\"}\n"),
    std::string::npos)
    << rows;
  EXPECT_NE(rows.find("\ndelete|{\"id\":" + id), std::string::npos) << rows;
}

TEST_F(ProvidersE2E, LocationAndOfferingListsFilter)
{
  const auto locations = cli.json({"location", "list", "--provider", "Transcom"});
  ASSERT_EQ(locations.size(), 2u);
  EXPECT_EQ(locations[0]["country"], "LV");
  EXPECT_EQ(cli.json({"location", "list", "--country", "PL"})[0]["city"], "Kraków");
  const auto offerings = cli.json({"offering", "list", "--service", "payroll"});
  ASSERT_EQ(offerings.size(), 2u);
  EXPECT_EQ(offerings[0]["provider"], "Köln Data GmbH");
  cli.ok({"offering", "remove", "Riga Payroll", "payroll"});
  EXPECT_EQ(cli.json({"offering", "list", "--service", "payroll"}).size(), 1u);
  const auto id = locations[0]["id"].get<long long>();
  cli.ok({"location", "remove", std::to_string(id)});
  EXPECT_EQ(cli.json({"location", "list", "--provider", "Transcom"}).size(), 1u);
}

TEST(ProviderIdsE2E, AProviderNamedLikeAnIdIsNotMistakenForANewOne)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  cli.ok({"provider", "add", "2", "--country", "FI"}); // id 1
  const auto added = cli.run({"provider", "add", "Second Oy", "--country", "FI"});
  EXPECT_NE(added.err.find("added provider 'Second Oy' (id 2)"), std::string::npos) << added.err;
  cli.ok({"provider", "add", "Third Oy", "--country", "SE"});
  const auto updated = cli.run({"provider", "update", "Second Oy", "--city", "Oulu"});
  EXPECT_NE(updated.err.find("updated provider 'Second Oy'"), std::string::npos) << updated.err;
  cli.ok({"engagement", "add", "2", "--provider", "2", "--service", "payroll", "--delivery-country", "FI",
          "--start", "2025-01-01"});
  const auto engagement = cli.run({"engagement", "add", "E-2", "--provider", "Third Oy", "--service",
                                   "payroll", "--delivery-country", "SE", "--start", "2025-01-01"});
  EXPECT_NE(engagement.err.find("added engagement E-2 "), std::string::npos) << engagement.err;
}

TEST(ProviderIdsE2E, AListingWhoseFilterIsRefusedWritesNothing)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  cli.ok({"provider", "add", "Seed Oy", "--country", "FI"});
  for (const auto* format : {"json", "csv", "jsonl", "table"}) {
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"provider", "list", "--service", "no-such-service"},
                                               {"engagement", "list", "--provider", "No Such Oy"},
                                               {"spend", "list", "--engagement", "NO-SUCH"}}) {
      auto full = args;
      full.insert(full.end(), {"--format", format});
      const auto output = cli.run(full);
      EXPECT_EQ(output.status, 2) << args[0] << " " << format;
      EXPECT_EQ(output.out, "") << args[0] << " " << format;
    }
  }
}
