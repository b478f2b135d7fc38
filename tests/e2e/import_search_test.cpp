// The provider search index after imports: the store brings it up to date
// once at the end of a bulk load, so every provider an import creates or
// changes is found by its new words and not by its old ones, a failed import
// leaves the index as it was, and single writes keep it up to date after.

#include "store/postgres/backend.hpp"
#include "support/import_fixture.hpp"
#include "support/server_database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

std::vector<std::string> names(const nlohmann::json& rows)
{
  std::vector<std::string> found;
  for (const auto& row : rows) {
    found.push_back(row["name"]);
  }
  return found;
}

} // namespace

TEST_F(ImportE2E, SearchFindsWhatAnImportCreatedAndChanged)
{
  cli.ok({"provider", "add", "Seed Oy", "--country", "FI", "--city", "Tampere", "--notes", "payroll bureau"});
  const auto result = import("providers",
                             file("p.csv", "name,hq_country,hq_city,notes\n"
                                           "Seed Oy,FI,Oulu,survey panels\n"
                                           "Nordic Ledger AB,SE,Malmö,bookkeeping\n"),
                             {"--on-conflict", "update"});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(names(cli.json({"provider", "search", "oulu"})), std::vector<std::string>{"Seed Oy"});
  EXPECT_EQ(names(cli.json({"provider", "search", "survey"})), std::vector<std::string>{"Seed Oy"});
  EXPECT_EQ(names(cli.json({"provider", "search", "malmo"})), std::vector<std::string>{"Nordic Ledger AB"});
  EXPECT_TRUE(cli.json({"provider", "search", "tampere"}).empty());
  EXPECT_TRUE(cli.json({"provider", "search", "bureau"}).empty());
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
  cli.ok({"provider", "add", "After Import Oy", "--country", "FI", "--notes", "actuarial"});
  EXPECT_EQ(names(cli.json({"provider", "search", "actuarial"})),
            std::vector<std::string>{"After Import Oy"});
}

TEST_F(ImportE2E, DbCheckFindsASearchIndexOutOfStep)
{
  cli.ok({"provider", "add", "Seed Oy", "--country", "FI", "--notes", "payroll bureau"});
  // Changed behind the index's back (its trigger dropped or disabled).
  cli.sql(cli.on_server() ? "ALTER TABLE provider DISABLE TRIGGER provider_search_update"
                          : "DROP TRIGGER provider_fts_update");
  cli.sql("UPDATE provider SET notes = 'claims' WHERE name = 'Seed Oy'");
  const auto check = cli.run({"db", "check"});
  EXPECT_EQ(check.status, 1);
  EXPECT_NE(check.out.find("search index"), std::string::npos) << check.out;
}

TEST_F(ImportE2E, AFailedImportLeavesTheSearchIndexAndItsUpkeep)
{
  cli.ok({"provider", "add", "Seed Oy", "--country", "FI", "--notes", "payroll bureau"});
  const auto failed = import("providers", file("p.csv", "name,hq_country,notes\n"
                                                        "Lost Provider Oy,FI,ghost\n"
                                                        "Bad Country Oy,XX,\n"));
  ASSERT_EQ(failed.status, 2) << failed.err;
  EXPECT_TRUE(cli.json({"provider", "search", "ghost"}).empty());
  EXPECT_EQ(names(cli.json({"provider", "search", "payroll"})), std::vector<std::string>{"Seed Oy"});
  // The per-row upkeep is back for single writes.
  cli.ok({"provider", "add", "Later Oy", "--country", "FI", "--notes", "transcription"});
  cli.ok({"provider", "update", "Seed Oy", "--notes", "claims handling"});
  EXPECT_EQ(names(cli.json({"provider", "search", "transcription"})), std::vector<std::string>{"Later Oy"});
  EXPECT_EQ(names(cli.json({"provider", "search", "claims"})), std::vector<std::string>{"Seed Oy"});
  EXPECT_TRUE(cli.json({"provider", "search", "bureau"}).empty());
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
}

TEST_F(ImportE2E, DbCheckWhileAnotherProcessWritesIsNotAProblem)
{
  cli.ok({"provider", "add", "Seed Oy", "--country", "FI"});
  // Another connection holds the write lock, as an import would.
  if (cli.on_server()) {
    ServerSession writer(cli.target());
    writer.execute("BEGIN");
    writer.execute("SELECT pg_advisory_xact_lock(" +
                   std::to_string(vendorcat::store::postgres::write_lock_key) + ")");
    writer.execute("UPDATE setting SET value = value WHERE FALSE");
    const auto check = cli.run({"db", "check"});
    EXPECT_EQ(check.status, 0) << check.out << check.err;
    EXPECT_NE(check.err.find("is sound"), std::string::npos) << check.err;
    writer.execute("ROLLBACK");
    return;
  }
  SQLite::Database writer((dir / "c.db").string(), SQLite::OPEN_READWRITE);
  writer.exec("BEGIN IMMEDIATE");
  writer.exec("UPDATE setting SET value = value WHERE FALSE");
  const auto check = cli.run({"db", "check"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  EXPECT_NE(check.err.find("is sound"), std::string::npos) << check.err;
  writer.exec("ROLLBACK");
}
