// The dispatcher: builds the CLI11 app from the nouns, parses, opens the
// catalogue the chosen command needs, runs it, and maps every error to one
// line on stderr and an exit status. The only top-level try/catch.

#include "cli/run.hpp"

#include "cli/nouns.hpp"
#include "domain/errors.hpp"
#include "io/import.hpp"

#include <fmt/format.h>

#include <cctype>
#include <iostream>

namespace vendorcat::cli {

namespace {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;
constexpr int exit_bad_input = 2;

int report_error(std::string message, int status)
{
  // Keep the message on one line.
  for (auto& c : message) {
    if (c == '\n') {
      c = ' ';
    }
  }
  std::cerr << "vendorcat: error: " << message << '\n';
  return status;
}

void add_global_options(CLI::App& app, GlobalOptions& options)
{
  app.add_option("--db", options.db, "Catalogue file (default: $VENDORCAT_DB, else "
                                     "$XDG_DATA_HOME/vendorcat/catalogue.db)");
  app.add_option("--format", options.format, "Output format: table, csv, json or jsonl")
    ->check(CLI::IsMember({"table", "csv", "json", "jsonl"}));
  app.add_flag("-q,--quiet", options.quiet, "No messages on stderr except errors");
}

} // namespace

int run(int argc, char** argv)
{
  CLI::App app("vendorcat: a catalogue of outsourcing vendors, engagements and spend.\n"
               "Example: vendorcat provider list --service market-research --format json",
               "vendorcat");
  app.set_version_flag("--version", std::string("vendorcat ") + VENDORCAT_VERSION);
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
  setup_bulk(app, slot);
  setup_report(app, slot);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    if (error.get_exit_code() == 0) {
      return app.exit(error);
    }
    // CLI11 capitalises its messages; ours are lower case.
    std::string message = error.what();
    if (message.size() > 1 && !std::isupper(static_cast<unsigned char>(message[1]))) {
      message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    }
    return report_error(message + " (see 'vendorcat --help')", exit_bad_input);
  }

  try {
    Session session(options, std::cout, std::cerr);
    session.format(); // validate before touching the catalogue
    session.open(slot->needs);
    slot->run(session);
    std::cout.flush();
    return exit_ok;
  } catch (const io::ImportFailed& failed) {
    for (const auto& message : failed.errors()) {
      report_error(message, exit_bad_input);
    }
    if (failed.total() > failed.errors().size()) {
      report_error(fmt::format("... and {} more errors", failed.total() - failed.errors().size()),
                   exit_bad_input);
    }
    return report_error(fmt::format("nothing imported: {} error{}", failed.total(),
                                    failed.total() == 1 ? "" : "s"),
                        exit_bad_input);
  } catch (const InputError& error) {
    return report_error(error.what(), exit_bad_input);
  } catch (const std::exception& error) {
    return report_error(error.what(), exit_failure);
  }
}

} // namespace vendorcat::cli
