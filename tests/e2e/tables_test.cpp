// Tables for people, through the real binary: names sorted as a person
// expects on either backend (the PostgreSQL run repeats every scenario on
// the server), stored control characters shown escaped, and the layout of a
// terminal never reaching a pipe. The terminal itself is tests/terminal/.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

using Names = std::vector<std::string>;

class TablesE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    int ref = 0;
    for (const char* name : {"Zeta", "Öresund Logistics", "acme", "Oslo Data", "Acme Inc", "Bravo", "oak"}) {
      cli.ok({"provider", "add", name, "--country", "SE"});
      cli.ok({"location", "add", name, "--country", "FI", "--city", "Helsinki"});
      cli.ok({"offering", "add", name, "payroll"});
      const auto engagement = fmt::format("ENG-{}", ++ref);
      cli.ok({"engagement", "add", engagement, "--provider", name, "--service", "payroll",
              "--delivery-country", "SE", "--start", "2025-01-01"});
      cli.ok({"spend", "add", engagement, "--date", "2025-02-01", "--amount", "100.00"});
    }
  }

  Names column(const std::vector<std::string>& args, const std::string& key) const
  {
    Names found;
    for (const auto& row : cli.json(args)) {
      found.push_back(row[key]);
    }
    return found;
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
  const Names expected{"acme", "Acme Inc", "Bravo", "oak", "Öresund Logistics", "Oslo Data", "Zeta"};
};

} // namespace

TEST_F(TablesE2E, NamesSortIgnoringCaseAndAccents)
{
  EXPECT_EQ(column({"provider", "list"}, "name"), expected);
  EXPECT_EQ(column({"location", "list"}, "provider"), expected);
  EXPECT_EQ(column({"offering", "list"}, "provider"), expected);
  EXPECT_EQ(column({"report", "spend", "--by", "provider", "--period", "all"}, "provider"), expected);
  const auto table = cli.ok({"provider", "list"});
  EXPECT_LT(table.find("Acme Inc"), table.find("Bravo")) << table;
  EXPECT_LT(table.find("oak"), table.find("Öresund")) << table;
  EXPECT_LT(table.find("Öresund"), table.find("Oslo")) << table;
}

TEST_F(TablesE2E, TheFileStaysReadableWithoutVendorcat)
{
  if (cli.on_server()) {
    GTEST_SKIP() << "a file's matter";
  }
  cli.ok({"provider", "list"});
  // No schema object needs the collation that vendorcat's queries use.
  EXPECT_EQ(cli.sql("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%vendorcat_name%'"), "0");
  EXPECT_EQ(cli.sql("SELECT name FROM provider ORDER BY name LIMIT 1"), "Acme Inc"); // by bytes there
  const auto check = cli.run({"db", "check"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

TEST_F(TablesE2E, ControlCharactersInStoredTextAreShownEscaped)
{
  cli.ok({"provider", "update", "Bravo", "--notes", "looks \x1b[31mred\x1b[0m here"});
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"provider", "list"}, {"provider", "show", "Bravo"}}) {
    const auto out = cli.ok(args);
    EXPECT_NE(out.find("looks \\x1b[31mred\\x1b[0m here"), std::string::npos) << out;
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  }
  // The data itself is kept as given.
  EXPECT_EQ(cli.json({"provider", "show", "Bravo"})["notes"], "looks \x1b[31mred\x1b[0m here");
}

TEST_F(TablesE2E, APipeGetsTheWholeTableWhateverColumnsSays)
{
  cli.ok({"provider", "update", "Bravo", "--notes", std::string(200, 'n')});
  const auto plain = cli.ok({"provider", "list"});
  EXPECT_NE(plain.find(std::string(200, 'n')), std::string::npos);
  const auto narrow = run_program(
    "/usr/bin/env", {"COLUMNS=40", "NO_COLOR=", VENDORCAT_BIN, "--db", cli.target(), "provider", "list"});
  ASSERT_EQ(narrow.status, 0) << narrow.err;
  EXPECT_EQ(narrow.out, plain);
  EXPECT_EQ(narrow.err, "");
}

TEST_F(TablesE2E, WideIsAGlobalFlag)
{
  const auto plain = cli.ok({"engagement", "list"});
  EXPECT_EQ(cli.ok({"--wide", "engagement", "list"}), plain);
  EXPECT_EQ(cli.ok({"engagement", "list", "--wide"}), plain);
  EXPECT_EQ(cli.ok({"engagement", "--wide", "list"}), plain);
}
