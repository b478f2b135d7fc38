// End-to-end scenarios for the `volumes` import kind: a batch of volumes,
// the conflict policies on a volume's key (engagement, month, unit), every
// bad cell of a row reported, export then import into an empty catalogue in
// every format, and undoing a volumes batch.

#include "support/import_fixture.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

class VolumesImportE2E : public ImportE2E
{
protected:
  void SetUp() override
  {
    ImportE2E::SetUp();
    engagements(cli);
  }

  // Engagements E-1 (FI) and E-2 (IN) on TARGET.
  static void engagements(const Cli& target)
  {
    target.ok({"provider", "add", "Acme Oy", "--country", "FI"});
    target.ok({"engagement", "add", "E-1", "--provider", "Acme Oy", "--service", "payroll",
               "--delivery-country", "FI", "--start", "2025-01-01"});
    target.ok({"engagement", "add", "E-2", "--provider", "Acme Oy", "--service", "payroll",
               "--delivery-country", "IN", "--start", "2025-01-01"});
  }

  const std::string volumes = "engagement,month,quantity,unit\n"
                              "E-1,2025-01,12,fte\n"
                              "E-1,2025-02,12.5,fte\n"
                              "e-2,2025-01,30.25,FTE\n"
                              "E-2,2025-01,4200,transactions\n";
};

using Rows = std::vector<std::string>;

} // namespace

TEST_F(VolumesImportE2E, AnImportIsABatchOfVolumes)
{
  const auto imported = import("volumes", file("v.csv", volumes));
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_NE(imported.err.find("import batch 1 ("), std::string::npos) << imported.err;
  EXPECT_NE(imported.err.find("4 created, 0 updated, 0 skipped"), std::string::npos) << imported.err;
  EXPECT_EQ(cli.sql("SELECT count(*) FROM volume WHERE batch_id = 1"), "4");
  const auto listed = cli.json({"volume", "list", "--engagement", "E-2"});
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[0]["quantity"], "30.25");
  EXPECT_EQ(listed[0]["unit"], "fte");
  EXPECT_EQ(listed[1]["unit"], "transactions");
  EXPECT_EQ(cli.json({"audit", "list", "--entity", "volume"}).size(), 4U);
  EXPECT_EQ(cli.json({"import", "list"})[0]["kind"], "volumes");
  // The contract's columns, required all.
  const auto help = cli.ok({"import", "volumes", "--help"});
  EXPECT_NE(help.find("volumes"), std::string::npos) << help;
}

TEST_F(VolumesImportE2E, ConflictsOnTheKeyFollowTheChosenPolicy)
{
  ASSERT_EQ(import("volumes", file("v.csv", volumes)).status, 0);
  const auto again = file("again.csv", "engagement,month,quantity,unit\n"
                                       "E-1,2025-02,13,fte\n"
                                       "E-1,2025-03,14,fte\n");
  const auto refused = import("volumes", again);
  EXPECT_EQ(refused.status, 2);
  EXPECT_EQ(lines_of(refused.err).at(0),
            fmt::format("vendorcat: error: {}:2: month: the fte volume of E-1 in 2025-02 already exists "
                        "(use --on-conflict skip or update)",
                        again));
  EXPECT_EQ(cli.count("volume"), 4);

  const auto skipped = import("volumes", again, {"--on-conflict", "skip"});
  ASSERT_EQ(skipped.status, 0) << skipped.err;
  EXPECT_NE(skipped.err.find("1 created, 0 updated, 1 skipped"), std::string::npos) << skipped.err;
  EXPECT_EQ(cli.json({"volume", "list", "--from", "2025-02", "--to", "2025-02"})[0]["quantity"], "12.5");

  const auto updated = import("volumes", again, {"--on-conflict", "update", "--again"});
  ASSERT_EQ(updated.status, 0) << updated.err;
  EXPECT_NE(updated.err.find("0 created, 2 updated, 0 skipped"), std::string::npos) << updated.err;
  EXPECT_EQ(cli.json({"volume", "list", "--from", "2025-02", "--to", "2025-02"})[0]["quantity"], "13");
  EXPECT_EQ(cli.count("volume"), 5);
}

TEST_F(VolumesImportE2E, EveryBadCellIsReportedAndNothingIsWritten)
{
  const auto before = counts();
  const auto path = file("bad.csv", "engagement,month,quantity,unit\n"
                                    "E-1,2025-01,1,fte\n"
                                    "E-9,2025-13,-1,bananas\n"
                                    "E-2,2025-02,1.2345,hours\n"
                                    "E-2,,2,cases\n");
  const auto out = import("volumes", path);
  EXPECT_EQ(out.status, 2);
  const auto lines = lines_of(out.err);
  ASSERT_EQ(lines.size(), 7U) << out.err;
  EXPECT_TRUE(
    lines[0].starts_with(fmt::format("vendorcat: error: {}:3: engagement: no engagement 'E-9'", path)))
    << lines[0];
  EXPECT_TRUE(lines[1].starts_with(fmt::format("vendorcat: error: {}:3: month: ", path))) << lines[1];
  EXPECT_EQ(lines[2],
            fmt::format("vendorcat: error: {}:3: quantity: invalid quantity '-1': a quantity cannot "
                        "be negative",
                        path));
  EXPECT_EQ(lines[3],
            fmt::format("vendorcat: error: {}:3: unit: invalid unit 'bananas': expected fte, hours, "
                        "transactions or cases",
                        path));
  EXPECT_EQ(lines[4], fmt::format("vendorcat: error: {}:4: quantity: invalid quantity '1.2345': at most 3 "
                                  "decimals allowed",
                                  path));
  EXPECT_EQ(lines[5], fmt::format("vendorcat: error: {}:5: month: a value is required", path));
  EXPECT_EQ(lines[6], "vendorcat: error: nothing imported: 6 errors");
  EXPECT_EQ(counts(), before);
  EXPECT_EQ(cli.count("volume"), 0);

  const auto missing = import("volumes", file("m.csv", "engagement,month,quantity\nE-1,2025-01,1\n"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("required column 'unit' is missing"), std::string::npos) << missing.err;
}

TEST_F(VolumesImportE2E, ExportThenImportIntoAnEmptyCatalogueGivesTheSameVolumes)
{
  ASSERT_EQ(import("volumes", file("v.csv", volumes)).status, 0);
  cli.ok({"volume", "set", "E-2", "2025-03", "0.001", "--unit", "hours"});
  cli.ok({"volume", "set", "E-1", "2025-03", "0", "--unit", "cases"});
  const auto original = without_ids(cli.json({"volume", "list"}));
  ASSERT_EQ(original.size(), 6U);
  EXPECT_EQ(cli.ok({"export", "volumes"}), "engagement,month,quantity,unit\n"
                                           "E-1,2025-01,12,fte\n"
                                           "E-1,2025-02,12.5,fte\n"
                                           "E-1,2025-03,0,cases\n"
                                           "E-2,2025-01,30.25,fte\n"
                                           "E-2,2025-01,4200,transactions\n"
                                           "E-2,2025-03,0.001,hours\n");
  int n = 0;
  for (const char* extension : {"csv", "json", "jsonl"}) {
    const auto exported = dir / fmt::format("volumes.{}", extension);
    cli.ok({"export", "volumes", "--format", extension, "-o", exported.string()});
    const Cli restored(dir / fmt::format("restored-{}.db", n++));
    restored.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    engagements(restored);
    const auto back = restored.run({"import", "volumes", exported.string()});
    ASSERT_EQ(back.status, 0) << back.err;
    EXPECT_EQ(without_ids(restored.json({"volume", "list"})), original) << extension;
    EXPECT_EQ(restored.ok({"export", "volumes"}), cli.ok({"export", "volumes"})) << extension;
  }
}

TEST_F(VolumesImportE2E, UndoingAVolumesBatchRemovesWhatItCreated)
{
  cli.ok({"volume", "set", "E-1", "2024-12", "11", "--unit", "fte"}); // by hand: stays
  ASSERT_EQ(import("volumes", file("v.csv", volumes)).status, 0);
  // An update by a later batch leaves the volume the first batch's.
  ASSERT_EQ(import("volumes", file("u.csv", "engagement,month,quantity,unit\nE-1,2025-01,15,fte\n"),
                   {"--on-conflict", "update"})
              .status,
            0);
  EXPECT_EQ(cli.json({"import", "list"}).size(), 2U);
  const auto undone = cli.run({"import", "undo", "1"});
  ASSERT_EQ(undone.status, 0) << undone.err;
  EXPECT_NE(undone.err.find("4 removed"), std::string::npos) << undone.err;
  const auto left = cli.json({"volume", "list"});
  ASSERT_EQ(left.size(), 1U);
  EXPECT_EQ(left[0]["month"], "2024-12");
  EXPECT_EQ(cli.sql("SELECT count(*) FROM audit_log WHERE entity = 'import' AND action = 'undo'"), "1");
  // The file imports again once its batch is undone.
  EXPECT_EQ(import("volumes", file("v.csv", volumes)).status, 0);
  EXPECT_EQ(cli.count("volume"), 5);
}

TEST_F(VolumesImportE2E, AnEngagementsBatchIsNotUndoneWhileVolumesReferToIt)
{
  const auto path =
    file("e.csv", "ref,provider,service,delivery_country,start_date\nE-3,Acme Oy,payroll,PL,2025-01-01\n");
  ASSERT_EQ(import("engagements", path).status, 0);
  cli.ok({"volume", "set", "E-3", "2025-01", "2", "--unit", "fte"});
  const auto refused = cli.run({"import", "undo", "1"});
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find("1 volume (1) refers to the engagements it created"), std::string::npos)
    << refused.err;
  EXPECT_EQ(cli.count("engagement"), 3);
}
