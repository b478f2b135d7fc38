#pragma once

// Export: every record of a kind with exactly the import columns, so that
// export then import into an empty catalogue restores the same catalogue.

#include "io/import.hpp"
#include "table/format.hpp"
#include "store/catalogue.hpp"

#include <iosfwd>

namespace vendorcat::io {

// Writes every record of KIND to OUT as csv, json or jsonl (table is taken as
// csv), streaming: spend lines are never all held in memory. Services are
// those added to the built-in taxonomy, each after its parent. An
// engagement's delivery_model and type are written only where they were set
// explicitly.
// Returns the number of records written; throws IoError when OUT fails.
std::size_t export_records(store::Catalogue& catalogue, Kind kind, table::Format format,
                           std::ostream& out);

} // namespace vendorcat::io
