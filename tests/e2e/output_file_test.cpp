// End-to-end scenarios for -o FILE: the format from the extension, refusing
// to replace a file without --force, and spreadsheets read back cell by cell
// (tests/xlsx/read_xlsx.py, the standard library's zipfile and XML parser).

#include "support/import_fixture.hpp"
#include "support/run_binary.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

// The workbook at PATH as read_xlsx.py prints it.
nlohmann::json read_xlsx(const std::filesystem::path& path)
{
  const auto script = std::filesystem::path(VENDORCAT_SOURCE_DIR) / "tests" / "xlsx" / "read_xlsx.py";
  const auto read = run_program("/usr/bin/python3", {script.string(), path.string()});
  EXPECT_EQ(read.status, 0) << read.err;
  return nlohmann::json::parse(read.out);
}

// The sheet named NAME of BOOK.
nlohmann::json sheet(const nlohmann::json& book, const std::string& name)
{
  for (const auto& each : book["sheets"]) {
    if (each["name"] == name) {
      return each;
    }
  }
  ADD_FAILURE() << "no sheet '" << name << "' in " << book.dump();
  return nlohmann::json::object();
}

// The cell of SHEET's data row ROW (0: the first under the header) under KEY.
nlohmann::json cell(const nlohmann::json& sheet, std::size_t row, const std::string& key)
{
  const auto& header = sheet["rows"][0];
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i]["value"] == key) {
      return sheet["rows"][row + 1][i];
    }
  }
  ADD_FAILURE() << "no column '" << key << "'";
  return nlohmann::json::object();
}

class OutputFileE2E : public ImportE2E
{
protected:
  void SetUp() override
  {
    ImportE2E::SetUp();
    cli.ok({"provider", "add", "Acme", "--country", "FI"});
    cli.ok({"engagement", "add", "ENG-1", "--provider", "Acme", "--service", "payroll", "--delivery-country",
            "IN", "--start", "2025-01-01", "--end", "2026-12-31", "--value", "1234567.50", "--auto-renew",
            "--notice-days", "60"});
    cli.ok({"spend", "add", "ENG-1", "--date", "2025-02-01", "--amount", "1000.25", "--ref", "INV-1"});
    cli.ok({"spend", "add", "ENG-1", "--date", "2025-03-01", "--amount", "-80.00", "--ref", "CN-1"});
  }

  std::string path(const std::string& name) const { return (dir / name).string(); }
};

} // namespace

TEST_F(OutputFileE2E, AReportInAWorkbookHasTypedCellsAndAFrozenHeader)
{
  const auto done = cli.run({"report", "spend", "--period", "month", "-o", path("spend.xlsx")});
  ASSERT_EQ(done.status, 0) << done.err;
  EXPECT_TRUE(done.out.empty());
  EXPECT_NE(done.err.find("wrote 2 rows to"), std::string::npos) << done.err;
  const auto book = read_xlsx(path("spend.xlsx"));
  ASSERT_EQ(book["sheets"].size(), 1U);
  const auto spend = sheet(book, "report spend");
  EXPECT_EQ(spend["frozen_rows"], 1);
  EXPECT_EQ(cell(spend, 0, "period")["value"], "2025-02");
  EXPECT_EQ(cell(spend, 0, "period")["type"], "string");
  EXPECT_EQ(cell(spend, 0, "amount")["type"], "number");
  EXPECT_EQ(cell(spend, 0, "amount")["value"], 1000.25);
  EXPECT_EQ(cell(spend, 0, "amount")["format"], "#,##0.00");
  EXPECT_EQ(cell(spend, 1, "amount")["value"], -80.0);
  EXPECT_EQ(cell(spend, 0, "lines")["type"], "number");
  EXPECT_EQ(cell(spend, 0, "share")["format"], "0.0000");
  EXPECT_EQ(cell(spend, 0, "currency")["value"], "EUR");
}

TEST_F(OutputFileE2E, AListingInAWorkbookHasDatesAsDatesAndBooleans)
{
  cli.ok({"engagement", "list", "-o", path("engagements.xlsx")});
  const auto book = read_xlsx(path("engagements.xlsx"));
  const auto engagements = sheet(book, "engagement list");
  EXPECT_EQ(cell(engagements, 0, "ref")["value"], "ENG-1");
  const auto start = cell(engagements, 0, "start_date");
  EXPECT_EQ(start["type"], "number");
  EXPECT_EQ(start["format"], "yyyy-mm-dd");
  EXPECT_EQ(start["value"], 45658.0); // 2025-01-01 as a spreadsheet's serial day
  EXPECT_EQ(cell(engagements, 0, "value")["value"], 1234567.5);
  EXPECT_EQ(cell(engagements, 0, "auto_renew")["type"], "boolean");
  EXPECT_EQ(cell(engagements, 0, "auto_renew")["value"], true);
  EXPECT_EQ(cell(engagements, 0, "notice_days")["type"], "number");
  EXPECT_EQ(cell(engagements, 0, "notice_days")["value"], 60.0);
}

TEST_F(OutputFileE2E, ARecordInAWorkbookHasASheetPerSection)
{
  cli.ok({"provider", "show", "Acme", "-o", path("acme.xlsx")});
  const auto book = read_xlsx(path("acme.xlsx"));
  std::vector<std::string> names;
  for (const auto& each : book["sheets"]) {
    names.push_back(each["name"]);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"provider show", "locations", "offerings", "engagements"}));
  const auto fields = sheet(book, "provider show");
  EXPECT_EQ(fields["rows"][2][1]["value"], "Acme");
  EXPECT_EQ(cell(sheet(book, "engagements"), 0, "spent")["value"], 920.25);
}

TEST_F(OutputFileE2E, TheExtensionChoosesTheFormatUnlessFormatIsGiven)
{
  cli.ok({"provider", "list", "-o", path("p.csv")});
  EXPECT_TRUE(read_file(dir / "p.csv").starts_with("id,name,hq_country,"));
  cli.ok({"provider", "list", "-o", path("p.json")});
  EXPECT_EQ(nlohmann::json::parse(read_file(dir / "p.json"))[0]["name"], "Acme");
  cli.ok({"provider", "list", "-o", path("p.jsonl")});
  EXPECT_EQ(nlohmann::json::parse(lines_of(read_file(dir / "p.jsonl"))[0])["name"], "Acme");
  cli.ok({"provider", "list", "-o", path("p.txt")});
  EXPECT_TRUE(read_file(dir / "p.txt").starts_with("id  name")) << read_file(dir / "p.txt");
  cli.ok({"report", "spend", "-o", path("spend.HTML")});
  const auto page = read_file(dir / "spend.HTML");
  EXPECT_NE(page.find("<td class=\"num\">920.25</td>"), std::string::npos) << page;
  cli.ok({"engagement", "list", "-o", path("e.html")});
  EXPECT_NE(read_file(dir / "e.html").find("<td class=\"num\">1,234,567.50</td>"), std::string::npos);
  cli.ok({"provider", "list", "--format", "json", "-o", path("list.csv")});
  EXPECT_EQ(nlohmann::json::parse(read_file(dir / "list.csv"))[0]["name"], "Acme");

  const auto unknown = cli.run({"provider", "list", "-o", path("p.pdf")});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("cannot tell the format of"), std::string::npos) << unknown.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "p.pdf"));
}

TEST_F(OutputFileE2E, AnExistingFileIsReplacedOnlyWithForce)
{
  write_file(dir / "old.csv", "keep me\n");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"provider", "list", "-o", path("old.csv")},
                                             {"export", "providers", "-o", path("old.csv")},
                                             {"report", "renewals", "-o", path("old.csv")}}) {
    const auto refused = cli.run(args);
    EXPECT_EQ(refused.status, 2) << args[0];
    EXPECT_NE(refused.err.find("already exists"), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
    EXPECT_EQ(read_file(dir / "old.csv"), "keep me\n");
  }
  write_file(dir / "old.html", "keep me\n");
  EXPECT_EQ(cli.run({"report", "html", "-o", path("old.html")}).status, 2);
  EXPECT_EQ(read_file(dir / "old.html"), "keep me\n");

  cli.ok({"export", "providers", "-o", path("old.csv"), "--force"});
  EXPECT_TRUE(read_file(dir / "old.csv").starts_with("name,hq_country"));
  cli.ok({"report", "html", "-o", path("old.html"), "--force"});
  EXPECT_NE(read_file(dir / "old.html").find("<!DOCTYPE html>"), std::string::npos);
}

TEST_F(OutputFileE2E, OutputIsRefusedWhereItCannotBeWritten)
{
  const auto change = cli.run({"provider", "add", "Beta", "--country", "SE", "-o", path("beta.csv")});
  EXPECT_EQ(change.status, 2);
  EXPECT_NE(change.err.find("changes the catalogue"), std::string::npos) << change.err;
  EXPECT_EQ(cli.count("provider"), 1);
  EXPECT_FALSE(std::filesystem::exists(dir / "beta.csv"));

  if (!cli.on_server()) {
    const auto catalogue =
      cli.run({"provider", "list", "--format", "csv", "-o", (dir / "c.db").string(), "--force"});
    EXPECT_EQ(catalogue.status, 2) << catalogue.err;
    EXPECT_EQ(cli.run({"db", "check"}).status, 0);
  }

  const auto text = cli.run({"config", "get", "base-currency", "-o", path("currency.xlsx")});
  EXPECT_EQ(text.status, 2);
  EXPECT_NE(text.err.find("writes text"), std::string::npos) << text.err;

  const auto spreadsheet = cli.run({"export", "spend", "-o", path("spend.xlsx")});
  EXPECT_EQ(spreadsheet.status, 2);
  EXPECT_NE(spreadsheet.err.find("-o FILE.xlsx"), std::string::npos) << spreadsheet.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "spend.xlsx"));

  const auto page = cli.run({"report", "html"});
  EXPECT_EQ(page.status, 2);
  EXPECT_NE(page.err.find("give -o FILE"), std::string::npos) << page.err;

  // A command that only writes a file of its own is refused before it runs.
  const auto backup = cli.run({"db", "backup", path("copy.db"), "-o", path("backup.csv")});
  EXPECT_EQ(backup.status, 2);
  EXPECT_NE(backup.err.find("'db backup' prints nothing to write to"), std::string::npos) << backup.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "copy.db"));
  EXPECT_FALSE(std::filesystem::exists(dir / "backup.csv"));
}
