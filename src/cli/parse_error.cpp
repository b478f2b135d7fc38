// Turns CLI11's refusals into the house's messages. CLI11 says "A subcommand
// is required" for a mistyped noun and "The following argument was not
// expected" for a mistyped flag; to name the word and suggest the closest one,
// the command line is walked again over the command tree, as CLI11 reads it
// (verbs, options with their values, positionals), up to the first word that
// fits nowhere. What the walk does not explain is CLI11's message, rewritten.

#include "cli/parse_error.hpp"

#include "cli/command_tree.hpp"
#include "domain/suggest.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cstdlib>
#include <limits>
#include <optional>
#include <regex>

namespace vendorcat::cli {

namespace {

// " (see 'vendorcat provider list --help')".
std::string hint(const CLI::App& command)
{
  return fmt::format(" (see '{} --help')", command_name(command));
}

// COMMAND's path below the root: "provider list" ("" for the root).
std::string path_of(const CLI::App& command)
{
  std::string path;
  for (const auto* app = &command; app->get_parent() != nullptr; app = app->get_parent()) {
    path = path.empty() ? app->get_name() : fmt::format("{} {}", app->get_name(), path);
  }
  return path;
}

// The option NAME (`--country`, `-o`) of COMMAND or of a command above it.
const CLI::Option* find_option(const CLI::App& command, const std::string& name)
{
  for (const auto* scope = &command; scope != nullptr; scope = scope->get_parent()) {
    if (const auto* option = scope->get_option_no_throw(name); option != nullptr && option->nonpositional()) {
      return option;
    }
  }
  return nullptr;
}

// The positional NAME of COMMAND.
const CLI::Option* find_positional(const CLI::App& command, const std::string& name)
{
  for (const auto* option : command.get_options()) {
    if (!option->nonpositional() && option->get_name() == name) {
      return option;
    }
  }
  return nullptr;
}

const CLI::App* find_subcommand(const CLI::App& command, const std::string& word)
{
  for (const auto* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->check_name(word)) {
      return sub;
    }
  }
  return nullptr;
}

// How many words COMMAND's positionals take in all.
std::size_t positional_capacity(const CLI::App& command)
{
  std::size_t capacity = 0;
  for (const auto* option : command.get_options()) {
    if (!option->nonpositional() && option->get_positional()) {
      capacity += static_cast<std::size_t>(option->get_items_expected_max());
    }
  }
  return capacity;
}

// A word CLI11 reads as an option: a dash and a letter (`-80.00` is a value).
bool looks_like_option(const std::string& word)
{
  return word.size() > 1 && word[0] == '-' && word[1] != '.' &&
         std::isdigit(static_cast<unsigned char>(word[1])) == 0;
}

std::string unknown_flag(const CLI::App& command, const std::string& name)
{
  std::vector<std::string> names;
  for (const auto* scope = &command; scope != nullptr; scope = scope->get_parent()) {
    for (const auto* option : scope->get_options()) {
      for (const auto& long_name : option->get_lnames()) {
        names.push_back(long_name);
      }
    }
  }
  std::string bare = name;
  bare.erase(0, bare.find_first_not_of('-'));
  const auto match = domain::closest_match(bare, names);
  return fmt::format("unknown flag '{}'{}{}", name,
                     match ? fmt::format(" (did you mean '--{}'?)", *match) : "", hint(command));
}

std::string unknown_command(const CLI::App& command, const std::string& word)
{
  const auto prefix = command.get_parent() == nullptr ? std::string() : path_of(command) + " ";
  if (const auto match = domain::closest_match(word, subcommand_names(command))) {
    return fmt::format("unknown command '{}{}' (did you mean '{}{}'?)", prefix, word, prefix, *match);
  }
  return fmt::format("unknown command '{}{}': choose {}{}", prefix, word,
                     joined_choices(subcommand_names(command)), hint(command));
}

std::string missing_command(const CLI::App& command)
{
  const auto after =
    command.get_parent() == nullptr ? std::string() : fmt::format(" after '{}'", command_name(command));
  return fmt::format("missing command{}: choose {}{}", after, joined_choices(subcommand_names(command)),
                     hint(command));
}

struct Walk
{
  const CLI::App* command = nullptr;  // the deepest command the words reach
  std::optional<std::string> problem; // what the walk found wrong
};

Walk walk(const CLI::App& root, const std::vector<std::string>& args)
{
  const CLI::App* command = &root;
  std::size_t filled = 0; // words taken by COMMAND's positionals
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& word = args[i];
    if (word == "--") {
      return {command, std::nullopt};
    }
    if (looks_like_option(word)) {
      const bool is_long = word.starts_with("--");
      const auto name = is_long ? word.substr(0, word.find('=')) : word.substr(0, 2);
      const auto* option = find_option(*command, name);
      if (option == nullptr) {
        return {command, unknown_flag(*command, name)};
      }
      const bool attached = is_long ? word.find('=') != std::string::npos : word.size() > 2;
      if (takes_value(*option) && !attached) {
        ++i;
      }
      continue;
    }
    if (const auto* verb = find_subcommand(*command, word)) {
      command = verb;
      filled = 0;
      continue;
    }
    if (filled < positional_capacity(*command)) {
      ++filled;
      continue;
    }
    if (filled == 0 && !visible_subcommands(*command).empty()) {
      return {command, unknown_command(*command, word)};
    }
    return {command,
            fmt::format("unexpected argument '{}' for '{}'{}", word, command_name(*command), hint(*command))};
  }
  if (command->get_require_subcommand_min() > 0) {
    return {command, missing_command(*command)};
  }
  return {command, std::nullopt};
}

// What OPTION takes, by its type name: "a whole number of days" for DAYS
// (`--within DAYS`), "a whole number" for INT or N, and so on.
std::string expected_value(const CLI::Option* option)
{
  const auto type = option == nullptr ? std::string() : option->get_type_name();
  const auto base = type.substr(0, type.find(':'));
  if (base == "DAYS") {
    return "a whole number of days";
  }
  if (base == "INT" || base == "N" || base == "ID") {
    return "a whole number";
  }
  if (base == "UINT") {
    return "a whole number, 0 or more";
  }
  if (base == "FLOAT" || base == "NUMBER") {
    return "a number";
  }
  return "a valid value";
}

// The option or positional NAME of COMMAND.
const CLI::Option* named(const CLI::App& command, const std::string& name)
{
  const auto* option = find_option(command, name);
  return option != nullptr ? option : find_positional(command, name);
}

// CLI11's message, capitalised and sometimes ending in a full stop, in the
// house's lower case.
std::string lowered(std::string message)
{
  if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[1])) == 0) {
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  }
  while (!message.empty() && (message.back() == '.' || message.back() == '\n')) {
    message.pop_back();
  }
  return message;
}

std::string rewritten(const CLI::App& command, const CLI::ParseError& error)
{
  const std::string message = error.what();
  std::smatch match;
  if (dynamic_cast<const CLI::ConversionError*>(&error) != nullptr &&
      std::regex_match(message, match, std::regex(R"(Could not convert: (\S+) = (.*))"))) {
    const std::string name = match[1];
    return fmt::format("{}: '{}' is not {}", name, match[2].str(), expected_value(named(command, name)));
  }
  if (dynamic_cast<const CLI::ValidationError*>(&error) != nullptr) {
    if (std::regex_match(message, match, std::regex(R"((\S+): (.*) not in \{(.*)\})"))) {
      std::vector<std::string> values;
      const std::string list = match[3];
      for (std::size_t start = 0; start <= list.size();) {
        const auto comma = std::min(list.find(',', start), list.size());
        values.push_back(list.substr(start, comma - start));
        start = comma + 1;
      }
      return fmt::format("{}: '{}' is not one of {}{}", match[1].str(), match[2].str(),
                         joined_choices(values), domain::did_you_mean(match[2].str(), values));
    }
    if (std::regex_match(message, match, std::regex(R"((\S+): Value (.*) not in range (\S+) to (\S+))"))) {
      // CLI11 prints the bounds with std::to_string ("0.000000 to 17976...").
      const double low = std::strtod(match[3].str().c_str(), nullptr);
      const double high = std::strtod(match[4].str().c_str(), nullptr);
      const auto* option = named(command, match[1].str());
      const auto expected = option == nullptr ? std::string("a number") : expected_value(option);
      // CLI11 checks the range before it converts: "abc" is out of range too.
      const auto value = match[2].str();
      char* end = nullptr;
      std::strtod(value.c_str(), &end);
      if (value.empty() || end != value.c_str() + value.size()) {
        return fmt::format("{}: '{}' is not {}", match[1].str(), value, expected);
      }
      if (high >= std::numeric_limits<int>::max()) { // no bound that anyone means
        return fmt::format("{}: '{}' must be {}, {} or more", match[1].str(), match[2].str(), expected, low);
      }
      return fmt::format("{}: '{}' must be {} from {} to {}", match[1].str(), match[2].str(), expected, low,
                         high);
    }
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr &&
      std::regex_match(message, match, std::regex(R"((\S+): \d+ required \S+ missing)"))) {
    return fmt::format("{} needs a value", match[1].str());
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr &&
      std::regex_match(message, match, std::regex(R"((\S+) is required)"))) {
    return fmt::format("missing {}", match[1].str());
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr &&
      std::regex_match(message, match,
                       std::regex(R"(The following arguments? (?:was|were) not expected: (.*))"))) {
    return fmt::format("unexpected argument '{}'", match[1].str());
  }
  return lowered(message);
}

} // namespace

std::string parse_error_message(const CLI::App& root, const CLI::ParseError& error,
                                const std::vector<std::string>& args)
{
  const auto found = walk(root, args);
  if (found.problem) {
    return *found.problem;
  }
  return rewritten(*found.command, error) + hint(*found.command);
}

} // namespace vendorcat::cli
