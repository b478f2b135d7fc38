// End-to-end scenarios for saying one thing one way: booleans are true and
// false in every format (JSON booleans in JSON, the export's too), counts
// agree with their nouns, numeric options say what they take, export writes
// only its formats, and --spreadsheet-safe guards text cells, not numbers.

#include "support/import_fixture.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

class ConsistencyE2E : public ImportE2E
{
protected:
  void SetUp() override
  {
    ImportE2E::SetUp();
    seed(); // Seed Oy, engagement S-1 (EUR) with one line of 100.00 (INV-S)
    cli.ok({"engagement", "add", "R-1", "--provider", "Seed Oy", "--service", "payroll", "--delivery-country",
            "FI", "--start", "2025-01-01", "--end", "2026-12-31", "--auto-renew"});
  }
};

} // namespace

TEST_F(ConsistencyE2E, BooleansAreTrueOrFalseInEveryFormat)
{
  const auto table = cli.ok({"engagement", "list"});
  EXPECT_TRUE(has(table, " true ")) << table;
  EXPECT_TRUE(has(table, " false ")) << table;
  EXPECT_FALSE(has(table, " yes ") || has(table, " no ")) << table;
  EXPECT_TRUE(has(cli.ok({"--format", "csv", "engagement", "list"}), ",true,"));
  EXPECT_EQ(cli.json({"engagement", "show", "R-1"})["auto_renew"], true);

  for (const auto* format : {"json", "jsonl"}) {
    const auto exported = cli.ok({"--format", format, "export", "engagements"});
    EXPECT_TRUE(has(exported, "\"auto_renew\":true")) << exported;
    EXPECT_TRUE(has(exported, "\"auto_renew\":false")) << exported;
    EXPECT_FALSE(has(exported, "\"auto_renew\":\"")) << exported;
  }
  EXPECT_TRUE(has(cli.ok({"export", "engagements"}), ",true,"));

  // An import takes JSON booleans and the strings alike.
  const auto json = file("e.json", R"([
  {"ref": "J-1", "provider": "Seed Oy", "service": "payroll", "delivery_country": "FI",
   "start_date": "2025-01-01", "auto_renew": true},
  {"ref": "J-2", "provider": "Seed Oy", "service": "payroll", "delivery_country": "FI",
   "start_date": "2025-01-01", "auto_renew": "true"},
  {"ref": "J-3", "provider": "Seed Oy", "service": "payroll", "delivery_country": "FI",
   "start_date": "2025-01-01", "auto_renew": false}
])");
  const auto imported = import("engagements", json);
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_EQ(cli.json({"engagement", "show", "J-1"})["auto_renew"], true);
  EXPECT_EQ(cli.json({"engagement", "show", "J-2"})["auto_renew"], true);
  EXPECT_EQ(cli.json({"engagement", "show", "J-3"})["auto_renew"], false);
}

TEST_F(ConsistencyE2E, CountsAgreeWithTheirNouns)
{
  const auto wrote_one = cli.run({"export", "spend", "-o", (dir / "one.csv").string()});
  EXPECT_EQ(wrote_one.err, "vendorcat: wrote 1 spend line to '" + (dir / "one.csv").string() + "'\n");
  cli.ok({"spend", "add", "S-1", "--date", "2025-02-02", "--amount", "5.00"});
  const auto wrote_two = cli.run({"export", "spend", "-o", (dir / "two.csv").string()});
  EXPECT_EQ(wrote_two.err, "vendorcat: wrote 2 spend lines to '" + (dir / "two.csv").string() + "'\n");
  const auto rates = cli.run({"export", "fx", "-o", (dir / "fx.csv").string()});
  EXPECT_TRUE(has(rates.err, "wrote 1 exchange rate to")) << rates.err;

  const auto provider = cli.run({"provider", "remove", "Seed Oy"});
  EXPECT_EQ(provider.status, 2);
  EXPECT_TRUE(has(provider.err, "2 engagements refer to it")) << provider.err;
  const auto engagement = cli.run({"engagement", "remove", "S-1"});
  EXPECT_EQ(engagement.status, 2);
  EXPECT_TRUE(has(engagement.err, "2 spend lines refer to it")) << engagement.err;

  const auto batch = import("spend", file("s.csv", "engagement,date,amount\nS-1,2025-03-01,1.00\n"));
  ASSERT_EQ(batch.status, 0) << batch.err;
  const auto id = cli.json({"import", "list"})[0]["id"].get<std::int64_t>();
  const auto undone = cli.run({"import", "undo", std::to_string(id)});
  EXPECT_EQ(undone.status, 0) << undone.err;
  EXPECT_TRUE(has(undone.err, "(1 spend line from '")) << undone.err;
  const auto one_error = import("spend", file("bad.csv", "engagement,date,amount\nS-1,2025-03-01,x\n"));
  EXPECT_TRUE(has(one_error.err, "nothing imported: 1 error\n")) << one_error.err;
}

TEST_F(ConsistencyE2E, NumericOptionsSayWhatTheyTake)
{
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
    {{"report", "renewals", "--within", "abc"},
     "--within: 'abc' is not a whole number of days (see 'vendorcat report renewals --help')"},
    {{"report", "renewals", "--within=1.5"},
     "--within: '1.5' is not a whole number of days (see 'vendorcat report renewals --help')"},
    {{"report", "renewals", "--within", "-5"},
     "--within: '-5' must be a whole number of days, 0 or more (see 'vendorcat report renewals --help')"},
    {{"engagement", "list", "--expiring-within", "soon"},
     "--expiring-within: 'soon' is not a whole number of days (see 'vendorcat engagement list --help')"},
    {{"report", "concentration", "--top", "ten"},
     "--top: 'ten' is not a whole number (see 'vendorcat report concentration --help')"},
    {{"spend", "remove", "first"}, "ID: 'first' is not a whole number (see 'vendorcat spend remove --help')"},
    {{"location", "remove", "x"}, "ID: 'x' is not a whole number (see 'vendorcat location remove --help')"},
  };
  for (const auto& [args, message] : cases) {
    const auto output = cli.run(args);
    EXPECT_EQ(output.status, 2) << args[0];
    EXPECT_EQ(output.err, "vendorcat: error: " + message + "\n");
    EXPECT_FALSE(has(output.err, "convert")) << output.err;
  }
  const auto zero = cli.run({"report", "concentration", "--top", "0"});
  EXPECT_EQ(zero.status, 2);
  EXPECT_EQ(zero.err, "vendorcat: error: --top: '0' must be a whole number, 1 or more (see 'vendorcat report "
                      "concentration --help')\n");
}

TEST_F(ConsistencyE2E, ExportWritesCsvJsonOrJsonlButNotTable)
{
  const auto before = cli.ok({"export", "providers"});
  const auto refused = cli.run({"--format", "table", "export", "providers"});
  EXPECT_EQ(refused.status, 2);
  EXPECT_EQ(refused.out, "");
  EXPECT_TRUE(has(refused.err, "vendorcat: error: export writes csv, json or jsonl, not table"))
    << refused.err;
  const auto to_file = cli.run({"export", "providers", "--format", "table", "-o", (dir / "p.txt").string()});
  EXPECT_EQ(to_file.status, 2);
  EXPECT_FALSE(std::filesystem::exists(dir / "p.txt"));
  EXPECT_EQ(cli.ok({"--format", "csv", "export", "providers"}), before);
}

TEST_F(ConsistencyE2E, SpreadsheetSafeGuardsTextCellsButNotNumbers)
{
  cli.ok({"provider", "add", "=HYPERLINK(\"http://x\")", "--country", "FI", "--notes", "@risk"});
  cli.ok({"spend", "add", "S-1", "--date", "2025-02-03", "--amount", "-80.00", "--ref", "-CN-1"});
  const auto exact = cli.ok({"export", "spend"});
  EXPECT_TRUE(has(exact, "S-1,2025-02-03,-80.00,EUR,-CN-1\n")) << exact;
  const auto safe = cli.ok({"export", "spend", "--spreadsheet-safe"});
  EXPECT_TRUE(has(safe, "S-1,2025-02-03,-80.00,EUR,'-CN-1\n")) << safe;
  const auto providers = cli.ok({"export", "providers", "--spreadsheet-safe"});
  EXPECT_TRUE(has(providers, "\"'=HYPERLINK(\"\"http://x\"\")\",FI,")) << providers;
  EXPECT_TRUE(has(providers, ",'@risk\n")) << providers;
  EXPECT_TRUE(has(cli.ok({"export", "providers"}), "\"=HYPERLINK(\"\"http://x\"\")\",FI,"));
  const auto help = cli.ok({"export", "--help"});
  EXPECT_TRUE(has(help, "--spreadsheet-safe")) << help;
  EXPECT_TRUE(has(help, "-80.00")) << help;
}
