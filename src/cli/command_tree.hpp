#pragma once

// The CLI11 command tree read back as data: the names of a command, its
// verbs, its options and what their values are. The parser's messages, `help`
// and the completion scripts all read the tree through these, so that no
// second list of commands exists.

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace vendorcat::cli {

// The words that run APP: "vendorcat", "vendorcat report renewals".
std::string command_name(const CLI::App& app);

// APP's subcommands that --help shows, in the order they were added (a
// hidden one, in the group "", is left out).
std::vector<const CLI::App*> visible_subcommands(const CLI::App& app);

// The names of visible_subcommands(APP).
std::vector<std::string> subcommand_names(const CLI::App& app);

// "a, b or c".
std::string joined_choices(const std::vector<std::string>& words);

// The values an option offers: those of its IsMember check or of choices()
// ("{a,b,c}" in its type name); empty for free text.
std::vector<std::string> option_choices(const CLI::Option& option);

// A check that accepts every value and names what VALUES returns (when asked:
// after the tree is built) as the option's choices in --help and in
// completion, for values that the layers below validate themselves, with
// their own messages.
CLI::Validator choices(std::function<std::vector<std::string>()> values);

// choices() of the delivery models (onshore, nearshore, offshore) and of
// the types (BPO, KPO), from the domain.
CLI::Validator delivery_model_choices();
CLI::Validator outsourcing_type_choices();

// True when OPTION takes a value (`--country FI`), false for a flag.
bool takes_value(const CLI::Option& option);

// What an option's or a positional's value completes to.
enum class ValueKind
{
  text,        // nothing to offer but its choices, if any
  file,        // a file name
  providers,   // a provider's name in the catalogue
  engagements, // an engagement's ref
  services,    // a service's code
};

// The live names or files OPTION of COMMAND takes, from the option's name
// (`--provider`, `PROVIDER`, `FILE`, ...); a positional naming the record an
// `add` verb creates (`engagement add REF`) is new text.
ValueKind value_kind(const CLI::App& command, const CLI::Option& option);

// "providers", "engagements" or "services" for a kind of live names; ""
// otherwise.
std::string to_string(ValueKind kind);

// One option as completion offers it.
struct OptionSpec
{
  std::vector<std::string> names; // "--format", "-o"
  bool takes_value = false;
  ValueKind kind = ValueKind::text;
  std::vector<std::string> choices;
  std::string description; // its first line
};

// One positional as completion offers it; count is -1 for any number.
struct PositionalSpec
{
  std::string name;
  int count = 1;
  ValueKind kind = ValueKind::text;
  std::vector<std::string> choices;
};

// One command of the tree, flattened: the path below the root ("" for the
// root, "report renewals"), its visible verbs, every option that applies to
// it (its own, then those of the commands above it, which CLI11 lets through)
// and its positionals.
struct CommandSpec
{
  std::string path;
  std::string description; // its first line
  std::vector<std::string> verbs;
  std::vector<std::string> verb_descriptions; // one per verb
  std::vector<OptionSpec> options;
  std::vector<PositionalSpec> positionals;
};

// Every visible command below and including ROOT, depth first.
std::vector<CommandSpec> command_specs(const CLI::App& root);

} // namespace vendorcat::cli
