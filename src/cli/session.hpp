#pragma once

// What every command gets: the global options, the catalogue (opened and
// migrated by the dispatcher as the command declared), and the streams.

#include "report/record.hpp"
#include "report/render.hpp"
#include "report/row_stream.hpp"
#include "store/catalogue.hpp"
#include "table/format.hpp"
#include "table/table.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <type_traits>

namespace vendorcat::cli {

struct GlobalOptions
{
  std::optional<std::string> db; // --db, when given
  std::string format = "table";
  bool quiet = false;
  bool wide = false; // --wide: tables in full on a terminal too
};

class Session;

// What a command needs before it runs.
enum class Needs
{
  nothing,      // no catalogue
  writing,      // the catalogue to write: created when missing, migrated
  reading,      // the catalogue to read: as writing where it can be written,
                // else opened read-only (it must then be migrated already)
  initialising, // db init: as writing, and a zero-byte file becomes a catalogue
  unmigrated,   // the catalogue as it is (db migrate)
};

struct Command
{
  Needs needs = Needs::writing;
  std::function<void(Session&)> run;
};

// The command chosen on the command line; set by a subcommand's callback.
using CommandSlot = std::optional<Command>;

// Registers VERB under NOUN with an options struct of type Options; the verb's
// callback stores a Command that calls RUN with the parsed options.
template<typename Options>
CLI::App* add_verb(CLI::App& noun, CommandSlot& slot, const std::string& verb, const std::string& description,
                   Needs needs, std::function<void(Session&, const Options&)> run,
                   std::shared_ptr<Options> options)
{
  auto* app = noun.add_subcommand(verb, description);
  app->callback([&slot, needs, run, options] {
    slot = Command{needs, [run, options](Session& session) { run(session, *options); }};
  });
  return app;
}

class Session
{
public:
  Session(GlobalOptions options, std::ostream& out, std::ostream& err);

  const GlobalOptions& options() const { return m_options; }
  table::Format format() const;

  // Opens the catalogue as NEEDS says; called once by the dispatcher.
  void open(Needs needs);

  // Runs COMMAND on this session; failures of the catalogue that no layer
  // below named are reported with the catalogue's path.
  void run(const std::function<void(Session&)>& command);

  // Runs CHANGE(catalogue) in one write transaction of WORKLOAD, commits it
  // and returns what CHANGE returns; nothing is written when CHANGE throws.
  // CHANGE runs again from the start when the transaction loses a race with
  // another writer (store::retry_conflicts).
  template<typename Change>
  auto write(Change&& change, store::Workload workload = store::Workload::single)
  {
    auto& catalogue = this->catalogue();
    if constexpr (std::is_void_v<decltype(change(catalogue))>) {
      store::retry_conflicts([&] {
        store::WriteTransaction transaction(catalogue, workload);
        change(catalogue);
        transaction.commit();
      });
    } else {
      std::optional<decltype(change(catalogue))> result;
      store::retry_conflicts([&] {
        store::WriteTransaction transaction(catalogue, workload);
        result.emplace(change(catalogue));
        transaction.commit();
      });
      return std::move(*result);
    }
  }

  // The open catalogue; only valid for commands that declared one.
  store::Catalogue& catalogue();

  // How the table format lays tables out on stdout: fitted to a terminal's
  // width (unless --wide) and in colour (unless $NO_COLOR), as
  // cli/terminal.hpp chooses; the full plain table anywhere else.
  report::TableLayout table_layout() const;

  // Prints TABLE (or RECORD) to stdout in the chosen format; the columns the
  // table format left out to fit the terminal are named in a note.
  void print(const table::Table& table);
  void print(const report::Record& record);

  // A stream of rows to stdout in the chosen format, for listings that write
  // each record as they read it (report/row_stream.hpp); call finish().
  report::RowStream rows(std::vector<table::Column> columns);

  // A message for people on stderr (`vendorcat: ...`), unless --quiet.
  void note(const std::string& message);

  std::ostream& out() { return m_out; }
  std::ostream& err() { return m_err; }

private:
  void note_left_out(const report::TableFit& fit, const report::TableLayout& layout);

  GlobalOptions m_options;
  std::ostream& m_out;
  std::ostream& m_err;
  std::optional<store::Catalogue> m_catalogue;
};

} // namespace vendorcat::cli

namespace vendorcat::cli {

// Adds option NAME to APP storing its value in TARGET only when it is given,
// so that "not given" (nullopt) and "given empty" (clear the field) differ.
inline CLI::Option* add_optional(CLI::App* app, const std::string& name, std::optional<std::string>& target,
                                 const std::string& description)
{
  return app->add_option_function<std::string>(
    name, [&target](const std::string& value) { target = value; }, description);
}

} // namespace vendorcat::cli
