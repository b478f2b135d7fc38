// `vendorcat db init|migrate|check|backup|copy`: the catalogue itself.

#include "cli/nouns.hpp"
#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "io/output_file.hpp"
#include "store/maintenance.hpp"
#include "store/migrations.hpp"
#include "store/settings.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

struct InitOptions
{
  std::string home_country;
  std::string base_currency;
};

struct MigrateOptions
{
  bool status = false;
};

struct CopyOptions
{
  std::string source;
  std::string destination;
};

struct BackupOptions
{
  std::string destination;
  bool force = false;
};

void run_init(Session& session, const InitOptions& options)
{
  session.write([&](store::Catalogue& catalogue) {
    if (!options.home_country.empty()) {
      store::set_setting(catalogue, store::SettingKey::home_country, options.home_country);
    }
    if (!options.base_currency.empty()) {
      store::set_setting(catalogue, store::SettingKey::base_currency, options.base_currency);
    }
  });
  auto& catalogue = session.catalogue();
  session.note(fmt::format("catalogue ready at '{}' (schema version {})", catalogue.path(),
                           store::schema_version(catalogue)));
}

void run_migrate(Session& session, const MigrateOptions& options)
{
  auto& catalogue = session.catalogue();
  if (options.status) {
    table::Table table{{{"version", table::Align::right}, {"name"}, {"state"}}, {}};
    for (const auto& state : store::migration_status(catalogue)) {
      table.rows.push_back({std::int64_t{state.migration.version}, state.migration.name,
                            std::string(state.applied ? "applied" : "pending")});
    }
    session.print(table);
    return;
  }
  const int applied = store::migrate(catalogue);
  session.note(fmt::format("applied {}; schema version {}", domain::counted(applied, "migration"),
                           store::schema_version(catalogue)));
}

void run_check(Session& session, const std::monostate&)
{
  auto& catalogue = session.catalogue();
  const auto problems = store::check_catalogue(catalogue);
  table::Table table{{{"check"}, {"problem"}}, {}};
  for (const auto& problem : problems) {
    table.rows.push_back({problem.check, problem.detail});
  }
  if (problems.empty()) {
    session.note(fmt::format("catalogue '{}' is sound", catalogue.path()));
    return;
  }
  session.print(table);
  throw DatabaseError(fmt::format("catalogue '{}' is damaged: {} found", catalogue.path(),
                                  domain::counted(problems.size(), "problem")));
}

void run_backup(Session& session, const BackupOptions& options)
{
  auto& catalogue = session.catalogue();
  io::OutputFile copy(options.destination, io::catalogue_files(catalogue.path()),
                      {options.force ? io::Replace::yes : io::Replace::no, io::NonRegular::refuse,
                       io::FileMode::owner_only, io::Links::refuse});
  store::backup_catalogue(catalogue, copy.temporary_path());
  copy.commit();
  session.note(fmt::format("backed up '{}' to '{}'", catalogue.path(), options.destination));
}

// The destination's files when they are made by the copy, removed again
// when it fails, so that a failed copy leaves nothing behind.
class NewFiles
{
public:
  explicit NewFiles(const std::string& target)
  {
    if (!store::is_server_uri(target) && !std::filesystem::exists(target)) {
      m_files = io::catalogue_files(target);
    }
  }
  NewFiles(const NewFiles&) = delete;
  NewFiles& operator=(const NewFiles&) = delete;
  ~NewFiles()
  {
    for (const auto& file : m_files) {
      std::error_code ignored;
      std::filesystem::remove(file, ignored);
    }
  }
  void keep() { m_files.clear(); }

private:
  std::vector<std::filesystem::path> m_files;
};

void run_copy(Session& session, const CopyOptions& options)
{
  if (options.source == options.destination) {
    throw UsageError("db copy: SOURCE and DEST are the same catalogue");
  }
  // The source is only read, never migrated: copy_catalogue() refuses one
  // of another schema version.
  auto source = store::Catalogue::open(options.source, store::Access::read);
  NewFiles made(options.destination);
  auto destination =
    store::Catalogue::open(options.destination, store::Access::read_write, store::EmptyFile::initialise);
  store::migrate(destination);
  const auto copied = store::copy_catalogue(source, destination);
  made.keep();
  std::string counts;
  for (const auto& [table, rows] : copied) {
    counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", rows, table);
  }
  session.note(fmt::format("copied '{}' to '{}': {}", source.path(), destination.path(), counts));
}

} // namespace

void setup_db(CLI::App& app, CommandSlot& slot)
{
  auto* noun = app.add_subcommand("db", "Create, migrate, check, back up and copy the catalogue");
  noun->require_subcommand(1);

  auto init = std::make_shared<InitOptions>();
  auto* init_app = add_verb<InitOptions>(*noun, slot, "init",
                                         "Create or migrate the catalogue (idempotent).\n"
                                         "Example: vendorcat db init --home-country FI --base-currency EUR",
                                         Needs::initialising, run_init, init);
  init_app->add_option("--home-country", init->home_country, "Buyer's country (ISO 3166-1 alpha-2)");
  init_app->add_option("--base-currency", init->base_currency, "Currency of rates and reports (ISO 4217)");

  auto migrate = std::make_shared<MigrateOptions>();
  auto* migrate_app = add_verb<MigrateOptions>(
    *noun, slot, "migrate", "Apply pending migrations.\nExample: vendorcat db migrate --status",
    Needs::unmigrated, run_migrate, migrate);
  migrate_app->add_flag("--status", migrate->status, "List applied and pending migrations only");

  add_verb<std::monostate>(*noun, slot, "check",
                           "Check integrity, foreign keys and domain rules; exit 1 on damage.\n"
                           "Example: vendorcat db check",
                           Needs::reading, run_check, std::make_shared<std::monostate>());

  auto copy = std::make_shared<CopyOptions>();
  auto* copy_app = add_verb<CopyOptions>(
    *noun, slot, "copy",
    "Copy every record, the audit trail and the settings, ids kept, into an empty catalogue of\n"
    "either backend (a file to a server and back).\n"
    "Example: vendorcat db copy catalogue.db postgresql://analyst@db.example/vendorcat",
    Needs::nothing, run_copy, copy, Prints::nothing);
  copy_app->add_option("SOURCE", copy->source, "Catalogue to copy: a file or a postgresql:// URI")
    ->required();
  copy_app->add_option("DEST", copy->destination, "Empty or new catalogue: a file or a postgresql:// URI")
    ->required();

  auto backup = std::make_shared<BackupOptions>();
  auto* backup_app = add_verb<BackupOptions>(*noun, slot, "backup",
                                             "Write a consistent copy of the catalogue while it is in use.\n"
                                             "Example: vendorcat db backup /backups/catalogue-2026-11-26.db",
                                             Needs::reading, run_backup, backup, Prints::nothing);
  backup_app->add_option("DEST", backup->destination, "File to write")->required();
  backup_app->add_flag("--force", backup->force, "Replace DEST when it exists");
}

} // namespace vendorcat::cli
