// Reads the CLI11 command tree back as data. What a value completes to is
// told by the name the command gives it (`--provider`, `REF`, `FILE`), one
// table for every command, so a new command that names its values as the
// others do completes without more code.

#include "cli/command_tree.hpp"

#include "domain/classification.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

namespace vendorcat::cli {

namespace {

struct NamedKind
{
  std::string_view name; // a positional's name or an option's long name
  ValueKind kind;
};

constexpr std::array<NamedKind, 14> named_kinds{{
  {"PROVIDER", ValueKind::providers},
  {"--provider", ValueKind::providers},
  {"ENGAGEMENT", ValueKind::engagements},
  {"REF", ValueKind::engagements},
  {"--engagement", ValueKind::engagements},
  {"SERVICE", ValueKind::services},
  {"CODE", ValueKind::services},
  {"--service", ValueKind::services},
  {"--parent", ValueKind::services},
  {"FILE", ValueKind::file},
  {"SOURCE", ValueKind::file},
  {"DEST", ValueKind::file},
  {"--db", ValueKind::file},
  {"--output", ValueKind::file},
}};

std::string first_line(const std::string& text)
{
  return text.substr(0, text.find('\n'));
}

OptionSpec option_spec(const CLI::App& command, const CLI::Option& option)
{
  OptionSpec spec;
  for (const auto& name : option.get_lnames()) {
    spec.names.push_back("--" + name);
  }
  for (const auto& name : option.get_snames()) {
    spec.names.push_back("-" + name);
  }
  spec.takes_value = takes_value(option);
  spec.kind = value_kind(command, option);
  spec.choices = option_choices(option);
  spec.description = first_line(option.get_description());
  return spec;
}

void add_specs(const CLI::App& app, const std::string& path, std::vector<CommandSpec>& specs)
{
  CommandSpec spec;
  spec.path = path;
  spec.description = first_line(app.get_description());
  for (const auto* verb : visible_subcommands(app)) {
    spec.verbs.push_back(verb->get_name());
    spec.verb_descriptions.push_back(first_line(verb->get_description()));
  }
  for (const auto* scope = &app; scope != nullptr; scope = scope->get_parent()) {
    for (const auto* option : scope->get_options()) {
      if (!option->nonpositional()) {
        continue;
      }
      auto option_names = option_spec(app, *option).names;
      const bool known = std::any_of(spec.options.begin(), spec.options.end(),
                                     [&](const OptionSpec& seen) { return seen.names == option_names; });
      if (!known) {
        spec.options.push_back(option_spec(app, *option));
      }
    }
  }
  for (const auto* option : app.get_options()) {
    if (option->nonpositional() || !option->get_positional()) {
      continue;
    }
    const int count = option->get_items_expected_max() >= CLI::detail::expected_max_vector_size
                        ? -1
                        : option->get_items_expected_max();
    spec.positionals.push_back(
      {option->get_name(), count, value_kind(app, *option), option_choices(*option)});
  }
  specs.push_back(spec);
  for (const auto* verb : visible_subcommands(app)) {
    add_specs(*verb, path.empty() ? verb->get_name() : fmt::format("{} {}", path, verb->get_name()), specs);
  }
}

} // namespace

std::string command_name(const CLI::App& app)
{
  std::string name = app.get_name();
  for (const auto* parent = app.get_parent(); parent != nullptr; parent = parent->get_parent()) {
    name = fmt::format("{} {}", parent->get_name(), name);
  }
  return name;
}

std::vector<const CLI::App*> visible_subcommands(const CLI::App& app)
{
  return app.get_subcommands(
    [](const CLI::App* sub) { return !sub->get_name().empty() && !sub->get_group().empty(); });
}

std::vector<std::string> subcommand_names(const CLI::App& app)
{
  std::vector<std::string> names;
  for (const auto* sub : visible_subcommands(app)) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::string joined_choices(const std::vector<std::string>& words)
{
  std::string text;
  for (std::size_t i = 0; i < words.size(); ++i) {
    text += i == 0 ? "" : i + 1 == words.size() ? " or " : ", ";
    text += words[i];
  }
  return text;
}

std::vector<std::string> option_choices(const CLI::Option& option)
{
  const auto type = option.get_type_name();
  const auto open = type.find(":{");
  const auto close = type.find('}', open);
  if (open == std::string::npos || close == std::string::npos) {
    return {};
  }
  std::vector<std::string> values;
  std::string_view list(type.data() + open + 2, close - open - 2);
  while (!list.empty()) {
    const auto comma = list.find(',');
    values.emplace_back(list.substr(0, comma));
    list.remove_prefix(comma == std::string_view::npos ? list.size() : comma + 1);
  }
  return values;
}

CLI::Validator choices(std::function<std::vector<std::string>()> values)
{
  // CLI11 keeps a check's description behind a protected function.
  struct Choices : CLI::Validator
  {
    explicit Choices(std::function<std::vector<std::string>()> values)
    {
      desc_function_ = [values = std::move(values)] {
        std::string description = "{";
        for (const auto& value : values()) {
          description += fmt::format("{}{}", description.size() > 1 ? "," : "", value);
        }
        return description + "}";
      };
    }
  };
  return Choices(std::move(values));
}

CLI::Validator delivery_model_choices()
{
  return choices([] {
    std::vector<std::string> names;
    for (const auto model : domain::all_delivery_models) {
      names.push_back(domain::to_string(model));
    }
    return names;
  });
}

CLI::Validator outsourcing_type_choices()
{
  return choices([] {
    std::vector<std::string> names;
    for (const auto type : domain::all_outsourcing_types) {
      names.push_back(domain::to_string(type));
    }
    return names;
  });
}

bool takes_value(const CLI::Option& option)
{
  return option.get_items_expected_max() > 0;
}

ValueKind value_kind(const CLI::App& command, const CLI::Option& option)
{
  std::vector<std::string> names;
  if (option.nonpositional()) {
    for (const auto& name : option.get_lnames()) {
      names.push_back("--" + name);
    }
  } else {
    if (command.get_name() == "add" && (option.get_name() == "REF" || option.get_name() == "CODE")) {
      return ValueKind::text; // the record being added is new
    }
    names.push_back(option.get_name());
  }
  for (const auto& name : names) {
    for (const auto& named : named_kinds) {
      if (named.name == name) {
        return named.kind;
      }
    }
  }
  return ValueKind::text;
}

std::string to_string(ValueKind kind)
{
  switch (kind) {
  case ValueKind::providers:
    return "providers";
  case ValueKind::engagements:
    return "engagements";
  case ValueKind::services:
    return "services";
  case ValueKind::text:
  case ValueKind::file:
    break;
  }
  return "";
}

std::vector<CommandSpec> command_specs(const CLI::App& root)
{
  std::vector<CommandSpec> specs;
  add_specs(root, "", specs);
  return specs;
}

} // namespace vendorcat::cli
