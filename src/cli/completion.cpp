// `vendorcat completion SHELL` prints the shell's completion script, written
// from the command tree at the time it runs (so it knows every command the
// binary has); `vendorcat completion names KIND` prints the catalogue's
// provider names, engagement refs or service codes, one a line, for the
// scripts. A completion must never write or complain: names opens only a
// catalogue that exists and is migrated, and prints nothing on any failure.

#include "cli/completion.hpp"

#include "cli/command_tree.hpp"
#include "cli/completion_scripts.hpp"
#include "store/catalogue_path.hpp"
#include "store/engagements.hpp"
#include "store/migrations.hpp"
#include "store/providers.hpp"
#include "store/services.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>

namespace vendorcat::cli {

namespace {

struct ScriptOptions
{
  const CLI::App* root = nullptr;
  std::string shell;
};

struct NamesOptions
{
  std::string kind;
};

void run_script(Session& session, const ScriptOptions& options)
{
  session.out() << completion_script(options.shell, command_specs(*options.root));
}

// A name that one line holds and a shell can take as a word.
bool is_plain(const std::string& name)
{
  return !name.empty() &&
         std::none_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

std::vector<std::string> names_of(store::Catalogue& catalogue, const std::string& kind)
{
  std::vector<std::string> names;
  if (kind == "providers") {
    names = store::provider_names(catalogue);
  } else if (kind == "engagements") {
    store::each_engagement(catalogue, {},
                           [&](const store::Engagement& engagement) { names.push_back(engagement.ref); });
  } else {
    for (const auto& service : store::list_services(catalogue)) {
      names.push_back(service.code);
    }
  }
  return names;
}

void run_names(Session& session, const NamesOptions& options)
{
  std::vector<std::string> names;
  try {
    const auto path =
      store::resolve_catalogue_path(session.options().db, [](const char* name) { return std::getenv(name); });
    if (!store::is_server_uri(path.string()) && !std::filesystem::is_regular_file(path)) {
      return; // no catalogue yet: a completion does not create one
    }
    auto catalogue = store::Catalogue::open(path, store::Access::read);
    const auto status = store::migration_status(catalogue);
    if (!std::all_of(status.begin(), status.end(), [](const auto& state) { return state.applied; })) {
      return; // a catalogue to migrate is left alone (a newer one throws)
    }
    names = names_of(catalogue, options.kind);
  } catch (const std::exception&) {
    return; // the one place that swallows errors: a completion prints nothing on failure
  }
  for (const auto& name : names) {
    if (is_plain(name)) {
      session.out() << name << '\n';
    }
  }
}

} // namespace

void setup_completion(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("completion", "Print a shell's completion script (nouns, verbs, flags, "
                                                "choices and the catalogue's names).\n"
                                                "Example: source <(vendorcat completion bash)");
  noun->require_subcommand(1);
  for (const auto shell : completion_shells) {
    auto options = std::make_shared<ScriptOptions>();
    options->root = &app;
    options->shell = std::string(shell);
    add_verb<ScriptOptions>(
      *noun, slot, options->shell,
      fmt::format("Print the {} completion script.\nExample: vendorcat completion {} > {}", shell, shell,
                  shell == "bash"  ? "~/.local/share/bash-completion/completions/vendorcat"
                  : shell == "zsh" ? "~/.zfunc/_vendorcat"
                                   : "~/.config/fish/completions/vendorcat.fish"),
      Needs::nothing, run_script, options);
  }
  auto names = std::make_shared<NamesOptions>();
  add_verb<NamesOptions>(*noun, slot, "names",
                         "The catalogue's provider names, engagement refs or service codes, one a line, "
                         "for the completion scripts; nothing on any failure.",
                         Needs::nothing, run_names, names)
    ->group("")
    ->add_option("KIND", names->kind, "providers, engagements or services")
    ->required()
    ->check(CLI::IsMember({"providers", "engagements", "services"}));
}

} // namespace vendorcat::cli
