// End-to-end scenarios for large spend imports: past 50,000 rows the import
// builds the invoice-reference index once at the end, so a repeated reference
// is found only then. It must still be reported with its file line, write
// nothing, and leave the catalogue as strict as before.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

using Lines = std::vector<std::string>;

// Enough rows for the import to build the reference index at the end.
constexpr int bulk_rows = 60'000;

std::string repeated(const std::string& path, int line, const std::string& reference)
{
  return "vendorcat: error: " + path + ":" + std::to_string(line) + ": reference: invoice reference '" +
         reference + "' is already recorded on that engagement";
}

class BulkImportE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Acme Oy", "--country", "FI"});
    for (const char* ref : {"E-1", "E-2"}) {
      cli.ok({"engagement", "add", ref, "--provider", "Acme Oy", "--service", "payroll", "--delivery-country",
              "FI", "--start", "2024-01-01"});
    }
    cli.ok({"spend", "add", "E-1", "--date", "2024-12-31", "--amount", "5.00", "--ref", "OLD-1"});
  }

  // ROWS spend records, alternating E-1 and E-2, each with its own invoice
  // reference INV-<n>; record n is on line n + 2 of the file.
  static Lines records(int rows = bulk_rows)
  {
    Lines lines;
    for (int n = 0; n < rows; ++n) {
      lines.push_back(std::string(n % 2 == 0 ? "E-1" : "E-2") + ",2025-" + two_digits(n % 12 + 1) + "-" +
                      two_digits(n % 28 + 1) + "," + std::to_string(n % 1000) + "." + two_digits(n % 100) +
                      ",EUR,INV-" + std::to_string(n));
    }
    return lines;
  }

  static std::string two_digits(int value)
  {
    std::string text = std::to_string(value);
    return text.size() < 2 ? "0" + text : text;
  }

  // Writes LINES under the spend header to NAME and returns its path.
  std::string file(const std::string& name, const Lines& lines) const
  {
    std::string content = "engagement,date,amount,currency,reference\n";
    for (const auto& line : lines) {
      content += line + "\n";
    }
    write_file(dir / name, content);
    return (dir / name).string();
  }

  Output import(const std::string& path, std::vector<std::string> extra = {}) const
  {
    std::vector<std::string> args{"import", "spend", path};
    args.insert(args.end(), extra.begin(), extra.end());
    return cli.run(args);
  }

  // What an import that writes nothing must leave as it was.
  std::string state() const
  {
    return cli.sql("SELECT count(*) FROM spend") + "\n" + cli.sql("SELECT count(*) FROM audit_log") + "\n" +
           cli.sql("SELECT engagement_id || '|' || month || '|' || currency || '|' || amount || "
                   "'|' || lines "
                   "FROM spend_monthly ORDER BY 1");
  }

  bool has_reference_index() const
  {
    return cli.sql(cli.on_server() ? "SELECT count(*) FROM pg_indexes WHERE indexname = 'spend_reference'"
                                   : "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = "
                                     "'spend_reference'") == "1";
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST_F(BulkImportE2E, RepeatedReferencesAreReportedWithTheirLines)
{
  auto lines = records();
  lines[54'998] = "E-1,2025-06-01,10.00,EUR,INV-0"; // line 55000 repeats line 2
  lines[56'998] = "E-1,2025-06-02,20.00,EUR,OLD-1"; // line 57000 repeats a line already recorded
  const auto path = file("s.csv", lines);
  const auto before = state();
  const auto output = import(path);
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(lines_of(output.err), (Lines{repeated(path, 55'000, "INV-0"), repeated(path, 57'000, "OLD-1"),
                                         "vendorcat: error: nothing imported: 2 errors"}));
  EXPECT_EQ(state(), before);
  EXPECT_TRUE(has_reference_index());
  // Still refused one at a time afterwards.
  EXPECT_EQ(
    cli.run({"spend", "add", "E-1", "--date", "2025-01-01", "--amount", "1.00", "--ref", "OLD-1"}).status, 2);
}

TEST_F(BulkImportE2E, ADryRunReportsTheSameAndWritesNothing)
{
  auto lines = records();
  lines[54'998] = "E-1,2025-06-01,10.00,EUR,INV-0";
  lines[56'998] = "E-1,2025-06-02,20.00,EUR,OLD-1";
  const auto path = file("s.csv", lines);
  const auto before = state();
  const auto output = import(path, {"--dry-run"});
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(lines_of(output.err), (Lines{repeated(path, 55'000, "INV-0"), repeated(path, 57'000, "OLD-1"),
                                         "vendorcat: error: nothing imported: 2 errors"}));
  EXPECT_EQ(state(), before);
  EXPECT_TRUE(has_reference_index());

  // A clean file: all would be created, and still nothing is written.
  const auto clean = import(file("clean.csv", records()), {"--dry-run"});
  EXPECT_EQ(clean.status, 0) << clean.err;
  EXPECT_NE(clean.err.find("60,000 created"), std::string::npos) << clean.err;
  EXPECT_NE(clean.err.find("nothing written"), std::string::npos) << clean.err;
  EXPECT_EQ(state(), before);
  EXPECT_TRUE(has_reference_index());
}

TEST_F(BulkImportE2E, AReferenceOnAnotherEngagementOrNoReferenceIsNoRepeat)
{
  auto lines = records();
  lines[54'998] = "E-2,2025-06-01,10.00,EUR,INV-0"; // INV-0 is on E-1
  lines[56'998] = "E-2,2025-06-02,20.00,EUR,OLD-1"; // OLD-1 is on E-1
  for (std::size_t n = 100; n < lines.size(); n += 1000) {
    lines[n] = "E-1,2025-07-01,1.00,EUR,"; // the same line without a reference, many times
  }
  const auto output = import(file("s.csv", lines));
  EXPECT_EQ(output.status, 0) << output.err;
  EXPECT_NE(output.err.find("60,000 created"), std::string::npos) << output.err;
  EXPECT_EQ(cli.count("spend"), bulk_rows + 1);
  EXPECT_EQ(cli.sql("SELECT count(*) FROM spend WHERE reference IS NULL"), "60");
  EXPECT_TRUE(has_reference_index());
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
  // The index built at the end refuses a repeat again.
  const auto again =
    cli.run({"spend", "add", "E-2", "--date", "2025-01-01", "--amount", "1.00", "--ref", "INV-0"});
  EXPECT_EQ(again.status, 2);
  EXPECT_NE(again.err.find("'INV-0' is already recorded"), std::string::npos) << again.err;
}

TEST_F(BulkImportE2E, ALargeImportLeavesForeignKeysEnforced)
{
  const auto output = import(file("s.csv", records()));
  ASSERT_EQ(output.status, 0) << output.err;
  EXPECT_EQ(cli.count("spend"), bulk_rows + 1);
  const auto refused = cli.run({"engagement", "remove", "E-2"}); // has spend only from the import
  EXPECT_EQ(refused.status, 2);
  EXPECT_NE(refused.err.find("spend"), std::string::npos) << refused.err;
  EXPECT_EQ(cli.count("engagement"), 2);
  const auto check = cli.run({"db", "check"});
  EXPECT_EQ(check.status, 0) << check.err;
  EXPECT_NE(check.err.find("is sound"), std::string::npos) << check.err;
  if (!cli.on_server()) { // the server never suspends its foreign keys
    EXPECT_EQ(cli.sql("PRAGMA foreign_key_check"), "");
  }
}

TEST_F(BulkImportE2E, LineBreaksInsideQuotedFieldsCountForTheLineNumbers)
{
  auto lines = records();
  lines[9] = "E-2,2025-01-10,1.00,EUR,\"INV-9\nPART TWO\""; // lines 11 and 12
  lines[54'998] = "E-1,2025-06-01,10.00,EUR,INV-0";         // now line 55001
  const auto path = file("s.csv", lines);
  const auto output = import(path);
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(lines_of(output.err),
            (Lines{repeated(path, 55'001, "INV-0"), "vendorcat: error: nothing imported: 1 error"}));
  EXPECT_EQ(cli.count("spend"), 1);
}

TEST_F(BulkImportE2E, ABadRowBeforeARepeatIsReportedToo)
{
  auto lines = records();
  lines[29'998] = "E-9,2025-01-10,1.00,EUR,INV-X";  // line 30000: no such engagement
  lines[54'998] = "E-1,2025-06-01,10.00,EUR,INV-0"; // line 55000
  const auto path = file("s.csv", lines);
  const auto output = import(path);
  EXPECT_EQ(output.status, 2);
  const auto errors = lines_of(output.err);
  ASSERT_EQ(errors.size(), 3u) << output.err;
  EXPECT_EQ(errors[0].rfind("vendorcat: error: " + path + ":30000: engagement: no engagement 'E-9'", 0), 0u)
    << errors[0];
  EXPECT_EQ(errors[1], repeated(path, 55'000, "INV-0"));
  EXPECT_EQ(errors[2], "vendorcat: error: nothing imported: 2 errors");
  EXPECT_EQ(cli.count("spend"), 1);
}

TEST_F(BulkImportE2E, ErrorsFoundAtTheEndAreListedInLineOrder)
{
  auto lines = records();
  lines[54'998] = "E-1,2025-06-01,10.00,EUR,INV-0"; // line 55000: a repeat, found at the end
  lines[55'998] = "E-9,2025-01-10,1.00,EUR,INV-X";  // line 56000: no such engagement
  lines[56'998] = "E-1,2025-01-10,1.00";            // line 57000: three fields of five
  const auto path = file("s.csv", lines);
  const auto output = import(path);
  EXPECT_EQ(output.status, 2);
  const auto errors = lines_of(output.err);
  ASSERT_EQ(errors.size(), 4u) << output.err;
  EXPECT_EQ(errors[0], repeated(path, 55'000, "INV-0"));
  EXPECT_EQ(errors[1].rfind("vendorcat: error: " + path + ":56000: engagement: no engagement 'E-9'", 0), 0u)
    << errors[1];
  EXPECT_EQ(errors[2], "vendorcat: error: " + path + ":57000: 3 fields, header has 5");
  EXPECT_EQ(errors[3], "vendorcat: error: nothing imported: 3 errors");
  EXPECT_EQ(cli.count("spend"), 1);
}
