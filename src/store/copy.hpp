#pragma once

// Copying every record of one catalogue into another, of either backend.
// For store/ only; the command uses maintenance.hpp's copy_catalogue().

#include "store/catalogue.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace vendorcat::store {

class Backend;

// Copies every record, the audit trail, the settings and the spend roll-up
// of SOURCE, ids kept, into DESTINATION, a migrated catalogue with no
// records, in one write transaction of DESTINATION (read in one consistent
// view of SOURCE). Throws DatabaseError when the schema versions differ,
// UsageError when DESTINATION has records.
// Returns the rows copied of each table.
std::vector<std::pair<std::string, std::int64_t>> copy_records(Backend& source, Catalogue& destination);

} // namespace vendorcat::store
