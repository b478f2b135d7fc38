#include "store/maintenance.hpp"

#include "domain/errors.hpp"
#include "store/spend.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace vendorcat::store {

std::vector<Problem> check_catalogue(Catalogue& catalogue)
{
  std::vector<Problem> problems;
  try {
    SQLite::Statement integrity(catalogue.db(), "PRAGMA integrity_check");
    while (integrity.executeStep()) {
      const auto result = integrity.getColumn(0).getString();
      if (result != "ok") {
        problems.push_back({"integrity", result});
      }
    }
    SQLite::Statement foreign_keys(catalogue.db(), "PRAGMA foreign_key_check");
    while (foreign_keys.executeStep()) {
      problems.push_back(
        {"foreign keys", fmt::format("{} row {} refers to a missing {}",
                                     foreign_keys.getColumn(0).getString(),
                                     foreign_keys.getColumn(1).getString(),
                                     foreign_keys.getColumn(2).getString())});
    }
    for (auto& detail : check_spend_rollup(catalogue)) {
      problems.push_back({"spend roll-up", std::move(detail)});
    }
  } catch (const SQLite::Exception& error) {
    problems.push_back({"integrity", error.what()});
  }
  return problems;
}

bool has_no_records(Catalogue& catalogue)
{
  return catalogue.db()
           .execAndGet("SELECT NOT EXISTS (SELECT 1 FROM provider) AND NOT EXISTS (SELECT 1 FROM engagement)")
           .getInt() != 0;
}

void backup_catalogue(Catalogue& catalogue, const std::filesystem::path& destination)
{
  auto copy = Catalogue::open(destination, Access::read_write, EmptyFile::initialise);
  try {
    SQLite::Backup backup(copy.db(), catalogue.db());
    backup.executeStep(-1);
  } catch (const SQLite::Exception& error) {
    throw_database_error(copy, fmt::format("backing up '{}'", catalogue.path()), error);
  }
}

} // namespace vendorcat::store
