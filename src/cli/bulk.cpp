// `vendorcat import`, `vendorcat export` and `vendorcat demo`.

#include "cli/command_tree.hpp"
#include "cli/import_help.hpp"
#include "cli/message.hpp"
#include "cli/nouns.hpp"
#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "io/csv_reader.hpp"
#include "io/demo.hpp"
#include "io/export.hpp"
#include "io/import.hpp"
#include "io/json_reader.hpp"
#include "io/output_file.hpp"
#include "io/sha256.hpp"
#include "store/import_batches.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <charconv>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <optional>

namespace vendorcat::cli {

namespace {

struct ImportOptions
{
  std::string kind;
  std::string file;
  bool dry_run = false;
  bool again = false;
  std::string on_conflict = "error";
  std::optional<std::string> delimiter; // --delimiter, when given
};

struct UndoOptions
{
  std::string batch;
};

struct ExportOptions
{
  std::string kind;
  bool spreadsheet_safe = false;
};

using domain::grouped;

std::string summary_text(const io::ImportSummary& summary)
{
  return fmt::format("{} created, {} updated, {} skipped", grouped(summary.created), grouped(summary.updated),
                     grouped(summary.skipped));
}

// Refuses FILE, whose content SHA256 an earlier batch of KIND (other than
// BATCH, the one importing it) imported, unless --again.
void refuse_repeat(store::Catalogue& catalogue, const ImportOptions& options, const std::string& sha256,
                   std::int64_t batch = 0)
{
  if (options.again) {
    return;
  }
  if (const auto earlier = store::find_imported(catalogue, options.kind, sha256, batch)) {
    throw UsageError(
      fmt::format("'{}' was imported already: import batch {} ({}, at {}, {} created) has the "
                  "same {} content; give --again to import it again, or 'vendorcat import undo "
                  "{}' to take that one back",
                  options.file, earlier->id, earlier->file, earlier->at, grouped(earlier->created),
                  options.kind, earlier->id));
  }
}

// The CSV delimiter that --delimiter TEXT names: `,`, `;`, or a tab (`tab`
// or the character itself). Throws UsageError for any other.
char parse_delimiter(const std::string& text)
{
  if (text == "," || text == ";") {
    return text[0];
  }
  if (text == "tab" || text == "\t") {
    return '\t';
  }
  throw UsageError(fmt::format("--delimiter: '{}' is not one of ',' (the default), ';' or tab", text));
}

// Whether FILE is read as JSON or JSON Lines: by --format when given, else
// by its extension (.json, .jsonl).
bool is_json(const std::string& format, const std::string& file)
{
  return format == "json" || format == "jsonl" ||
         (format.empty() && (file.ends_with(".json") || file.ends_with(".jsonl")));
}

// The reader for FILE: JSON Lines or JSON as is_json() says, else CSV with
// DELIMITER.
std::unique_ptr<io::RecordReader> open_reader(std::istream& in, const std::string& name,
                                              const std::string& format, const std::string& file,
                                              char delimiter)
{
  if (format == "jsonl" || (format.empty() && file.ends_with(".jsonl"))) {
    return std::make_unique<io::JsonLinesReader>(in, name);
  }
  if (is_json(format, file)) {
    return std::make_unique<io::JsonReader>(in, name);
  }
  return std::make_unique<io::CsvReader>(in, name, io::CsvReader::default_chunk_size,
                                         io::TrailingComma::refuse, delimiter);
}

void run_import(Session& session, const ImportOptions& options)
{
  if (options.kind.empty() || options.file.empty()) {
    throw UsageError(
      "import needs a KIND and a FILE (or list, or undo BATCH): see 'vendorcat import --help'");
  }
  const auto kind = io::parse_kind(options.kind);
  const auto on_conflict = store::parse_on_conflict(options.on_conflict);
  const bool from_stdin = options.file == "-";
  const auto given = session.options().format.value_or("");
  const auto format = given == "table" ? std::string() : given;
  const char delimiter = options.delimiter ? parse_delimiter(*options.delimiter) : ',';
  if (options.delimiter && is_json(format, options.file)) {
    throw UsageError(fmt::format("--delimiter is for CSV files: '{}' is read as JSON{}", options.file,
                                 format.empty() ? " (by its name)" : fmt::format(" (--format {})", format)));
  }
  std::ifstream file;
  // The content's hash: of a regular file up front too, so that a repeat is
  // refused before it is read; of what was read in every case (a pipe, a
  // process substitution or stdin can be read only once).
  std::optional<std::string> known;
  if (!from_stdin) {
    if (std::filesystem::is_regular_file(options.file)) {
      known = io::sha256_of_file(options.file);
    }
    file.open(options.file, std::ios::binary);
    if (!file) {
      throw UsageError(fmt::format("cannot read '{}': no such file or not readable", options.file));
    }
  }
  io::HashingBuffer hashed(from_stdin ? std::cin : static_cast<std::istream&>(file));
  std::istream in(&hashed);
  const auto reader = open_reader(in, from_stdin ? "stdin" : options.file, format, options.file, delimiter);

  const bool show_progress = !session.options().quiet && ::isatty(STDERR_FILENO) != 0;
  io::Progress progress;
  if (show_progress) {
    progress = [&session](std::size_t rows) {
      session.err() << fmt::format("\rvendorcat: {} read", domain::counted(rows, "row")) << std::flush;
    };
  }
  auto& catalogue = session.catalogue();
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  if (known) {
    refuse_repeat(catalogue, options, *known);
  }
  store::ImportBatchScope batch(catalogue, std::string(io::to_string(kind)), from_stdin ? "-" : options.file,
                                known.value_or(std::string(64, '0')));
  const auto summary = io::import_records(catalogue, kind, *reader, on_conflict, progress);
  if (show_progress) {
    session.err() << '\r';
  }
  in.ignore(std::numeric_limits<std::streamsize>::max()); // what the reader left: hashed too
  const auto sha256 = hashed.hex();
  refuse_repeat(catalogue, options, sha256, batch.id());
  batch.finish(summary.created + summary.updated + summary.skipped, summary, sha256);
  for (const auto& warning : summary.warnings) {
    session.err() << printable_message(fmt::format("vendorcat: warning: {}", warning)) << '\n';
  }
  if (summary.warnings_total > summary.warnings.size()) {
    session.err() << fmt::format("vendorcat: warning: and {} more like these\n",
                                 grouped(summary.warnings_total - summary.warnings.size()));
  }
  const bool wrote = summary.created + summary.updated > 0;
  const auto name = wrote ? fmt::format("import batch {} ({})", batch.id(), options.file) : options.file;
  if (options.dry_run) {
    session.note(fmt::format("{}: {} (dry run: nothing written)", options.file, summary_text(summary)));
    return; // the transaction rolls back
  }
  transaction.commit();
  session.note(fmt::format("{}: {}", name, summary_text(summary)));
}

void run_import_list(Session& session, const std::monostate&)
{
  table::Table table{{{"id", table::Align::right},
                      {"at"},
                      {"actor"},
                      {"kind"},
                      {"file"},
                      {"sha256"},
                      {"rows", table::Align::right},
                      {"created", table::Align::right},
                      {"updated", table::Align::right},
                      {"skipped", table::Align::right},
                      {"undone_at"}},
                     {}};
  for (const auto& batch : store::list_import_batches(session.catalogue())) {
    table.rows.push_back({batch.id, batch.at, batch.actor ? table::Value(*batch.actor) : table::Value(),
                          batch.kind, batch.file, batch.sha256, batch.rows, batch.created, batch.updated,
                          batch.skipped, batch.undone_at ? table::Value(*batch.undone_at) : table::Value()});
  }
  session.print(table);
}

// "3 providers" for a batch of KIND that created COUNT; a kind that is not
// one of the import kinds (`fx-ecb`) as "3 fx-ecb records".
std::string created_text(const std::string& kind, std::int64_t count)
{
  for (const auto known : io::all_kinds()) {
    if (io::to_string(known) == kind) {
      return io::counted_records(known, static_cast<std::size_t>(count));
    }
  }
  return domain::counted(count, kind + " record");
}

void run_import_undo(Session& session, const UndoOptions& options)
{
  std::int64_t id = 0;
  const auto* end = options.batch.data() + options.batch.size();
  if (const auto [last, error] = std::from_chars(options.batch.data(), end, id);
      error != std::errc() || last != end || id <= 0) {
    throw UsageError(fmt::format("invalid import batch '{}': give its id, a whole number that "
                                 "'vendorcat import list' shows",
                                 options.batch));
  }
  const auto undone =
    session.write([&](store::Catalogue& catalogue) { return store::undo_import_batch(catalogue, id); });
  session.note(fmt::format("import batch {} ({} from '{}') undone: {} removed", undone.batch.id,
                           created_text(undone.batch.kind, undone.batch.created), undone.batch.file,
                           grouped(undone.removed)));
}

void run_export(Session& session, const ExportOptions& options)
{
  const auto kind = io::parse_kind(options.kind);
  if (session.options().format == "table" ||
      (session.writes_file() && session.format() == table::Format::table)) {
    throw UsageError("export writes csv, json or jsonl, not table: give --format csv (the default), json "
                     "or jsonl (a listing such as 'vendorcat provider list' prints a table)");
  }
  const auto format = session.format() == table::Format::table ? table::Format::csv : session.format();
  if (format == table::Format::html || format == table::Format::xlsx) {
    throw UsageError(fmt::format("export writes the files import reads (.csv, .json or .jsonl); for a "
                                 "spreadsheet, list the records with -o FILE.{} instead",
                                 table::to_string(format)));
  }
  const auto cells = options.spreadsheet_safe ? io::TextCells::spreadsheet_safe : io::TextCells::exact;
  const auto rows = io::export_records(session.catalogue(), kind, format, session.out(), cells);
  session.set_written(io::counted_records(kind, rows));
}

void run_demo(Session& session, const std::monostate&)
{
  const auto loaded = session.write(io::load_demo, store::Workload::bulk_load);
  std::string counts;
  for (const auto& [kind, summary] : loaded) {
    counts += fmt::format("{}{}", counts.empty() ? "" : ", ", io::counted_records(kind, summary.created));
  }
  session.note(fmt::format("demo catalogue loaded into '{}': {}", session.catalogue().path(), counts));
}

} // namespace

void setup_bulk(CLI::App& app, CommandSlot& slot)
{
  const auto kind_names = [] {
    std::vector<std::string> names;
    for (const auto kind : io::all_kinds()) {
      names.emplace_back(io::to_string(kind));
    }
    return names;
  };
  const auto kinds = io::kind_list();
  auto import = std::make_shared<ImportOptions>();
  auto* import_app =
    app.add_subcommand("import", "Load records from CSV or JSON, all or nothing.\n"
                                 "Example: vendorcat import spend invoices-2026.csv --on-conflict skip");
  // The KIND given, if any, says which kind's columns the help lists.
  import_app->footer([import] { return import_footer(import->kind); });
  import_app->callback([&slot, import, import_app] {
    if (import_app->get_subcommands().empty()) {
      slot = Command{Needs::writing, [import](Session& session) { run_import(session, *import); }};
    }
  });
  import_app->add_option("KIND", import->kind, kinds)->check(choices(kind_names));
  import_app->add_option("FILE", import->file, "CSV or JSON (.json) file, or - for stdin");
  import_app->add_flag("--dry-run", import->dry_run, "Validate everything and write nothing");
  add_optional(import_app, "--delimiter", import->delimiter,
               "CSV field delimiter: ',' (default), ';' or tab, for files that spreadsheets write in "
               "locales with a decimal comma")
    ->type_name("C");
  import_app->add_flag("--again", import->again,
                       "Import a file whose content was imported as this kind before (refused without it)");
  import_app->require_subcommand(0, 1);
  add_verb<std::monostate>(*import_app, slot, "list",
                           "The import batches, newest first: when, who, which file (and its SHA-256), what "
                           "they wrote.\nExample: vendorcat import list",
                           Needs::reading, run_import_list, std::make_shared<std::monostate>());
  auto undo = std::make_shared<UndoOptions>();
  add_verb<UndoOptions>(*import_app, slot, "undo",
                        "Remove the records an import batch created (what it updated stays as it is now), "
                        "in one transaction; refused while later records refer to them.\n"
                        "Example: vendorcat import undo 12",
                        Needs::writing, run_import_undo, undo)
    ->add_option("BATCH", undo->batch, "The batch's id, as 'vendorcat import list' shows it")
    ->required();
  import_app
    ->add_option("--on-conflict", import->on_conflict,
                 "When a row's key exists: error (default), skip or update")
    ->check(CLI::IsMember({"error", "skip", "update"}));

  auto exported = std::make_shared<ExportOptions>();
  auto* export_app = app.add_subcommand(
    "export", "Write records with the import columns (csv by default, or --format json|jsonl).\n"
              "Example: vendorcat export engagements -o engagements.csv");
  export_app->callback([&slot, exported] {
    slot = Command{Needs::reading, [exported](Session& session) { run_export(session, *exported); }};
  });
  export_app->footer(export_footer());
  export_app->add_option("KIND", exported->kind, kinds)->required()->check(choices(kind_names));
  export_app->add_flag("--spreadsheet-safe", exported->spreadsheet_safe,
                       "Put ' before text cells starting with =, +, -, @, a tab or a carriage return (not "
                       "before numbers such as -80.00)");

  auto* demo_app = app.add_subcommand(
    "demo", "Fill an empty catalogue with the demo data.\nExample: vendorcat --db demo.db demo");
  demo_app->callback([&slot] {
    slot = Command{Needs::writing, [](Session& session) { run_demo(session, {}); }};
  });
}

} // namespace vendorcat::cli
