// Whole-catalogue checks and copies: the backend's own checks of its files
// and constraints, then the catalogue's domain checks (the spend roll-up
// against the lines), which are the same SQL on every backend.

#include "store/maintenance.hpp"

#include "domain/errors.hpp"
#include "store/backend.hpp"
#include "store/spend.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

std::vector<Problem> check_catalogue(Catalogue& catalogue)
{
  auto problems = backend(catalogue).check_integrity();
  try {
    for (auto& detail : check_spend_rollup(catalogue)) {
      problems.push_back({"spend roll-up", std::move(detail)});
    }
  } catch (const SqlError& error) {
    problems.push_back({"integrity", error.what()});
  }
  return problems;
}

bool has_no_records(Catalogue& catalogue)
{
  return Query(connection(catalogue), "SELECT NOT EXISTS (SELECT 1 FROM provider) AND "
                                      "NOT EXISTS (SELECT 1 FROM engagement)")
           .run_integer() != 0;
}

void backup_catalogue(Catalogue& catalogue, const std::filesystem::path& destination)
{
  try {
    backend(catalogue).back_up(destination);
  } catch (const SqlError& error) {
    throw DatabaseError(fmt::format("backing up catalogue '{}' to '{}': {}", catalogue.path(),
                                    destination.string(), error.what()));
  }
}

} // namespace vendorcat::store
