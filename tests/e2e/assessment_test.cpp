// End-to-end scenarios for the BPO/KPO assessment: `engagement assess`, the
// type rule as engagement list, show and report spend see it, `report
// assessment`, the assessments kind and the audit trail.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

using namespace vendorcat::test;

namespace {

// Six answers pointing to KPO and two to BPO (talent and focus).
const std::vector<std::string> six_of_eight_kpo{"--basis",     "judgement",     "--complexity",   "high",
                                                "--expertise", "knowledge",     "--arbitrage",    "knowledge",
                                                "--driver",    "insight",       "--coordination", "high",
                                                "--talent",    "communication", "--focus",        "low"};

// Two customer-service engagements (a BPO service) delivered from the
// Philippines, FI home, EUR base:
//   MT-1: 2025-01-15 1000.00, 2025-02-10 500.00 (medical transcription that
//         needs clinical judgement: assessed KPO below)
//   CC-1: 2025-01-20 2000.00
// 2025-Q1 total 3500.00 in 3 lines.
class AssessmentE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Manila Voice", "--country", "PH"});
    for (const auto* ref : {"MT-1", "CC-1"}) {
      cli.ok({"engagement", "add", ref, "--provider", "Manila Voice", "--service", "customer-service",
              "--delivery-country", "PH", "--start", "2025-01-01"});
    }
    cli.ok({"spend", "add", "MT-1", "--date", "2025-01-15", "--amount", "1000.00"});
    cli.ok({"spend", "add", "MT-1", "--date", "2025-02-10", "--amount", "500.00"});
    cli.ok({"spend", "add", "CC-1", "--date", "2025-01-20", "--amount", "2000.00"});
  }

  void assess(const std::string& ref, const std::vector<std::string>& answers) const
  {
    std::vector<std::string> args{"engagement", "assess", ref};
    args.insert(args.end(), answers.begin(), answers.end());
    cli.ok(args);
  }

  // "type|amount|lines|share" per row of report spend by type, 2025-Q1.
  std::vector<std::string> spend_by_type() const
  {
    std::vector<std::string> rows;
    for (const auto& row : cli.json({"report", "spend", "--by", "type", "--period", "quarter"})) {
      rows.push_back(fmt::format("{}|{}|{}|{}", row["type"].get<std::string>(),
                                 row["amount"].get<std::string>(), row["lines"].get<int>(),
                                 row["share"].get<double>()));
    }
    return rows;
  }

  std::string field(const std::string& ref, const std::string& key) const
  {
    for (const auto& row : cli.json({"engagement", "list"})) {
      if (row["ref"] == ref) {
        return row[key].get<std::string>();
      }
    }
    return "no engagement " + ref;
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST_F(AssessmentE2E, SixOfEightKpoOnABpoServiceMakesItKpoAndMovesItsSpend)
{
  ASSERT_EQ(spend_by_type(), (std::vector<std::string>{"BPO|3500.00|3|1"}));

  assess("MT-1", six_of_eight_kpo);

  EXPECT_EQ(field("MT-1", "type"), "KPO");
  EXPECT_EQ(field("MT-1", "type_source"), "assessed");
  EXPECT_EQ(field("CC-1", "type"), "BPO");
  // BPO keeps CC-1's 2000.00 of 3500.00 = 0.571428... -> 0.5714; KPO takes MT-1's
  // 1000.00 + 500.00 = 1500.00 in 2 lines, 0.428571... -> 0.4286.
  EXPECT_EQ(spend_by_type(), (std::vector<std::string>{"BPO|2000.00|1|0.5714", "KPO|1500.00|2|0.4286"}));

  const auto mismatches = cli.json({"report", "assessment", "--mismatch-only"});
  ASSERT_EQ(mismatches.size(), 1U) << mismatches.dump();
  const auto& row = mismatches[0];
  EXPECT_EQ(row["ref"], "MT-1");
  EXPECT_EQ(row["provider"], "Manila Voice");
  EXPECT_EQ(row["service"], "customer-service");
  EXPECT_EQ(row["service_type"], "BPO");
  EXPECT_EQ(row["answered"], 8);
  EXPECT_EQ(row["kpo_points"], 6);
  EXPECT_EQ(row["assessed_type"], "KPO");
  EXPECT_EQ(row["type"], "KPO");
  EXPECT_EQ(row["type_source"], "assessed");
  EXPECT_EQ(row["mismatch"], true);
  EXPECT_EQ(row["talent"], "communication");

  const auto shown = cli.ok({"engagement", "show", "MT-1"});
  EXPECT_NE(shown.find("type KPO (assessed): 6 of 8 criteria point to KPO: judgement, high complexity, "
                       "knowledge expertise, knowledge arbitrage, insight-driven, high coordination; 2 to "
                       "BPO: communication skills, low-level processes"),
            std::string::npos)
    << shown;
  const auto assessed = cli.json({"engagement", "list", "--type-source", "assessed"});
  ASSERT_EQ(assessed.size(), 1U);
  EXPECT_EQ(assessed[0]["ref"], "MT-1");
  EXPECT_EQ(cli.json({"engagement", "list", "--type", "KPO"}).size(), 1U);

  // Four answers cleared: four left, fewer than five, so the service decides again.
  assess("MT-1", {"--basis", "", "--complexity", "", "--expertise", "", "--arbitrage", ""});
  EXPECT_EQ(field("MT-1", "type"), "BPO");
  EXPECT_EQ(field("MT-1", "type_source"), "derived");
  EXPECT_EQ(spend_by_type(), (std::vector<std::string>{"BPO|3500.00|3|1"}));
  EXPECT_TRUE(cli.json({"report", "assessment", "--mismatch-only"}).empty());
  const auto all = cli.json({"report", "assessment"});
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(all[0]["answered"], 4);
  EXPECT_EQ(all[0]["kpo_points"], 2);
  EXPECT_TRUE(all[0]["assessed_type"].is_null());
  EXPECT_EQ(all[0]["mismatch"], false);
  EXPECT_NE(cli.ok({"engagement", "show", "MT-1"})
              .find("type BPO (derived): default of service customer-service; the assessment gives no type "
                    "(4 answered, at least 5 needed)"),
            std::string::npos);
  // Both roll-up levels follow every move.
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
}

TEST_F(AssessmentE2E, ATieGivesNoTypeAndATypeSetByHandBeatsTheAssessment)
{
  assess("MT-1", {"--basis", "judgement", "--complexity", "high", "--expertise", "knowledge", "--arbitrage",
                  "cost", "--driver", "volume", "--talent", "communication"});
  EXPECT_EQ(field("MT-1", "type_source"), "derived");
  EXPECT_NE(cli.ok({"engagement", "show", "MT-1"}).find("the assessment ties, 3 to 3"), std::string::npos);

  assess("MT-1", {"--focus", "high"}); // 4 to 3
  EXPECT_EQ(field("MT-1", "type"), "KPO");
  EXPECT_EQ(field("MT-1", "type_source"), "assessed");

  cli.ok({"engagement", "update", "MT-1", "--type", "BPO"});
  EXPECT_EQ(field("MT-1", "type"), "BPO");
  EXPECT_EQ(field("MT-1", "type_source"), "explicit");
  const auto row = cli.json({"report", "assessment"})[0];
  EXPECT_EQ(row["assessed_type"], "KPO");
  EXPECT_EQ(row["type"], "BPO");
  EXPECT_EQ(row["type_source"], "explicit");
  EXPECT_EQ(row["mismatch"], true);           // the answers still contradict the service
  assess("MT-1", {"--coordination", "high"}); // answers change, the hand-set type stays
  EXPECT_EQ(field("MT-1", "type"), "BPO");

  cli.ok({"engagement", "update", "MT-1", "--type", ""}); // let the rule decide again
  EXPECT_EQ(field("MT-1", "type"), "KPO");
  EXPECT_EQ(field("MT-1", "type_source"), "assessed");

  // A new default for the service leaves an assessed engagement as it is.
  cli.ok({"service", "add", "clinical-notes", "--name", "Clinical notes", "--type", "BPO"});
  cli.ok({"engagement", "update", "MT-1", "--service", "clinical-notes"});
  cli.ok({"service", "update", "clinical-notes", "--type", "KPO"});
  EXPECT_EQ(field("MT-1", "type_source"), "assessed");

  cli.ok({"engagement", "assess", "MT-1", "--clear"});
  EXPECT_EQ(field("MT-1", "type"), "KPO"); // now the service's default
  EXPECT_EQ(field("MT-1", "type_source"), "derived");
  EXPECT_TRUE(cli.json({"report", "assessment"}).empty());
}

TEST_F(AssessmentE2E, BadAnswersAreEachNamedAndNothingIsWritten)
{
  const auto audited = cli.count("audit_log");
  const auto bad = cli.run(
    {"engagement", "assess", "MT-1", "--basis", "gut-feeling", "--focus", "middle", "--driver", "insight"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("invalid basis 'gut-feeling': expected rules (BPO) or judgement (KPO)"),
            std::string::npos)
    << bad.err;
  EXPECT_NE(bad.err.find("invalid focus 'middle': expected low (BPO) or high (KPO)"), std::string::npos)
    << bad.err;
  EXPECT_EQ(cli.count("assessment"), 0);
  EXPECT_EQ(cli.count("audit_log"), audited);
  EXPECT_EQ(cli.run({"engagement", "assess", "NOPE", "--basis", "rules"}).status, 2);
  EXPECT_EQ(cli.run({"engagement", "assess", "MT-1", "--clear", "--basis", "rules"}).status, 2);
  EXPECT_EQ(cli.run({"engagement", "list", "--type-source", "guessed"}).status, 2);
  EXPECT_EQ(cli.count("audit_log"), audited);
}

TEST_F(AssessmentE2E, AnswersAreAuditedUnderTheEngagementsRef)
{
  assess("MT-1", six_of_eight_kpo);
  assess("MT-1", {"--focus", "high"});
  const auto entries = cli.json({"audit", "list", "--entity", "assessment", "--record", "MT-1"});
  ASSERT_EQ(entries.size(), 2U) << entries.dump();
  EXPECT_EQ(entries[0]["action"], "update");
  EXPECT_EQ(entries[0]["changes"]["focus"], nlohmann::ordered_json::parse(R"(["low", "high"])"));
  EXPECT_EQ(entries[1]["action"], "insert");
  // The engagement's own entry records the type it took.
  const auto engagement = cli.json({"audit", "list", "--entity", "engagement", "--record", "MT-1"});
  EXPECT_EQ(engagement[0]["changes"]["type"], nlohmann::ordered_json::parse(R"(["BPO", "KPO"])"));
  EXPECT_EQ(engagement[0]["changes"]["type_source"],
            nlohmann::ordered_json::parse(R"(["derived", "assessed"])"));
}

TEST_F(AssessmentE2E, TheAssessmentsKindRoundTripsAndItsBatchUndoes)
{
  assess("MT-1", six_of_eight_kpo);
  assess("CC-1", {"--basis", "rules", "--driver", "volume"});
  const auto exported = cli.ok({"export", "assessments"});
  EXPECT_EQ(exported, "engagement,basis,complexity,expertise,arbitrage,driver,coordination,talent,focus\n"
                      "CC-1,rules,,,,volume,,,\n"
                      "MT-1,judgement,high,knowledge,knowledge,insight,high,communication,low\n");

  Cli restored{dir / "restored.db"};
  restored.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  for (const auto* kind : {"providers", "engagements", "spend"}) {
    const auto path = dir / fmt::format("{}.csv", kind);
    cli.ok({"export", kind, "-o", path.string()});
    restored.ok({"import", kind, path.string()});
  }
  const auto path = dir / "assessments.csv";
  std::ofstream(path) << exported;
  restored.ok({"import", "assessments", path.string()});
  EXPECT_EQ(restored.ok({"export", "assessments"}), exported);
  EXPECT_EQ(restored.json({"report", "assessment"}), cli.json({"report", "assessment"}));
  EXPECT_EQ(restored.json({"report", "spend", "--by", "type"}),
            cli.json({"report", "spend", "--by", "type"}));

  // The same file again is refused; a row for an assessed engagement is a conflict.
  EXPECT_EQ(restored.run({"import", "assessments", path.string()}).status, 2);
  const auto update = dir / "update.csv";
  std::ofstream(update) << "engagement,focus\nMT-1,high\n";
  EXPECT_EQ(restored.run({"import", "assessments", update.string()}).status, 2);
  restored.ok({"import", "assessments", update.string(), "--on-conflict", "update"});
  EXPECT_EQ(restored.json({"report", "assessment"})[1]["focus"], "high");
  EXPECT_EQ(restored.json({"report", "assessment"})[1]["basis"], "judgement"); // kept

  // Undoing the first assessments batch removes the answers it created and
  // gives MT-1 its service's type again, its spend back in BPO.
  const auto batches = restored.json({"import", "list"});
  std::string batch;
  for (const auto& b : batches) {
    if (b["kind"] == "assessments" && b["created"] == 2) {
      batch = std::to_string(b["id"].get<long long>());
    }
  }
  ASSERT_FALSE(batch.empty()) << batches.dump();
  restored.ok({"import", "undo", batch});
  EXPECT_TRUE(restored.json({"report", "assessment"}).empty());
  EXPECT_EQ(restored.json({"engagement", "show", "MT-1"})["type_source"], "derived");
  const auto spend = restored.json({"report", "spend", "--by", "type"});
  ASSERT_EQ(spend.size(), 1U);
  EXPECT_EQ(spend[0]["amount"], "3500.00");
  EXPECT_EQ(restored.run({"db", "check"}).status, 0);
}

TEST_F(AssessmentE2E, AnImportReportsEveryBadAnswerByLineAndColumn)
{
  const auto path = dir / "bad.csv";
  std::ofstream(path) << "engagement,basis,complexity,talent\n"
                         "MT-1,judgement,huge,professional\n"
                         "CC-1,guess,low,wizard\n"
                         "NOPE,rules,,\n";
  const auto bad = cli.run({"import", "assessments", path.string()});
  EXPECT_EQ(bad.status, 2);
  for (const auto* expected :
       {":2: complexity: invalid complexity 'huge'", ":3: basis: invalid basis 'guess'",
        ":3: talent: invalid talent 'wizard'", ":4: engagement: no engagement 'NOPE'"}) {
    EXPECT_NE(bad.err.find(expected), std::string::npos) << expected << "\n" << bad.err;
  }
  EXPECT_EQ(cli.count("assessment"), 0);
}

TEST(AssessmentHelp, ExplainsTheCriteriaAndTheRule)
{
  TempDir dir;
  Cli cli{dir / "c.db"};
  const auto help = cli.ok({"help", "bpo-kpo"});
  for (const auto* expected : {"--basis", "judgement", "--talent", "professional", "at least 5 criteria",
                               "type_source", "knowledge arbitrage"}) {
    EXPECT_NE(help.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(cli.run({"help", "bpo"}).status, 2);
  EXPECT_NE(cli.run({"help", "bpo"}).err.find("did you mean 'bpo-kpo'"), std::string::npos);
}
