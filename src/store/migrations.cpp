// The migration runner. A script is plain SQL; a line
// `-- vendorcat:load-csv TABLE FILE` loads the embedded CSV FILE into TABLE at
// that point (header names are column names, empty fields are NULL), which is
// how the reference data arrives, and a line `-- vendorcat:include FILE` runs
// the embedded script FILE there (a PostgreSQL migration that is the same as
// the file's). A script whose first line is `-- vendorcat:foreign-keys-off`
// runs with the backend's foreign-key enforcement off (SQLite rebuilds a
// table to change it), and its references are checked before it commits.

#include "store/migrations.hpp"

#include "domain/errors.hpp"
#include "store/backend.hpp"
#include "store/csv_seed.hpp"
#include "store/embedded.hpp"

#include <fmt/format.h>

#include <charconv>
#include <sstream>

namespace vendorcat::store {

namespace {

constexpr std::string_view directive = "-- vendorcat:load-csv ";
constexpr std::string_view include = "-- vendorcat:include ";
// A script that starts with this line rebuilds tables that others refer to.
constexpr std::string_view rebuilds_tables = "-- vendorcat:foreign-keys-off";

void run_script(Catalogue& catalogue, std::string_view script)
{
  std::string sql;
  std::istringstream lines{std::string(script)};
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with(include)) {
      if (!sql.empty()) {
        connection(catalogue).execute(sql);
        sql.clear();
      }
      run_script(catalogue, embedded_file(line.substr(include.size())));
    } else if (line.starts_with(directive)) {
      if (!sql.empty()) {
        connection(catalogue).execute(sql);
        sql.clear();
      }
      std::istringstream words(line.substr(directive.size()));
      std::string table;
      std::string file;
      words >> table >> file;
      load_csv_seed(catalogue, table, embedded_file(file));
    } else {
      sql += line;
      sql += '\n';
    }
  }
  if (sql.find_first_not_of(" \n\t") != std::string::npos) {
    connection(catalogue).execute(sql);
  }
}

void refuse_newer(const Catalogue& catalogue, int version, const std::vector<Migration>& migrations)
{
  const int known = migrations.empty() ? 0 : migrations.back().version;
  if (version > known) {
    throw DatabaseError(fmt::format(
      "catalogue '{}' has schema version {}, newer than this vendorcat's {}; use a newer vendorcat",
      catalogue.path(), version, known));
  }
}

// The embedded migrations directly in FOLDER ("migrations/").
std::vector<Migration> embedded_migrations(std::string_view folder)
{
  std::vector<Migration> found;
  for (const auto& file : embedded_files()) {
    if (!file.path.starts_with(folder) || !file.path.ends_with(".sql")) {
      continue;
    }
    const auto name = file.path.substr(folder.size());
    if (name.find('/') != std::string_view::npos) {
      continue;
    }
    int version = 0;
    std::from_chars(name.data(), name.data() + name.size(), version);
    if (version != static_cast<int>(found.size()) + 1) {
      throw Error(fmt::format("migration '{}{}' is out of sequence", folder, name));
    }
    found.push_back({version, std::string(name), file.content});
  }
  return found;
}

} // namespace

const std::vector<Migration>& builtin_migrations()
{
  static const std::vector<Migration> migrations = embedded_migrations("migrations/");
  return migrations;
}

const std::vector<Migration>& postgresql_migrations()
{
  static const std::vector<Migration> migrations = embedded_migrations("migrations/postgresql/");
  return migrations;
}

int schema_version(Catalogue& catalogue)
{
  try {
    return backend(catalogue).schema_version();
  } catch (const SqlError& error) {
    throw_database_error(catalogue, "reading the schema version", error);
  }
}

int migrate(Catalogue& catalogue, const std::vector<Migration>& migrations)
{
  const int current = schema_version(catalogue);
  refuse_newer(catalogue, current, migrations);
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current < latest && !catalogue.writable()) {
    throw DatabaseError(fmt::format("catalogue '{}' has schema version {} and this vendorcat needs {}; it is "
                                    "read-only here, so it cannot be migrated: run 'vendorcat db migrate' "
                                    "where it can be written",
                                    catalogue.path(), current, latest));
  }
  int applied = 0;
  for (const auto& migration : migrations) {
    if (migration.version <= current) {
      continue;
    }
    try {
      const bool rebuild = migration.script.starts_with(rebuilds_tables);
      WriteTransaction transaction(catalogue, rebuild ? Workload::table_rebuild : Workload::single);
      // Another process may have applied it while this one waited for the
      // write lock (two first uses of a new catalogue at once).
      if (backend(catalogue).schema_version() >= migration.version) {
        continue;
      }
      run_script(catalogue, migration.script);
      if (rebuild) {
        backend(catalogue).check_foreign_keys();
      }
      backend(catalogue).set_schema_version(migration.version);
      transaction.commit();
    } catch (const ReadOnlyRole&) {
      throw DatabaseError(
        fmt::format("catalogue '{}' has schema version {} and this vendorcat needs {}; this "
                    "role may not change its tables, so it cannot be migrated: run 'vendorcat db "
                    "migrate' as its owner",
                    catalogue.path(), current, latest));
    } catch (const std::exception& error) {
      throw_database_error(catalogue, fmt::format("applying migration {}", migration.name), error);
    }
    ++applied;
  }
  return applied;
}

int migrate(Catalogue& catalogue)
{
  return migrate(catalogue, backend(catalogue).migrations());
}

std::vector<MigrationState> migration_status(Catalogue& catalogue)
{
  return migration_status(catalogue, backend(catalogue).migrations());
}

std::vector<MigrationState> migration_status(Catalogue& catalogue, const std::vector<Migration>& migrations)
{
  const int current = schema_version(catalogue);
  refuse_newer(catalogue, current, migrations);
  std::vector<MigrationState> states;
  for (const auto& migration : migrations) {
    states.push_back({migration, migration.version <= current});
  }
  return states;
}

} // namespace vendorcat::store
