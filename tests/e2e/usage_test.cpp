// End-to-end scenarios for command lines the parser refuses: an unknown
// command or flag named with the closest one, a missing command with the
// choices, CLI11's own messages in the house form with the command's own
// --help as the hint, all exit 2 with nothing written; and --version.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <regex>

using namespace vendorcat::test;

namespace {

class UsageE2E : public ::testing::Test
{
protected:
  // vendorcat --db DB ARGS..., where DB is never created: a refused command
  // line writes nothing. Expects exit 2 and one line; returns the message
  // without its `vendorcat: error: ` prefix.
  std::string refused(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"--db", db.string()});
    const auto output = run_program(VENDORCAT_BIN, args);
    EXPECT_EQ(output.status, 2) << output.err;
    EXPECT_TRUE(output.out.empty()) << output.out;
    EXPECT_FALSE(std::filesystem::exists(db));
    const std::string prefix = "vendorcat: error: ";
    EXPECT_EQ(output.err.rfind(prefix, 0), 0u) << output.err;
    EXPECT_EQ(output.err.find('\n'), output.err.size() - 1) << output.err;
    if (output.err.size() <= prefix.size() + 1) {
      return "";
    }
    const auto message = output.err.substr(prefix.size(), output.err.size() - prefix.size() - 1);
    EXPECT_FALSE(std::isupper(static_cast<unsigned char>(message[0]))) << message;
    return message;
  }

  TempDir dir;
  std::filesystem::path db = dir / "never.db";
};

bool has(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_F(UsageE2E, AnUnknownNounIsNamedWithTheClosestOne)
{
  EXPECT_EQ(refused({"provder", "list"}), "unknown command 'provder' (did you mean 'provider'?)");
  EXPECT_EQ(refused({"engagment", "show", "ENG-1"}),
            "unknown command 'engagment' (did you mean 'engagement'?)");
  const auto far = refused({"xyzzy"});
  EXPECT_TRUE(has(far, "unknown command 'xyzzy': choose db, config,")) << far;
  EXPECT_TRUE(has(far, "(see 'vendorcat --help')")) << far;
}

TEST_F(UsageE2E, AnUnknownVerbIsNamedWithTheClosestOne)
{
  EXPECT_EQ(refused({"provider", "lst"}), "unknown command 'provider lst' (did you mean 'provider list'?)");
  EXPECT_EQ(refused({"report", "renewal"}),
            "unknown command 'report renewal' (did you mean 'report renewals'?)");
  const auto far = refused({"provider", "frobnicate"});
  EXPECT_TRUE(has(far, "choose add, list, search, show, update or remove")) << far;
  EXPECT_TRUE(has(far, "(see 'vendorcat provider --help')")) << far;
}

TEST_F(UsageE2E, AnUnknownFlagIsNamedWithTheClosestOneOfItsCommand)
{
  EXPECT_EQ(refused({"provider", "list", "--contry", "FI"}),
            "unknown flag '--contry' (did you mean '--country'?) (see 'vendorcat provider list --help')");
  // Global flags are the command's too, before or after it.
  EXPECT_EQ(refused({"--formt", "json", "provider", "list"}),
            "unknown flag '--formt' (did you mean '--format'?) (see 'vendorcat --help')");
  EXPECT_EQ(refused({"report", "renewals", "--formt", "json"}),
            "unknown flag '--formt' (did you mean '--format'?) (see 'vendorcat report renewals --help')");
  EXPECT_EQ(refused({"report", "renewals", "--zzzzzzzz=3"}),
            "unknown flag '--zzzzzzzz' (see 'vendorcat report renewals --help')");
}

TEST_F(UsageE2E, AMissingCommandListsTheChoices)
{
  const auto none = refused({});
  EXPECT_TRUE(has(none, "missing command: choose db, config, service, provider,")) << none;
  EXPECT_TRUE(has(none, "help or completion (see 'vendorcat --help')")) << none;
  EXPECT_EQ(refused({"provider"}),
            "missing command after 'vendorcat provider': choose add, list, search, show, "
            "update or remove (see 'vendorcat provider --help')");
  const auto report = refused({"--format", "json", "report"});
  EXPECT_TRUE(has(report, "missing command after 'vendorcat report': choose spend, unit-cost, renewals,"))
    << report;
}

TEST_F(UsageE2E, ParserMessagesAreInTheHouseFormWithTheCommandsOwnHelp)
{
  EXPECT_EQ(refused({"report", "renewals", "--within", "abc"}),
            "--within: 'abc' is not a whole number of days (see 'vendorcat report renewals --help')");
  EXPECT_EQ(refused({"service", "list", "--format", "xml"}),
            "--format: 'xml' is not one of table, csv, json or jsonl (see 'vendorcat service list --help')");
  EXPECT_EQ(refused({"service", "list", "--format", "jsn"}),
            "--format: 'jsn' is not one of table, csv, json or jsonl (did you mean 'json'?) (see 'vendorcat "
            "service list --help')");
  EXPECT_EQ(refused({"provider", "show"}), "missing PROVIDER (see 'vendorcat provider show --help')");
  EXPECT_EQ(refused({"engagement", "add", "ENG-1", "--service", "payroll"}),
            "missing --provider (see 'vendorcat engagement add --help')");
  EXPECT_EQ(
    refused({"provider", "show", "Acme", "Beta"}),
    "unexpected argument 'Beta' for 'vendorcat provider show' (see 'vendorcat provider show --help')");
  const auto no_value = refused({"service", "list", "--type"});
  EXPECT_TRUE(has(no_value, "--type")) << no_value;
  EXPECT_TRUE(has(no_value, "(see 'vendorcat service list --help')")) << no_value;
  const auto negative = refused({"engagement", "list", "--expiring-within", "-3"});
  EXPECT_TRUE(has(negative, "--expiring-within: '-3' must be a whole number of days, 0 or more")) << negative;
}

TEST_F(UsageE2E, ValuesThatLookLikeFlagsAreValues)
{
  // A credit note's amount is a value, not a flag: the parser takes it, and
  // what fails is the missing catalogue record, not the command line.
  Cli cli(dir / "c.db");
  cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  const auto output = cli.run({"spend", "add", "NO-SUCH", "--date", "2026-01-31", "--amount", "-80.00"});
  EXPECT_EQ(output.status, 2) << output.err;
  EXPECT_FALSE(has(output.err, "unknown flag")) << output.err;
  EXPECT_TRUE(has(output.err, "NO-SUCH")) << output.err;
}

TEST_F(UsageE2E, VersionNamesTheNewestCatalogueSchemaTheBinaryKnows)
{
  int migrations = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(VENDORCAT_SOURCE_DIR) / "migrations")) {
    migrations += entry.path().extension() == ".sql" ? 1 : 0;
  }
  ASSERT_GT(migrations, 0);
  for (const auto* flag : {"--version", "-V"}) {
    const auto output = run_program(VENDORCAT_BIN, {"--db", db.string(), flag});
    EXPECT_EQ(output.status, 0) << output.err;
    std::smatch match;
    ASSERT_TRUE(std::regex_match(output.out, match,
                                 std::regex(R"(vendorcat \d+\.\d+\.\d+ \(catalogue schema (\d+)\)\n)")))
      << output.out;
    EXPECT_EQ(std::stoi(match[1]), migrations);
    EXPECT_FALSE(std::filesystem::exists(db)); // no catalogue is opened
  }
}
