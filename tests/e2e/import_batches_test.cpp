// End-to-end scenarios for import batches: every import that writes is one,
// a file imported again is refused unless --again, unreferenced repeats are
// warned of, `import undo` takes a batch back (refused while later records
// refer to what it created), and ids are never given twice.

#include "support/import_fixture.hpp"

#include <fmt/format.h>

#include <string>

using namespace vendorcat::test;

namespace {

class ImportBatchesE2E : public ImportE2E
{
protected:
  void SetUp() override
  {
    ImportE2E::SetUp();
    seed(); // Seed Oy, engagement S-1 (EUR) with one line of 100.00 (INV-S), USD 2025-02 at 0.92
    cli.ok({"fx", "set", "USD", "2025-03", "0.90"});
  }

  // Every report a batch changes, as JSON, to compare before and after.
  std::string reports() const
  {
    return fmt::format("{}\n{}\n{}\n{}",
                       cli.json({"report", "spend", "--by", "type,provider", "--period", "month"}).dump(),
                       cli.json({"spend", "list"}).dump(), cli.json({"engagement", "list"}).dump(),
                       cli.json({"report", "concentration"}).dump());
  }

  // Three lines without an invoice reference: two in EUR, one in USD.
  const std::string unreferenced = "engagement,date,amount,currency\n"
                                   "S-1,2025-03-04,250.00,\n"
                                   "S-1,2025-03-05,80.00,EUR\n"
                                   "S-1,2025-03-06,100.00,USD\n";
};

} // namespace

TEST_F(ImportBatchesE2E, EveryImportThatWritesIsABatchThatImportListShows)
{
  const auto path = file("march.csv", unreferenced);
  const auto first = import("spend", path);
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("import batch 1 ("), std::string::npos) << first.err;
  EXPECT_NE(first.err.find("3 created, 0 updated, 0 skipped"), std::string::npos) << first.err;

  const auto batches = cli.json({"import", "list"});
  ASSERT_EQ(batches.size(), 1U);
  const auto& batch = batches[0];
  for (const char* key :
       {"id", "at", "actor", "kind", "file", "sha256", "rows", "created", "updated", "skipped"}) {
    EXPECT_TRUE(batch.contains(key)) << key;
  }
  EXPECT_EQ(batch["id"], 1);
  EXPECT_EQ(batch["kind"], "spend");
  EXPECT_EQ(batch["file"], path);
  EXPECT_EQ(batch["rows"], 3);
  EXPECT_EQ(batch["created"], 3);
  EXPECT_EQ(batch["updated"], 0);
  EXPECT_EQ(batch["skipped"], 0);
  // The content's SHA-256, as sha256sum computes it independently.
  const auto sum = run_program("/usr/bin/sha256sum", {path});
  ASSERT_EQ(sum.status, 0) << sum.err;
  EXPECT_EQ(batch["sha256"], sum.out.substr(0, 64));
  EXPECT_EQ(batch["at"].get<std::string>().size(), 20U); // 2026-12-01T08:36:55Z
  EXPECT_FALSE(batch["actor"].get<std::string>().empty());

  // The lines point to it.
  EXPECT_EQ(cli.sql("SELECT count(*) FROM spend WHERE batch_id = 1"), "3");
  // A dry run and an import that only skips are no batches.
  EXPECT_EQ(import("providers", file("p.csv", "name,hq_country\nDry Oy,FI\n"), {"--dry-run"}).status, 0);
  EXPECT_EQ(
    import("providers", file("q.csv", "name,hq_country\nSeed Oy,FI\n"), {"--on-conflict", "skip"}).status, 0);
  EXPECT_EQ(cli.json({"import", "list"}).size(), 1U);
  const auto csv = lines_of(cli.ok({"import", "list", "--format", "csv"}));
  ASSERT_EQ(csv.size(), 2U);
  EXPECT_EQ(csv[0], "id,at,actor,kind,file,sha256,rows,created,updated,skipped,undone_at");
}

TEST_F(ImportBatchesE2E, TheSameFileTwiceIsRefusedThenWarnedOfWithAgainAndUndoneExactly)
{
  const auto path = file("march.csv", unreferenced);
  ASSERT_EQ(import("spend", path).status, 0);
  const auto once = reports();
  const auto counted = counts();

  // The same content under another name, and through stdin: refused, naming batch 1.
  const auto copy = file("march-copy.csv", unreferenced);
  for (const auto& again :
       {import("spend", path), import("spend", copy), cli.run({"import", "spend", "-"}, unreferenced)}) {
    EXPECT_EQ(again.status, 2) << again.err;
    EXPECT_NE(again.err.find("import batch 1"), std::string::npos) << again.err;
    EXPECT_NE(again.err.find("--again"), std::string::npos) << again.err;
  }
  EXPECT_EQ(counts(), counted);
  EXPECT_EQ(reports(), once);
  // The same content as another kind is not the same import (here a bad one).
  const auto as_fx = import("fx", path);
  EXPECT_EQ(as_fx.err.find("import batch 1"), std::string::npos) << as_fx.err;

  // With --again: imported, one warning per line (each equals a recorded
  // line: same engagement, date, amount and currency, no reference), each
  // naming its file and line.
  const auto twice = import("spend", path, {"--again"});
  ASSERT_EQ(twice.status, 0) << twice.err;
  // Its id: 2 on the file; a server's sequence may have given the refused
  // stdin import's away (ids are never given twice, not without gaps).
  const auto second = cli.json({"import", "list"})[0]["id"].get<int>();
  EXPECT_NE(twice.err.find(fmt::format("import batch {} (", second)), std::string::npos) << twice.err;
  for (int line = 2; line <= 4; ++line) {
    EXPECT_NE(twice.err.find(fmt::format("warning: {}:{}: amount: equals spend line", path, line)),
              std::string::npos)
      << twice.err;
  }
  // The seed's referenced line (100.00 on 2025-02-01) has a twin in no file: no other warning.
  EXPECT_EQ(lines_of(twice.err).size(), 4U) << twice.err;
  // Spend doubled: 250.00 + 80.00 + 100.00 USD x 0.90 = 420.00 EUR, twice, plus the seed's 100.00.
  const auto total = cli.json({"report", "spend", "--period", "all"});
  ASSERT_EQ(total.size(), 1U);
  EXPECT_EQ(total[0]["amount"], "940.00");

  // Undo: every report as it was after the first import.
  const auto undo = cli.run({"import", "undo", std::to_string(second)});
  ASSERT_EQ(undo.status, 0) << undo.err;
  EXPECT_NE(undo.err.find("3 removed"), std::string::npos) << undo.err;
  EXPECT_EQ(reports(), once);
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
  const auto batches = cli.json({"import", "list"});
  ASSERT_EQ(batches.size(), 2U);
  EXPECT_EQ(batches[0]["id"], second); // newest first
  EXPECT_FALSE(batches[0]["undone_at"].is_null());
  EXPECT_TRUE(batches[1]["undone_at"].is_null());
  // Undone once only; batch 1, not undone, still refuses the file.
  EXPECT_EQ(cli.run({"import", "undo", std::to_string(second)}).status, 2);
  EXPECT_EQ(import("spend", path).status, 2);
  // Once batch 1 is undone too, the file imports without --again.
  ASSERT_EQ(cli.run({"import", "undo", "1"}).status, 0);
  EXPECT_EQ(import("spend", path).status, 0);
  // The undo is audited.
  EXPECT_EQ(cli.sql(fmt::format(
              "SELECT count(*) FROM audit_log WHERE entity = 'import' AND entity_id = {} AND action = 'undo'",
              second)),
            "1");
  EXPECT_EQ(cli.run({"import", "undo", "99"}).status, 2);
  const auto word = cli.run({"import", "undo", "abc"});
  EXPECT_EQ(word.status, 2);
  EXPECT_EQ(word.err,
            "vendorcat: error: invalid import batch 'abc': give its id, a whole number that 'vendorcat "
            "import list' shows\n");
}

TEST_F(ImportBatchesE2E, UndoIsRefusedWhileLaterRecordsReferToWhatTheBatchCreated)
{
  ASSERT_EQ(import("providers", file("p.csv", "name,hq_country\nBatch Oy,FI\nOther Oy,SE\n")).status, 0);
  const auto batch = cli.json({"import", "list"})[0]["id"].get<int>();
  cli.ok({"engagement", "add", "B-1", "--provider", "Batch Oy", "--service", "payroll", "--delivery-country",
          "FI", "--start", "2025-01-01"});
  cli.ok({"location", "add", "Other Oy", "--country", "SE", "--city", "Malmö"});
  const auto counted = counts();
  const auto refused = cli.run({"import", "undo", std::to_string(batch)});
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find("1 engagement (B-1) refers to the providers it created"), std::string::npos)
    << refused.err;
  EXPECT_NE(refused.err.find("1 location ("), std::string::npos) << refused.err;
  EXPECT_EQ(counts(), counted);

  cli.ok({"engagement", "remove", "B-1"});
  cli.ok({"location", "remove", cli.sql("SELECT max(id) FROM location")});
  const auto undone = cli.run({"import", "undo", std::to_string(batch)});
  ASSERT_EQ(undone.status, 0) << undone.err;
  EXPECT_EQ(cli.run({"provider", "show", "Batch Oy"}).status, 2);
  EXPECT_EQ(cli.run({"provider", "show", "Seed Oy"}).status, 0); // not the batch's
}

TEST_F(ImportBatchesE2E, ARemovedSpendLinesIdIsNeverGivenAgain)
{
  cli.ok({"spend", "add", "S-1", "--date", "2025-03-01", "--amount", "10.00"});
  const auto highest = cli.json({"spend", "list"}).back()["id"].get<long long>();
  cli.ok({"spend", "remove", std::to_string(highest)});
  // Each command is a new process: the catalogue was closed and reopened.
  cli.ok({"spend", "add", "S-1", "--date", "2025-03-02", "--amount", "11.00"});
  const auto next = cli.json({"spend", "list"}).back()["id"].get<long long>();
  EXPECT_EQ(next, highest + 1);
  // And through an import (the bulk path), after removing the newest again.
  cli.ok({"spend", "remove", std::to_string(next)});
  ASSERT_EQ(import("spend", file("s.csv", "engagement,date,amount\nS-1,2025-03-03,12.00\n")).status, 0);
  EXPECT_EQ(cli.json({"spend", "list"}).back()["id"].get<long long>(), next + 1);
  // The same for providers and engagements.
  cli.ok({"provider", "add", "Gone Oy", "--country", "FI"});
  const auto gone = cli.json({"provider", "show", "Gone Oy"})["id"].get<long long>();
  cli.ok({"provider", "remove", "Gone Oy"});
  cli.ok({"provider", "add", "New Oy", "--country", "FI"});
  EXPECT_EQ(cli.json({"provider", "show", "New Oy"})["id"].get<long long>(), gone + 1);
}

TEST_F(ImportBatchesE2E, ACopyOfTheCatalogueKeepsTheHighestIdsAndTheBatches)
{
  ASSERT_EQ(import("spend", file("s.csv", unreferenced)).status, 0);
  const auto highest = cli.json({"spend", "list"}).back()["id"].get<long long>();
  cli.ok({"spend", "remove", std::to_string(highest)});
  const auto copy = Cli::file(dir / "copy.db");
  cli.ok({"db", "copy", cli.target(), copy.target()});
  EXPECT_EQ(copy.json({"import", "list"}), cli.json({"import", "list"}));
  copy.ok({"spend", "add", "S-1", "--date", "2025-03-09", "--amount", "1.00"});
  // On a file the next id; from a server, whose import drew its ids in
  // blocks from the sequence, after every id it drew.
  const auto next = copy.json({"spend", "list"}).back()["id"].get<long long>();
  EXPECT_GT(next, highest);
  if (!cli.on_server()) {
    EXPECT_EQ(next, highest + 1);
  }
  // The copy's batch can be undone there: its lines point to it.
  ASSERT_EQ(copy.run({"import", "undo", "1"}).status, 0);
  EXPECT_EQ(copy.json({"spend", "list"}).size(), 2U); // the seed's line and the one added
}

TEST_F(ImportBatchesE2E, UndoTakesServicesWhateverTheirParentsAndAuditListShowsIt)
{
  // An update puts the older service under the newer one, in the same batch.
  ASSERT_EQ(import("services",
                   file("s.csv", "code,name,type,parent\nzz-a,A,BPO,\nzz-b,B,BPO,\nzz-a,A,BPO,zz-b\n"),
                   {"--on-conflict", "update"})
              .status,
            0);
  const auto batch = cli.json({"import", "list"})[0]["id"].get<int>();
  const auto undone = cli.run({"import", "undo", std::to_string(batch)});
  ASSERT_EQ(undone.status, 0) << undone.err;
  EXPECT_EQ(cli.run({"service", "update", "zz-a", "--name", "Again"}).status, 2); // gone
  const auto entries = cli.json({"audit", "list", "--entity", "import"});
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0]["action"], "undo");
  EXPECT_EQ(entries[0]["record"], batch);
}

TEST_F(ImportBatchesE2E, AFileThatCanBeReadOnceImportsAndIsRecognisedAfterwards)
{
  // /dev/stdin through a pipe: read once, hashed as it is read.
  const std::string providers = "name,hq_country\nPipe Oy,FI\n";
  const auto piped = cli.run({"import", "providers", "/dev/stdin"}, providers);
  ASSERT_EQ(piped.status, 0) << piped.err;
  EXPECT_EQ(cli.json({"provider", "show", "Pipe Oy"})["hq_country"], "FI");
  const auto again = import("providers", file("p.csv", providers));
  EXPECT_EQ(again.status, 2) << again.err;
  EXPECT_NE(again.err.find("/dev/stdin"), std::string::npos) << again.err;
}
