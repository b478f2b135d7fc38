// The README's tour of what an analyst manages, run on the demo catalogue:
// every report has something to say (a missed notice, a renewed term, an
// over-consumed contract, two spend batches, offshore FTE cheaper than
// onshore), and undoing a batch brings the reports back to what they were.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace vendorcat::test;

namespace {

class DemoTourE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"demo"});
  }

  // The rows of ROWS whose KEY is VALUE.
  static std::vector<nlohmann::ordered_json> where(const nlohmann::ordered_json& rows, const std::string& key,
                                                   const std::string& value)
  {
    std::vector<nlohmann::ordered_json> found;
    for (const auto& row : rows) {
      if (row[key] == value) {
        found.push_back(row);
      }
    }
    return found;
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST_F(DemoTourE2E, EachDemoFileIsABatchAndTheSpendComesInTwo)
{
  const auto batches = cli.json({"import", "list"});
  ASSERT_EQ(batches.size(), 9U);
  EXPECT_EQ(batches[0]["file"], "seed/demo/volumes.csv"); // the last
  EXPECT_EQ(batches[0]["created"].get<long long>(), cli.count("volume"));
  const auto spend = where(batches, "kind", "spend");
  ASSERT_EQ(spend.size(), 2U);
  EXPECT_EQ(spend[0]["file"], "seed/demo/spend-2026.csv"); // newest first
  EXPECT_EQ(spend[1]["file"], "seed/demo/spend-2025.csv");
  // Every line of the demo came with one of the two.
  EXPECT_EQ(spend[0]["created"].get<long long>() + spend[1]["created"].get<long long>(), cli.count("spend"));
}

TEST_F(DemoTourE2E, RenewalsOnTheFirstOfDecemberShowAMissedNoticeAndARolledTerm)
{
  const auto renewals = cli.json({"report", "renewals", "--on", "2026-12-01", "--within", "90"});
  // ENG-2024-003 ends 2026-12-31 with 90 days' notice: the deadline,
  // 2026-10-02, has passed and the term has not ended.
  const auto missed = where(renewals, "ref", "ENG-2024-003");
  ASSERT_EQ(missed.size(), 1U) << renewals.dump(1);
  EXPECT_EQ(missed[0]["state"], "notice-missed");
  EXPECT_EQ(missed[0]["notice_deadline"], "2026-10-02");
  // ENG-2024-014 ended 2026-11-30 and renews for 6 months: its term now ends
  // 2027-05-30, notice 60 days before: 2027-03-31 (30 days of April, 30 of
  // March), after the window's end 2027-03-01, as is the term end.
  EXPECT_TRUE(where(renewals, "ref", "ENG-2024-014").empty()) << renewals.dump(1);
  const auto later = cli.json({"report", "renewals", "--on", "2026-12-01", "--within", "200"});
  const auto rolled = where(later, "ref", "ENG-2024-014");
  ASSERT_EQ(rolled.size(), 1U) << later.dump(1);
  EXPECT_EQ(rolled[0]["end_date"], "2026-11-30");
  EXPECT_EQ(rolled[0]["term_end"], "2027-05-30");
  EXPECT_EQ(rolled[0]["notice_deadline"], "2027-03-31");
  EXPECT_EQ(rolled[0]["state"], "notice-due");
}

TEST_F(DemoTourE2E, ConsumptionShowsAnOverConsumedContract)
{
  const auto over = cli.json({"report", "consumption", "--on", "2026-12-01", "--status", "over"});
  ASSERT_FALSE(over.empty());
  for (const auto& row : over) {
    EXPECT_EQ(row["status"], "over");
    EXPECT_EQ(row["remaining"].get<std::string>().front(), '-') << row.dump();
  }
}

TEST_F(DemoTourE2E, OverdueProviderShowAndTheAuditTrailHaveSomethingToSay)
{
  // ENG-2024-052 ended in June and is still marked active.
  const auto overdue = cli.json({"engagement", "list", "--overdue", "--on", "2026-12-01"});
  ASSERT_EQ(overdue.size(), 1U);
  EXPECT_EQ(overdue[0]["ref"], "ENG-2024-052");
  const auto shown = cli.json({"provider", "show", "Deccan Knowledge Services"});
  EXPECT_EQ(shown["engagements"].size(), 4U);
  EXPECT_FALSE(shown["locations"].empty());
  const auto audit = cli.json({"audit", "list", "--limit", "3"});
  ASSERT_EQ(audit.size(), 3U);
  EXPECT_EQ(audit[0]["entity"], "import"); // the last batch, the volumes
  EXPECT_EQ(audit[0]["action"], "import");
}

TEST_F(DemoTourE2E, TheAssessmentFindsABpoServiceDoingKpoWorkAndTheReverse)
{
  const auto mismatches = cli.json({"report", "assessment", "--mismatch-only"});
  ASSERT_EQ(mismatches.size(), 2U) << mismatches.dump();
  EXPECT_EQ(mismatches[0]["ref"], "ENG-2024-028"); // transcription that lawyers summarise
  EXPECT_EQ(mismatches[0]["service_type"], "BPO");
  EXPECT_EQ(mismatches[0]["kpo_points"], 6);
  EXPECT_EQ(mismatches[0]["type"], "KPO");
  EXPECT_EQ(mismatches[1]["ref"], "ENG-2024-049"); // invoice data capture
  EXPECT_EQ(mismatches[1]["service_type"], "KPO");
  EXPECT_EQ(mismatches[1]["type"], "BPO");
  EXPECT_EQ(mismatches[1]["type_source"], "assessed");
  EXPECT_NE(cli.ok({"engagement", "show", "ENG-2024-028"})
              .find("type KPO (assessed): 6 of 8 criteria point to KPO: judgement, high complexity"),
            std::string::npos);
  EXPECT_NE(cli.ok({"engagement", "show", "ENG-2024-060"}).find("the assessment ties, 3 to 3"),
            std::string::npos);
  EXPECT_EQ(cli.json({"engagement", "list", "--type-source", "assessed"}).size(), 5U);
}

TEST_F(DemoTourE2E, UnitCostShowsTheCostArbitrageOfNearshoreAndOffshore)
{
  const auto rows = cli.json({"report", "unit-cost", "--by", "model", "--period", "year"});
  const auto in_2025 = where(rows, "period", "2025");
  ASSERT_EQ(in_2025.size(), 3U) << rows.dump(1);
  // By model: nearshore, offshore, onshore. As the README says.
  EXPECT_EQ(in_2025[0]["unit_cost"], "3574.04");
  EXPECT_EQ(in_2025[0]["vs_onshore"], 0.5728);
  EXPECT_EQ(in_2025[1]["unit_cost"], "2065.32");
  EXPECT_EQ(in_2025[1]["vs_onshore"], 0.331);
  EXPECT_EQ(in_2025[2]["unit_cost"], "6239.50");
  // Every quarter, offshore costs less per FTE than nearshore, and nearshore less than onshore.
  const auto quarters = cli.json({"report", "unit-cost", "--by", "model"});
  ASSERT_FALSE(quarters.empty());
  for (const auto& row : quarters) {
    ASSERT_FALSE(row["vs_onshore"].is_null()) << row.dump();
    const double ratio = row["vs_onshore"].get<double>();
    if (row["model"] == "offshore") {
      EXPECT_LT(ratio, 0.45) << row.dump();
    } else if (row["model"] == "nearshore") {
      EXPECT_LT(ratio, 0.7) << row.dump();
    } else {
      EXPECT_EQ(ratio, 1.0) << row.dump();
    }
  }
  // Transactions for two accounts-payable engagements: an invoice costs less from Rabat.
  const auto invoices = cli.json({"report", "unit-cost", "--unit", "transactions", "--period", "year"});
  const auto offshore = where(nlohmann::ordered_json(where(invoices, "period", "2025")), "model", "offshore");
  ASSERT_EQ(offshore.size(), 1U) << invoices.dump(1);
  EXPECT_LT(offshore[0]["vs_onshore"].get<double>(), 0.5);
}

TEST_F(DemoTourE2E, UndoingThe2026SpendBringsTheReportsBackToThe2025Ones)
{
  // The reports as they are with the 2025 file alone: a catalogue that
  // imports only that file, the same way.
  const auto batches = cli.json({"import", "list"});
  const auto newest = where(batches, "file", "seed/demo/spend-2026.csv").at(0)["id"].get<int>();
  const auto report =
    std::vector<std::string>{"report", "spend", "--by", "type,model", "--period", "quarter"};
  const auto with_both = cli.json(report);
  ASSERT_EQ(cli.run({"import", "undo", std::to_string(newest)}).status, 0);
  const auto after = cli.json(report);
  EXPECT_NE(after, with_both);
  for (const auto& row : after) {
    EXPECT_LT(row["period"].get<std::string>(), "2026") << row.dump();
  }
  // Every 2025 row is as it was.
  std::vector<nlohmann::ordered_json> before_2026;
  for (const auto& row : with_both) {
    if (row["period"].get<std::string>() < "2026") {
      before_2026.push_back(row);
    }
  }
  EXPECT_EQ(nlohmann::ordered_json(before_2026), after);
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
}
