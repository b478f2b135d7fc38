// End-to-end scenarios for imports that help: `import KIND --help` lists the
// kind's columns, header names match ignoring case and spaces, an unknown
// column names the closest one, and --delimiter reads the files that
// spreadsheets write in locales with a decimal comma.

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

class ImportHelpE2E : public ImportE2E
{
protected:
  void SetUp() override
  {
    ImportE2E::SetUp();
    seed(); // Seed Oy, engagement S-1 (EUR) with one line of 100.00 (INV-S)
  }
};

} // namespace

TEST_F(ImportHelpE2E, ImportKindHelpListsTheKindsColumnsRequiredFirst)
{
  const auto spend = cli.run({"import", "spend", "--help"});
  EXPECT_EQ(spend.status, 0) << spend.err;
  EXPECT_TRUE(has(spend.out, "Columns of spend (required first, marked *):\n"
                             "  engagement*, date*, amount*, currency, reference\n"))
    << spend.out;
  EXPECT_TRUE(has(spend.out, "--delimiter")) << spend.out;
  EXPECT_FALSE(has(spend.out, "hq_country")) << spend.out;

  const auto engagements = cli.run({"import", "engagements", "--help"});
  EXPECT_EQ(engagements.status, 0) << engagements.err;
  EXPECT_TRUE(has(engagements.out, "ref*, provider*, service*, delivery_country*, start_date*, end_date,"))
    << engagements.out;
  // What the help says below the flags is in lines of at most 80 columns.
  const auto footer = engagements.out.substr(engagements.out.find("\nFiles: "));
  for (const auto& line : lines_of(footer)) {
    EXPECT_LE(line.size(), 80U) << line;
  }

  // Without a kind: every kind's columns, and how to ask for one.
  const auto all = cli.run({"import", "--help"});
  EXPECT_EQ(all.status, 0) << all.err;
  for (const auto* line :
       {"  providers    name*, hq_country*, legal_name,", "  spend        engagement*, date*",
        "  fx           currency*, month*, rate*", "'vendorcat import KIND"}) {
    EXPECT_TRUE(has(all.out, line)) << line << "\n" << all.out;
  }
  EXPECT_TRUE(has(cli.ok({"help", "import"}), "--delimiter"));
}

TEST_F(ImportHelpE2E, HeaderNamesMatchIgnoringCaseAndSpacesInCsvAndJson)
{
  const auto csv = import("spend", file("s.csv", " Engagement ,DATE, Amount ,Reference\n"
                                                 "S-1,2025-03-01,10.00,INV-1\n"));
  EXPECT_EQ(csv.status, 0) << csv.err;
  const auto json = import("spend", file("s.json", R"([{" ENGAGEMENT": "S-1", "Date": "2025-03-02",
    "AMOUNT ": "20.00", "reference": "INV-2"}])"));
  EXPECT_EQ(json.status, 0) << json.err;
  EXPECT_EQ(cli.count("spend"), 3);
}

TEST_F(ImportHelpE2E, AnUnknownColumnIsOneLineWithTheClosestColumn)
{
  const auto before = counts();
  const auto path = file("s.csv", "engagement,date,amount,ref,colour\nS-1,2025-03-01,10.00,INV-1,red\n");
  const auto output = import("spend", path);
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(lines_of(output.err),
            (Lines{"vendorcat: error: " + path +
                     ":1: unknown column 'ref' (did you mean 'reference'?); the columns of spend are "
                     "engagement*, date*, amount*, currency, reference (* required)",
                   "vendorcat: error: " + path + ":1: unknown column 'colour'",
                   "vendorcat: error: nothing imported: 2 errors"}));
  // A misspelt required column is the suggestion, not a second error.
  const auto typo = import("spend", file("t.json", R"([{"engagment": "S-1", "date": "2025-03-01",
    "amount": "1.00"}])"));
  EXPECT_EQ(typo.status, 2);
  EXPECT_EQ(lines_of(typo.err).size(), 2U) << typo.err;
  EXPECT_TRUE(has(typo.err, "unknown column 'engagment' (did you mean 'engagement'?)")) << typo.err;
  EXPECT_EQ(counts(), before);
}

TEST_F(ImportHelpE2E, ASemicolonOrTabFileImportsWithDelimiter)
{
  const auto semicolon = file("s.csv", "engagement;date;amount;reference\n"
                                       "S-1;2025-03-01;1234.50;\"INV;1\"\n"
                                       "S-1;2025-03-02;-80.00;CN-1\n");
  const auto output = import("spend", semicolon, {"--delimiter", ";"});
  ASSERT_EQ(output.status, 0) << output.err;
  EXPECT_TRUE(has(output.err, "2 created")) << output.err;
  const auto lines = cli.json({"spend", "list", "--engagement", "S-1", "--from", "2025-03-01"});
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0]["amount"], "1234.50");
  EXPECT_EQ(lines[0]["reference"], "INV;1");

  for (const auto* tab : {"tab", "\t"}) {
    const auto path = file(fmt::format("t{}.csv", tab[0] == 't' ? "name" : "char"),
                           fmt::format("engagement\tdate\tamount\treference\nS-1\t2025-04-0{}\t5.00\tT-{}\n",
                                       tab[0] == 't' ? 1 : 2, tab[0] == 't' ? 1 : 2));
    const auto tabbed = import("spend", path, {"--delimiter", tab});
    EXPECT_EQ(tabbed.status, 0) << tabbed.err;
  }
  EXPECT_EQ(cli.count("spend"), 5);
}

TEST_F(ImportHelpE2E, AHeaderThatSplitsOnSemicolonsSuggestsTheFlag)
{
  const auto before = counts();
  const auto path = file("invoices.csv", "engagement;date;amount\nS-1;2025-03-01;1234,50\n");
  const auto output = import("spend", path);
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(lines_of(output.err), (Lines{"vendorcat: error: " + path +
                                           ":1: the header splits on ';', not ',': give --delimiter ';'",
                                         "vendorcat: error: nothing imported: 1 error"}));
  // Quoted names too, which a comma-separated reading finds malformed.
  const auto quoted = import("spend", file("q.csv", "\"engagement\";\"date\";\"amount\"\n"));
  EXPECT_EQ(quoted.status, 2);
  EXPECT_TRUE(has(quoted.err, "malformed quoting")) << quoted.err;
  EXPECT_TRUE(has(quoted.err, "; the header splits on ';', not ',': give --delimiter ';'\n")) << quoted.err;
  EXPECT_EQ(lines_of(quoted.err).size(), 1U) << quoted.err;
  const auto tabbed = import("spend", file("t.csv", "Engagement\tDate\tAmount\n"));
  EXPECT_EQ(tabbed.status, 2);
  EXPECT_TRUE(has(tabbed.err, ":1: the header splits on tabs, not ',': give --delimiter tab")) << tabbed.err;
  // A decimal comma is refused, never guessed, with how to write it.
  const auto comma = import("spend", path, {"--delimiter", ";"});
  EXPECT_EQ(comma.status, 2);
  EXPECT_EQ(lines_of(comma.err), (Lines{"vendorcat: error: " + path +
                                          ":2: amount: amount '1234,50' has a decimal comma: write 1234.50",
                                        "vendorcat: error: nothing imported: 1 error"}));
  const auto rates =
    import("fx", file("fx.csv", "currency;month;rate\nUSD;2025-04;0,92\n"), {"--delimiter", ";"});
  EXPECT_EQ(rates.status, 2);
  EXPECT_TRUE(has(rates.err, "rate '0,92' has a decimal comma: write 0.92")) << rates.err;
  // On the command line too.
  const auto added = cli.run({"spend", "add", "S-1", "--date", "2025-03-01", "--amount", "12,50"});
  EXPECT_EQ(added.status, 2);
  EXPECT_EQ(added.err, "vendorcat: error: amount '12,50' has a decimal comma: write 12.50\n");
  EXPECT_EQ(counts(), before);
}

TEST_F(ImportHelpE2E, AnyOtherDelimiterAndADelimiterForJsonAreRefused)
{
  const auto before = counts();
  const auto csv = file("s.csv", "engagement|date|amount\n");
  for (const auto* bad : {"|", "semicolon", ";;", ""}) {
    const auto output = import("spend", csv, {"--delimiter", bad});
    EXPECT_EQ(output.status, 2) << bad;
    EXPECT_EQ(
      output.err,
      fmt::format("vendorcat: error: --delimiter: '{}' is not one of ',' (the default), ';' or tab\n", bad));
  }
  const auto json = file("s.json", R"([{"engagement": "S-1", "date": "2025-03-01", "amount": "1.00"}])");
  const auto refused = import("spend", json, {"--delimiter", ";"});
  EXPECT_EQ(refused.status, 2);
  EXPECT_EQ(refused.err,
            "vendorcat: error: --delimiter is for CSV files: '" + json + "' is read as JSON (by its name)\n");
  const auto by_format = cli.run({"--format", "json", "import", "spend", csv, "--delimiter", ","});
  EXPECT_EQ(by_format.status, 2);
  EXPECT_TRUE(has(by_format.err, "is read as JSON (--format json)")) << by_format.err;
  EXPECT_EQ(counts(), before);
}
