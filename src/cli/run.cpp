// The dispatcher: builds the CLI11 app from the nouns, parses, opens the
// catalogue the chosen command needs, runs it, and maps every error to one
// line on stderr and an exit status. The only top-level try/catch.

#include "cli/run.hpp"

#include "cli/completion.hpp"
#include "cli/message.hpp"
#include "cli/nouns.hpp"
#include "cli/parse_error.hpp"
#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "domain/utf8.hpp"
#include "io/import.hpp"
#include "store/migrations.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

namespace vendorcat::cli {

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_bad_input = 2;

int report_error(std::string_view message, int status)
{
  std::cerr << "vendorcat: error: " << printable_message(message) << '\n';
  return status;
}

// Every argument must be UTF-8: text goes into the catalogue as given.
void check_arguments(int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    if (const auto problem = domain::text_problem(argv[i])) {
      throw UsageError(fmt::format("argument {} is {}: '{}'", i, *problem, argv[i]));
    }
    if (std::string_view(argv[i]) == "--db=") { // CLI11 would take the next word as the path
      throw UsageError("--db is empty: give the catalogue's file (or leave --db out for the default one)");
    }
  }
}

// Library exceptions name themselves ("[json.exception.type_error.316] ...");
// the user needs only what follows.
std::string_view without_library_prefix(std::string_view message)
{
  if (message.starts_with("[json.exception.")) {
    const auto end = message.find("] ");
    if (end != std::string_view::npos) {
      message.remove_prefix(end + 2);
    }
  }
  return message;
}

void add_global_options(CLI::App& app, GlobalOptions& options)
{
  app.add_option_function<std::string>(
    "--db", [&options](const std::string& value) { options.db = value; },
    "Catalogue file, or postgresql://USER@HOST[:PORT]/DBNAME for a catalogue on a server\n"
    "(default: $VENDORCAT_DB, else $XDG_DATA_HOME/vendorcat/catalogue.db)");
  app
    .add_option_function<std::string>(
      "--format", [&options](const std::string& value) { options.format = value; },
      "Output format: table, csv, json or jsonl (default: table, or what -o FILE's extension names)")
    ->check(CLI::IsMember({"table", "csv", "json", "jsonl"}));
  app.add_option_function<std::string>(
    "-o,--output", [&options](const std::string& value) { options.output = value; },
    "Write a listing or report to FILE instead of stdout, in the format its extension names\n"
    "(.csv, .json, .jsonl, .html, .xlsx, .txt); an existing FILE is replaced only with --force");
  app.add_flag("--force", options.force, "Let -o replace an existing file");
  app.add_flag("-q,--quiet", options.quiet, "No messages on stderr except errors");
  app.add_flag("--wide", options.wide,
               "Tables in full on a terminal too, not cut or narrowed to fit its width");
}

// `vendorcat 0.1.0 (catalogue schema 10)`: the newest migration this binary
// knows, read from the migrations compiled in, not from a catalogue.
std::string version_line()
{
  const auto& migrations = store::builtin_migrations();
  return fmt::format("vendorcat {} (catalogue schema {})", VENDORCAT_VERSION,
                     migrations.empty() ? 0 : migrations.back().version);
}

// "report spend": the nouns and verbs chosen on the command line.
std::string command_name(const CLI::App& app)
{
  std::string name;
  for (const auto* current = &app; !current->get_subcommands().empty();) {
    current = current->get_subcommands().front();
    name += (name.empty() ? "" : " ") + current->get_name();
  }
  return name;
}

// Adds to every command's --help the global options, which CLI11 shows only
// in the top-level help although they work on every command.
void add_global_footer(CLI::App& app)
{
  for (auto* sub : app.get_subcommands({})) {
    if (!sub->get_subcommands({}).empty()) {
      add_global_footer(*sub);
      continue;
    }
    const auto existing = sub->get_footer();
    sub->footer(
      (existing.empty() ? "" : existing + "\n\n") +
      "Global options, before or after the command: --db PATH, --format table|csv|json|jsonl,\n"
      "-o FILE (a listing or report into .csv, .json, .jsonl, .txt, .html or .xlsx; --force\n"
      "replaces a file), --wide (tables in full on a terminal), -q/--quiet: see 'vendorcat --help'.");
  }
}

} // namespace

int run(int argc, char** argv)
{
  // A file size limit (ulimit -f) must fail a write with an error we can
  // report, not kill the process half-way.
  std::signal(SIGXFSZ, SIG_IGN);
  CLI::App app("vendorcat: a catalogue of outsourcing vendors, engagements and spend.\n"
               "Example: vendorcat provider list --service market-research --format json",
               "vendorcat");
  app.set_version_flag("-V,--version", version_line, "Print vendorcat's version and its catalogue schema");
  app.fallthrough();
  app.require_subcommand(1);
  GlobalOptions options;
  add_global_options(app, options);
  CommandSlot slot;
  setup_db(app, slot);
  setup_config(app, slot);
  setup_service(app, slot);
  setup_provider(app, slot);
  setup_location(app, slot);
  setup_offering(app, slot);
  setup_engagement(app, slot);
  setup_spend(app, slot);
  setup_fx(app, slot);
  setup_volume(app, slot);
  setup_bulk(app, slot);
  setup_report(app, slot);
  setup_audit(app, slot);
  setup_help(app, slot);
  setup_completion(app, slot);
  add_global_footer(app);

  try {
    check_arguments(argc, argv);
    app.parse(argc, argv);
  } catch (const UsageError& error) {
    return report_error(error.what(), exit_bad_input);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error);
    }
    return report_error(parse_error_message(app, error, std::vector<std::string>(argv + 1, argv + argc)),
                        exit_bad_input);
  }

  try {
    Session session(options, std::cout, std::cerr);
    if (options.format) {
      table::parse_format(*options.format); // validate before touching the catalogue
    }
    session.set_command(command_name(app));
    session.open(slot->needs, slot->prints);
    session.run(slot->run);
    session.finish();
    if (!std::cout.flush()) {
      throw IoError(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
    }
    return exit_ok;
  } catch (const io::ImportFailed& failed) {
    for (const auto& message : failed.errors()) {
      report_error(message, exit_bad_input);
    }
    if (failed.total() > failed.errors().size()) {
      report_error(
        fmt::format("... and {}", domain::counted(failed.total() - failed.errors().size(), "more error")),
        exit_bad_input);
    }
    return report_error(fmt::format("nothing imported: {}", domain::counted(failed.total(), "error")),
                        exit_bad_input);
  } catch (const InputError& error) {
    return report_error(error.what(), exit_bad_input);
  } catch (const std::exception& error) {
    return report_error(without_library_prefix(error.what()), exit_failure);
  }
}

} // namespace vendorcat::cli
