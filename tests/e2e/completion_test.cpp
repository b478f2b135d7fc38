// End-to-end scenarios for `vendorcat completion`: bash completion driven as
// bash drives it (the script the binary prints, sourced in /usr/bin/bash with
// COMP_WORDS and COMP_CWORD set, its function called) for nouns, verbs,
// flags, choices and the names of a catalogue made here; the hidden names
// helper; the zsh and fish scripts; and the scripts `cmake --install` puts
// where each shell looks.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace vendorcat::test;

namespace {

using Words = std::vector<std::string>;

// TEXT in single quotes for bash.
std::string quoted(const std::string& text)
{
  std::string out = "'";
  for (const char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return fmt::format("{}'", out);
}

// The candidates bash completion offers for the last of WORDS (the words
// after `vendorcat`), sorted, with SCRIPT (default: the one the binary
// prints) sourced first and SETUP run before it.
Words complete(const Words& words, const std::string& setup = "", const std::string& script = "")
{
  std::string array = quoted(VENDORCAT_BIN);
  for (const auto& word : words) {
    array = fmt::format("{} {}", array, quoted(word));
  }
  const auto source = script.empty() ? fmt::format("source <({} completion bash)", quoted(VENDORCAT_BIN))
                                     : fmt::format("source {}", quoted(script));
  const auto command = fmt::format("{}\n{} || exit 9\nCOMP_WORDS=({})\nCOMP_CWORD={}\n_vendorcat || exit 8\n"
                                   "printf '%s\\n' \"${{COMPREPLY[@]}}\"",
                                   setup, source, array, words.size());
  const auto output = run_program("/usr/bin/bash", {"-c", command});
  EXPECT_EQ(output.status, 0) << output.err;
  EXPECT_EQ(output.err, "");
  auto candidates = lines_of(output.out);
  candidates.erase(std::remove(candidates.begin(), candidates.end(), ""), candidates.end());
  std::sort(candidates.begin(), candidates.end());
  return candidates;
}

bool contains(const Words& words, const std::string& word)
{
  return std::find(words.begin(), words.end(), word) != words.end();
}

class CompletionE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Acme Oy", "--country", "FI"});
    cli.ok({"provider", "add", "Baltic Research", "--country", "EE"});
    for (const auto* ref : {"ENG-1", "ENG-2", "OTHER-9"}) {
      cli.ok({"engagement", "add", ref, "--provider", "Acme Oy", "--service", "payroll", "--delivery-country",
              "EE", "--start", "2026-01-01"});
    }
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST(CompletionScriptE2E, CompletesNounsVerbsFlagsAndChoices)
{
  EXPECT_EQ(complete({"prov"}), (Words{"provider"}));
  const auto nouns = complete({""});
  for (const auto* noun : {"db", "provider", "engagement", "report", "help", "completion"}) {
    EXPECT_TRUE(contains(nouns, noun)) << noun;
  }
  EXPECT_FALSE(contains(nouns, "names")); // the hidden helper is no command to offer

  const auto verbs = complete({"provider", ""});
  for (const auto* verb : {"list", "add", "show", "search", "update", "remove"}) {
    EXPECT_TRUE(contains(verbs, verb)) << verb;
  }
  EXPECT_EQ(complete({"report", "ren"}), (Words{"renewals"}));
  EXPECT_EQ(complete({"completion", ""}), (Words{"bash", "fish", "zsh"}));

  EXPECT_EQ(complete({"provider", "list", "--cou"}), (Words{"--country"}));
  const auto flags = complete({"report", "renewals", "--"});
  for (const auto* flag : {"--within", "--on", "--format", "--db", "--help"}) {
    EXPECT_TRUE(contains(flags, flag)) << flag;
  }
  EXPECT_EQ(complete({"provider", "list", "--format", ""}), (Words{"csv", "json", "jsonl", "table"}));
  EXPECT_EQ(complete({"--format", "j"}), (Words{"json", "jsonl"}));
  EXPECT_EQ(complete({"import", "--on-conflict", ""}), (Words{"error", "skip", "update"}));
  EXPECT_EQ(complete({"engagement", "list", "--model", ""}), (Words{"nearshore", "offshore", "onshore"}));
  EXPECT_EQ(complete({"provider", "list", "--type", ""}), (Words{"BPO", "KPO"}));
  EXPECT_EQ(complete({"export", "eng"}), (Words{"engagements"}));
  // import's first word is a verb or a kind.
  EXPECT_EQ(complete({"import", "s"}), (Words{"services", "spend"}));
  EXPECT_EQ(complete({"import", "u"}), (Words{"undo"}));
  // A flag's value is skipped on the way to the command.
  EXPECT_EQ(complete({"--format", "json", "provider", "sh"}), (Words{"show"}));
  const auto topics = complete({"help", ""});
  for (const auto* topic : {"bpo-kpo", "delivery-models", "money", "import", "renewals", "backends"}) {
    EXPECT_TRUE(contains(topics, topic)) << topic;
  }
}

TEST(CompletionScriptE2E, CompletesFilesWhereAFileIsWanted)
{
  TempDir dir;
  write_file(dir / "invoices.csv", "");
  const auto files = complete({"import", "spend", fmt::format("{}/inv", dir.path().string())});
  EXPECT_EQ(files, (Words{fmt::format("{}/invoices.csv", dir.path().string())}));
}

TEST_F(CompletionE2E, CompletesNamesFromTheCatalogue)
{
  const auto db = fmt::format("export VENDORCAT_DB={}", quoted(cli.target()));
  EXPECT_EQ(complete({"engagement", "show", ""}, db), (Words{"ENG-1", "ENG-2", "OTHER-9"}));
  EXPECT_EQ(complete({"engagement", "show", "ENG"}, db), (Words{"ENG-1", "ENG-2"}));
  EXPECT_EQ(complete({"spend", "list", "--engagement", "OT"}, db), (Words{"OTHER-9"}));
  // A name with a space comes quoted for the shell.
  EXPECT_EQ(complete({"provider", "show", "Ac"}, db), (Words{"Acme\\ Oy"}));
  EXPECT_EQ(complete({"engagement", "list", "--provider", "Bal"}, db), (Words{"Baltic\\ Research"}));
  EXPECT_EQ(complete({"provider", "list", "--service", "payr"}, db), (Words{"payroll"}));
  // --db on the line names the catalogue, as it does for the command.
  EXPECT_EQ(complete({"--db", cli.target(), "engagement", "update", "ENG-2"}), (Words{"ENG-2"}));
  // The record an add creates is new: nothing to offer.
  EXPECT_EQ(complete({"engagement", "add", "ENG"}, db), (Words{}));
}

TEST_F(CompletionE2E, NamesPrintsOneALineAndNothingOnFailure)
{
  EXPECT_EQ(lines_of(cli.ok({"completion", "names", "engagements"})), (Words{"ENG-1", "ENG-2", "OTHER-9"}));
  auto providers = lines_of(cli.ok({"completion", "names", "providers"}));
  std::sort(providers.begin(), providers.end());
  EXPECT_EQ(providers, (Words{"Acme Oy", "Baltic Research"}));
  EXPECT_TRUE(contains(lines_of(cli.ok({"completion", "names", "services"})), "payroll"));

  const auto missing = dir / "missing.db";
  const auto output =
    run_program(VENDORCAT_BIN, {"--db", missing.string(), "completion", "names", "providers"});
  EXPECT_EQ(output.status, 0);
  EXPECT_EQ(output.out, "");
  EXPECT_EQ(output.err, "");
  EXPECT_FALSE(std::filesystem::exists(missing)); // a completion creates no catalogue
  write_file(dir / "junk.db", "not a database");
  const auto junk =
    run_program(VENDORCAT_BIN, {"--db", (dir / "junk.db").string(), "completion", "names", "services"});
  EXPECT_EQ(junk.out, "");
  EXPECT_EQ(junk.err, "");
}

TEST(CompletionScriptE2E, ZshAndFishScriptsCoverTheSameTree)
{
  const auto zsh = run_program(VENDORCAT_BIN, {"completion", "zsh"});
  ASSERT_EQ(zsh.status, 0) << zsh.err;
  EXPECT_EQ(zsh.out.rfind("#compdef vendorcat\n", 0), 0u);
  const auto fish = run_program(VENDORCAT_BIN, {"completion", "fish"});
  ASSERT_EQ(fish.status, 0) << fish.err;
  EXPECT_NE(fish.out.find("complete -c vendorcat"), std::string::npos);
  for (const auto* part : {"'provider list|--format'", "'table csv json jsonl'", "'engagement show|#0'",
                           "'@engagements'", "completion names"}) {
    EXPECT_NE(zsh.out.find(part), std::string::npos) << part;
    EXPECT_NE(fish.out.find(part), std::string::npos) << part;
  }
  const auto unknown = run_program(VENDORCAT_BIN, {"completion", "tcsh"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("did you mean"), std::string::npos) << unknown.err;
}

TEST(CompletionScriptE2E, CmakeInstallPutsEachScriptWhereItsShellLooks)
{
  TempDir prefix;
  const auto installed = run_program(VENDORCAT_CMAKE_COMMAND,
                                     {"--install", VENDORCAT_BUILD_DIR, "--prefix", prefix.path().string()});
  ASSERT_EQ(installed.status, 0) << installed.err << installed.out;
  const auto bash = prefix / "share/bash-completion/completions/vendorcat";
  for (const auto& script : {bash, prefix / "share/zsh/site-functions/_vendorcat",
                             prefix / "share/fish/vendor_completions.d/vendorcat.fish"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(script)) << script;
  }
  EXPECT_EQ(read_file(bash), run_program(VENDORCAT_BIN, {"completion", "bash"}).out);
  EXPECT_EQ(complete({"prov"}, "", bash.string()), (Words{"provider"}));
}
