#pragma once

// Schema migrations: migrations/NNNN_name.sql, compiled in, applied in order,
// each in its own transaction, the version tracked by the backend.

#include "store/catalogue.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

struct Migration
{
  int version;             // NNNN of the file name
  std::string name;        // the file name, e.g. "0001_initial.sql"
  std::string_view script; // SQL, with optional `-- vendorcat:load-csv TABLE FILE` lines
};

struct MigrationState
{
  Migration migration;
  bool applied;
};

// The migrations compiled into this binary for the SQLite file
// (migrations/) or for PostgreSQL (migrations/postgresql/), by version.
// Throws Error when a set is not numbered 1, 2, 3, ... without gaps.
const std::vector<Migration>& builtin_migrations();
const std::vector<Migration>& postgresql_migrations();

// The catalogue's schema version: the last migration applied.
int schema_version(Catalogue& catalogue);

// Applies every migration of MIGRATIONS above the catalogue's version, each in
// its own transaction; a failing one is rolled back and thrown as DatabaseError
// with the migration's name, leaving the catalogue at the previous version.
// Throws DatabaseError without writing when the catalogue is newer than the
// last migration. Returns the number applied.
int migrate(Catalogue& catalogue, const std::vector<Migration>& migrations);
// The same with the migrations of the catalogue's backend.
int migrate(Catalogue& catalogue);

// Each migration with whether the catalogue has it. Throws like migrate() for
// a catalogue newer than the binary.
std::vector<MigrationState> migration_status(Catalogue& catalogue, const std::vector<Migration>& migrations);
std::vector<MigrationState> migration_status(Catalogue& catalogue);

} // namespace vendorcat::store
