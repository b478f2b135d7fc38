// End-to-end scenarios for `vendorcat help [TOPIC]`: the list of topics, each
// topic in lines of at most 80 columns with the words the product uses, a
// noun's --help, and an unknown topic with the closest one.

#include "support/run_binary.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

using namespace vendorcat::test;

namespace {

// What each topic must say, in the product's own words.
const std::map<std::string, std::vector<std::string>> topics{
  {"bpo-kpo", {"--basis", "type_source"}},
  {"delivery-models", {"onshore", "nearshore", "offshore", "UN M49", "home-country", "--model", "derived"}},
  {"money", {"minor units", "decimal", "1 CUR = RATE", "month", "rounds once", "half to even", "ISO 4217"}},
  {"import",
   {"providers, locations, services", "CSV", "JSON", "letter case", "all or nothing", "batch", "--again",
    "import undo", "--on-conflict"}},
  {"renewals",
   {"current term", "renewal_months", "notice deadline", "notice-due", "notice-missed", "ending"}},
  {"backends", {"postgresql://", "VENDORCAT_DB", "db copy", "PGPASSWORD", "db backup DEST"}},
};

std::string help(const std::vector<std::string>& args)
{
  auto with_help = args;
  with_help.insert(with_help.begin(), "help");
  const auto output = run_program(VENDORCAT_BIN, with_help);
  EXPECT_EQ(output.status, 0) << output.err;
  return output.out;
}

} // namespace

TEST(HelpE2E, ListsEveryTopic)
{
  const auto list = help({});
  for (const auto& [name, words] : topics) {
    EXPECT_NE(list.find(fmt::format("  {} ", name)), std::string::npos) << name << "\n" << list;
  }
}

TEST(HelpE2E, EachTopicExplainsItselfInEightyColumns)
{
  for (const auto& [name, words] : topics) {
    const auto text = help({name});
    for (const auto& word : words) {
      EXPECT_NE(text.find(word), std::string::npos) << name << ": " << word;
    }
    for (const auto& line : lines_of(text)) {
      EXPECT_LE(line.size(), 80u) << name << ": " << line; // the texts are ASCII
    }
  }
}

TEST(HelpE2E, ANounShowsItsOwnHelp)
{
  const auto text = help({"provider"});
  for (const auto* verb : {"add", "list", "search", "show", "update", "remove"}) {
    EXPECT_NE(text.find(verb), std::string::npos) << verb << "\n" << text;
  }
  EXPECT_NE(text.find("vendorcat provider"), std::string::npos) << text;
}

TEST(HelpE2E, AnUnknownTopicSuggestsTheClosest)
{
  const auto output = run_program(VENDORCAT_BIN, {"help", "mony"});
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(output.err, "vendorcat: error: unknown help topic 'mony' (did you mean 'money'?) (see 'vendorcat "
                        "help')\n");
}
