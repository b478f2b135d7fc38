// `vendorcat import`, `vendorcat export` and `vendorcat demo`.

#include "cli/nouns.hpp"
#include "domain/errors.hpp"
#include "io/csv_reader.hpp"
#include "io/demo.hpp"
#include "io/export.hpp"
#include "io/import.hpp"
#include "io/json_reader.hpp"
#include "io/output_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

namespace vendorcat::cli {

namespace {

struct ImportOptions
{
  std::string kind;
  std::string file;
  bool dry_run = false;
  std::string on_conflict = "error";
};

struct ExportOptions
{
  std::string kind;
  std::string output;
};

std::string summary_text(const io::ImportSummary& summary)
{
  return fmt::format("{} created, {} updated, {} skipped", summary.created, summary.updated, summary.skipped);
}

// The reader for FILE: by --format when given, else by the file's extension
// (.json, .jsonl), else CSV.
std::unique_ptr<io::RecordReader> open_reader(std::istream& in, const std::string& name,
                                              const std::string& format, const std::string& file)
{
  if (format == "jsonl" || (format.empty() && file.ends_with(".jsonl"))) {
    return std::make_unique<io::JsonLinesReader>(in, name);
  }
  if (format == "json" || (format.empty() && file.ends_with(".json"))) {
    return std::make_unique<io::JsonReader>(in, name);
  }
  return std::make_unique<io::CsvReader>(in, name);
}

void run_import(Session& session, const ImportOptions& options)
{
  const auto kind = io::parse_kind(options.kind);
  const auto on_conflict = store::parse_on_conflict(options.on_conflict);
  const bool from_stdin = options.file == "-";
  const auto format = session.options().format == "table" ? std::string() : session.options().format;
  std::ifstream file;
  if (!from_stdin) {
    file.open(options.file, std::ios::binary);
    if (!file) {
      throw UsageError(fmt::format("cannot read '{}': no such file or not readable", options.file));
    }
  }
  std::istream& in = from_stdin ? std::cin : file;
  const auto reader = open_reader(in, from_stdin ? "stdin" : options.file, format, options.file);

  const bool show_progress = !session.options().quiet && ::isatty(STDERR_FILENO) != 0;
  io::Progress progress;
  if (show_progress) {
    progress = [&session](std::size_t rows) {
      session.err() << fmt::format("\rvendorcat: {} rows read", rows) << std::flush;
    };
  }
  auto& catalogue = session.catalogue();
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  const auto summary = io::import_records(catalogue, kind, *reader, on_conflict, progress);
  if (show_progress) {
    session.err() << '\r';
  }
  if (options.dry_run) {
    session.note(fmt::format("{}: {} (dry run: nothing written)", options.file, summary_text(summary)));
    return; // the transaction rolls back
  }
  transaction.commit();
  session.note(fmt::format("{}: {}", options.file, summary_text(summary)));
}

void run_export(Session& session, const ExportOptions& options)
{
  const auto kind = io::parse_kind(options.kind);
  if (options.output.empty() || options.output == "-") {
    io::export_records(session.catalogue(), kind, session.format(), session.out());
    return;
  }
  auto& catalogue = session.catalogue();
  io::OutputFile file(options.output, io::catalogue_files(catalogue.path()),
                      {io::Replace::yes, io::NonRegular::write_through, io::FileMode::user_umask});
  std::size_t rows = 0;
  file.write([&](std::ostream& out) { rows = io::export_records(catalogue, kind, session.format(), out); });
  file.commit();
  session.note(fmt::format("wrote {} {} to '{}'", rows, options.kind, options.output));
}

void run_demo(Session& session, const std::monostate&)
{
  const auto loaded = session.write(io::load_demo, store::Workload::bulk_load);
  std::string counts;
  for (const auto& [kind, summary] : loaded) {
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", summary.created, io::to_string(kind));
  }
  session.note(fmt::format("demo catalogue loaded into '{}': {}", session.catalogue().path(), counts));
}

} // namespace

void setup_bulk(CLI::App& app, CommandSlot& slot)
{
  const std::string kinds = "providers, locations, services, offerings, engagements, spend or fx";
  auto import = std::make_shared<ImportOptions>();
  auto* import_app =
    app.add_subcommand("import", "Load records from CSV or JSON, all or nothing.\n"
                                 "Example: vendorcat import spend invoices-2026.csv --on-conflict skip");
  import_app->callback([&slot, import] {
    slot = Command{Needs::writing, [import](Session& session) { run_import(session, *import); }};
  });
  import_app->add_option("KIND", import->kind, kinds)->required();
  import_app->add_option("FILE", import->file, "CSV or JSON (.json) file, or - for stdin")->required();
  import_app->add_flag("--dry-run", import->dry_run, "Validate everything and write nothing");
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
  export_app->add_option("KIND", exported->kind, kinds)->required();
  export_app->add_option("-o,--output", exported->output, "File to write (default: stdout)");

  auto* demo_app = app.add_subcommand(
    "demo", "Fill an empty catalogue with the demo data.\nExample: vendorcat --db demo.db demo");
  demo_app->callback([&slot] {
    slot = Command{Needs::writing, [](Session& session) { run_demo(session, {}); }};
  });
}

} // namespace vendorcat::cli
