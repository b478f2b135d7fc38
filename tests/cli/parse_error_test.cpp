// The parser's messages in the house form, on a small tree built here: each
// CLI11 refusal parsed and rewritten, with the command's own --help.

#include "cli/parse_error.hpp"

#include <gtest/gtest.h>

using vendorcat::cli::parse_error_message;

namespace {

// The message for ARGS on a tree like vendorcat's.
std::string message_for(std::vector<std::string> args)
{
  CLI::App app{"test", "vendorcat"};
  app.fallthrough();
  app.require_subcommand(1);
  std::string format, text;
  int days = 0;
  app.add_option("--format", format)->check(CLI::IsMember({"table", "csv", "json"}));
  auto* provider = app.add_subcommand("provider");
  provider->require_subcommand(1);
  auto* list = provider->add_subcommand("list");
  list->add_option("--country", text);
  provider->add_subcommand("show")->add_option("PROVIDER", text)->required();
  auto* renewals = app.add_subcommand("report")->add_subcommand("renewals");
  renewals->add_option("--within", days)->type_name("DAYS")->check(CLI::NonNegativeNumber);
  renewals->add_option("--top", days)->type_name("N");
  renewals->add_option("--limit", days);
  std::vector<std::string> reversed(args.rbegin(), args.rend()); // CLI11 parses a vector from its end
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& error) {
    return parse_error_message(app, error, args);
  }
  return "parsed";
}

} // namespace

TEST(ParseErrorMessage, NamesAnUnknownCommandWithTheClosestOne)
{
  EXPECT_EQ(message_for({"provder", "list"}), "unknown command 'provder' (did you mean 'provider'?)");
  EXPECT_EQ(message_for({"provider", "lst"}),
            "unknown command 'provider lst' (did you mean 'provider list'?)");
  EXPECT_EQ(message_for({"provider", "zzzzzz"}),
            "unknown command 'provider zzzzzz': choose list or show (see 'vendorcat provider --help')");
}

TEST(ParseErrorMessage, NamesAnUnknownFlagWithTheClosestOneInScope)
{
  EXPECT_EQ(message_for({"provider", "list", "--contry", "FI"}),
            "unknown flag '--contry' (did you mean '--country'?) (see 'vendorcat provider list --help')");
  EXPECT_EQ(message_for({"provider", "list", "--frmat=csv"}),
            "unknown flag '--frmat' (did you mean '--format'?) (see 'vendorcat provider list --help')");
}

TEST(ParseErrorMessage, ListsTheChoicesOfAMissingCommand)
{
  EXPECT_EQ(message_for({}), "missing command: choose provider or report (see 'vendorcat --help')");
  EXPECT_EQ(
    message_for({"provider"}),
    "missing command after 'vendorcat provider': choose list or show (see 'vendorcat provider --help')");
}

TEST(ParseErrorMessage, RewritesCliElevensOwnMessages)
{
  EXPECT_EQ(message_for({"report", "renewals", "--within", "abc"}),
            "--within: 'abc' is not a whole number of days (see 'vendorcat report renewals --help')");
  EXPECT_EQ(message_for({"report", "renewals", "--within=1.5"}),
            "--within: '1.5' is not a whole number of days (see 'vendorcat report renewals --help')");
  EXPECT_EQ(
    message_for({"report", "renewals", "--within", "-2"}),
    "--within: '-2' must be a whole number of days, 0 or more (see 'vendorcat report renewals --help')");
  EXPECT_EQ(message_for({"report", "renewals", "--top", "ten"}),
            "--top: 'ten' is not a whole number (see 'vendorcat report renewals --help')");
  EXPECT_EQ(message_for({"report", "renewals", "--limit", "x"}),
            "--limit: 'x' is not a whole number (see 'vendorcat report renewals --help')");
  EXPECT_EQ(
    message_for({"provider", "list", "--format", "jsn"}),
    "--format: 'jsn' is not one of table, csv or json (did you mean 'json'?) (see 'vendorcat provider "
    "list --help')");
  EXPECT_EQ(message_for({"provider", "show"}), "missing PROVIDER (see 'vendorcat provider show --help')");
  EXPECT_EQ(message_for({"provider", "list", "--country"}),
            "--country needs a value (see 'vendorcat provider list --help')");
  EXPECT_EQ(message_for({"provider", "show", "a", "b"}),
            "unexpected argument 'b' for 'vendorcat provider show' (see 'vendorcat provider show --help')");
}
