#pragma once

// What every command gets: the global options, the catalogue (opened and
// migrated by the dispatcher as the command declared), and the streams.

#include "domain/errors.hpp"
#include "io/output_file.hpp"
#include "report/document.hpp"
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
  std::optional<std::string> db;     // --db, when given
  std::optional<std::string> format; // --format, when given
  std::optional<std::string> output; // -o FILE, when given (`-`: stdout)
  bool force = false;                // --force: -o may replace a file
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

// Whether a command prints what -o could write: a listing, a report or a
// text. A command that only writes a file of its own (db backup, db copy)
// prints nothing, and -o is refused before it runs.
enum class Prints
{
  output,
  nothing,
};

struct Command
{
  Needs needs = Needs::writing;
  std::function<void(Session&)> run;
  Prints prints = Prints::output;
};

// The command chosen on the command line; set by a subcommand's callback.
using CommandSlot = std::optional<Command>;

// Registers VERB under NOUN with an options struct of type Options; the verb's
// callback stores a Command that calls RUN with the parsed options.
template<typename Options>
CLI::App* add_verb(CLI::App& noun, CommandSlot& slot, const std::string& verb, const std::string& description,
                   Needs needs, std::function<void(Session&, const Options&)> run,
                   std::shared_ptr<Options> options, Prints prints = Prints::output)
{
  auto* app = noun.add_subcommand(verb, description);
  app->callback([&slot, needs, run, options, prints] {
    slot = Command{needs, [run, options](Session& session) { run(session, *options); }, prints};
  });
  return app;
}

class Session
{
public:
  Session(GlobalOptions options, std::ostream& out, std::ostream& err);

  const GlobalOptions& options() const { return m_options; }

  // Whether -o names a file (not `-`, stdout).
  bool writes_file() const { return m_options.output && *m_options.output != "-"; }

  // The output format: --format when given, else the extension of -o FILE,
  // else table. Throws UsageError for a format or extension it does not know.
  table::Format format() const;

  // "report spend": the command, for messages and the names of sheets.
  void set_command(std::string name) { m_command = std::move(name); }
  const std::string& command() const { return m_command; }

  // Opens the catalogue as NEEDS says and prepares -o FILE; called once by
  // the dispatcher. -o is refused (UsageError) for a command that writes to
  // the catalogue or PRINTS nothing, and FILE when it exists without --force
  // or is the catalogue; nothing has been written then.
  void open(Needs needs, Prints prints = Prints::output);

  // After the command succeeded: writes what was collected for an html or
  // xlsx file, puts -o FILE in place and notes what it holds. Throws
  // UsageError when -o was given to a command that printed nothing.
  void finish();

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
  // cli/terminal.hpp chooses; the full plain table anywhere else (-o FILE
  // included).
  report::TableLayout table_layout() const;

  // Prints TABLE in the chosen format, to stdout or -o FILE (a sheet of its
  // own in an xlsx or html file); the columns the table format left out to
  // fit the terminal are named in a note.
  void print(const table::Table& table);

  // Prints RECORD (`provider show`) as print does: in an xlsx or html file
  // its fields and each section are sheets of their own.
  void print_record(const report::Record& record);

  // A stream of rows in the chosen format, for listings that write each
  // record as they read it (report/row_stream.hpp); call finish().
  report::RowStream rows(std::vector<table::Column> columns);

  // The file -o names, for a command that writes a document of its own
  // (report html) in FORMAT; throws UsageError when -o is missing or names
  // another format. WHAT ("the HTML report") is what the closing note says.
  io::OutputFile& output_file(table::Format format, std::string what);

  // What the closing note of -o says the file holds ("25 spend lines"),
  // when not the rows printed.
  void set_written(std::string what) { m_written = std::move(what); }

  // A message for people on stderr (`vendorcat: ...`), unless --quiet.
  void note(const std::string& message);

  // The text output: stdout, or -o FILE. Throws UsageError when the file is
  // an xlsx or html one, which text cannot be written into.
  std::ostream& out();
  std::ostream& err() { return m_err; }

private:
  std::optional<table::Format> named_format() const; // format(), or none for an unknown extension
  bool collecting() const;                           // an xlsx or html file: sheets collected until finish()
  std::ostream& stream();                            // stdout or the file, for the renderers
  void add_sheet(report::Sheet sheet);
  void note_left_out(const report::TableFit& fit, const report::TableLayout& layout);
  UsageError nothing_to_write() const; // "'db backup' prints nothing to write to 'F'..."

  GlobalOptions m_options;
  std::ostream& m_out;
  std::ostream& m_err;
  std::optional<store::Catalogue> m_catalogue;
  std::string m_command;
  std::unique_ptr<io::OutputFile> m_file; // -o FILE
  bool m_used = false;                    // something was written to m_file
  bool m_text = false;                    // by the command itself, through out()
  std::size_t m_rows = 0;                 // rows printed
  std::string m_written;
  std::vector<report::Sheet> m_sheets; // for an xlsx or html file
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
