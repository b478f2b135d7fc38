#pragma once

// Copying every record of one catalogue into another, of either backend.
// For store/ only; the command uses maintenance.hpp's copy_catalogue().

#include "store/catalogue.hpp"

namespace vendorcat::store {

class Backend;

// Copies every record, the audit trail, the settings and the spend roll-up
// of SOURCE, ids kept, into DESTINATION, a migrated catalogue with no
// records, in one write transaction of DESTINATION (read in one consistent
// view of SOURCE). Throws DatabaseError when the schema versions differ,
// UsageError when DESTINATION has records.
void copy_records(Backend& source, Catalogue& destination);

} // namespace vendorcat::store
