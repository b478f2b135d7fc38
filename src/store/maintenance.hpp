#pragma once

// Checking and copying a whole catalogue.

#include "store/catalogue.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace vendorcat::store {

struct Problem
{
  std::string check;  // e.g. "integrity", "foreign keys"
  std::string detail; // what is wrong
};

// Runs SQLite's integrity and foreign-key checks and the catalogue's own
// consistency checks; returns every problem found (empty when sound).
std::vector<Problem> check_catalogue(Catalogue& catalogue);

// True when the catalogue holds no providers and no engagements.
bool has_no_records(Catalogue& catalogue);

// Copies the catalogue into DESTINATION, a new or empty file, with SQLite's
// online backup, so the copy is consistent even while others write; the
// copy is closed (its log folded in) when this returns. Throws DatabaseError
// when the copy fails. Replacing a file safely is the caller's part
// (io::OutputFile).
void backup_catalogue(Catalogue& catalogue, const std::filesystem::path& destination);

// Copies every record, the audit trail and the settings of SOURCE, ids
// kept, into DESTINATION, a migrated catalogue of either backend with no
// records (store/copy.hpp); returns the rows copied of each kind of record.
// Throws UsageError when DESTINATION has records, DatabaseError when the
// copy fails (nothing of it is written).
std::vector<std::pair<std::string, std::int64_t>> copy_catalogue(Catalogue& source, Catalogue& destination);

} // namespace vendorcat::store
