// The command tree read back as data, on a small tree built here: names,
// visible verbs, choices, which values take live names, and the flattened
// specs the completion scripts are written from.

#include "cli/command_tree.hpp"

#include <gtest/gtest.h>

using namespace vendorcat::cli;

namespace {

struct Tree
{
  Tree()
  {
    app.add_option("--format", format)->check(CLI::IsMember({"table", "csv"}));
    app.add_flag("-q,--quiet", quiet);
    auto* engagement = app.add_subcommand("engagement", "Engagements\nmore");
    engagement->add_subcommand("add")->add_option("REF", text);
    engagement->add_subcommand("show")->add_option("REF", text);
    engagement->add_subcommand("secret")->group("");
    list = engagement->add_subcommand("list");
    list->add_option("--provider", text);
    list->add_option("--status", text)->check(choices([] {
      return std::vector<std::string>{"active", "ended"};
    }));
  }

  CLI::App app{"test", "vendorcat"};
  CLI::App* list = nullptr;
  std::string format, text;
  bool quiet = false;
};

} // namespace

TEST(CommandTree, NamesCommandsAndTheirVisibleVerbs)
{
  Tree tree;
  EXPECT_EQ(command_name(*tree.list), "vendorcat engagement list");
  EXPECT_EQ(subcommand_names(*tree.app.get_subcommand("engagement")),
            (std::vector<std::string>{"add", "show", "list"}));
  EXPECT_EQ(joined_choices({"a", "b", "c"}), "a, b or c");
  EXPECT_EQ(joined_choices({"a"}), "a");
}

TEST(CommandTree, ReadsChoicesFromIsMemberAndFromChoices)
{
  Tree tree;
  EXPECT_EQ(option_choices(*tree.app.get_option("--format")), (std::vector<std::string>{"table", "csv"}));
  EXPECT_EQ(option_choices(*tree.list->get_option("--status")),
            (std::vector<std::string>{"active", "ended"}));
  EXPECT_TRUE(option_choices(*tree.list->get_option("--provider")).empty());
  EXPECT_FALSE(takes_value(*tree.app.get_option("--quiet")));
  EXPECT_TRUE(takes_value(*tree.app.get_option("--format")));
}

TEST(CommandTree, TellsLiveNamesByTheValuesName)
{
  Tree tree;
  const auto& engagement = *tree.app.get_subcommand("engagement");
  EXPECT_EQ(value_kind(*tree.list, *tree.list->get_option("--provider")), ValueKind::providers);
  EXPECT_EQ(
    value_kind(*engagement.get_subcommand("show"), *engagement.get_subcommand("show")->get_option("REF")),
    ValueKind::engagements);
  // The ref an add creates is new.
  EXPECT_EQ(
    value_kind(*engagement.get_subcommand("add"), *engagement.get_subcommand("add")->get_option("REF")),
    ValueKind::text);
  EXPECT_EQ(to_string(ValueKind::services), "services");
}

TEST(CommandTree, FlattensEveryVisibleCommandWithTheFlagsThatApplyToIt)
{
  Tree tree;
  const auto specs = command_specs(tree.app);
  std::vector<std::string> paths;
  for (const auto& spec : specs) {
    paths.push_back(spec.path);
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"", "engagement", "engagement add", "engagement show",
                                             "engagement list"}));
  EXPECT_EQ(specs[1].description, "Engagements");
  const auto& list = specs.back();
  std::vector<std::string> flags;
  for (const auto& option : list.options) {
    flags.push_back(option.names.front());
  }
  EXPECT_EQ(flags, (std::vector<std::string>{"--help", "--provider", "--status", "--format", "--quiet"}));
  EXPECT_EQ(specs[3].positionals.at(0).name, "REF");
  EXPECT_EQ(specs[3].positionals.at(0).kind, ValueKind::engagements);
}
