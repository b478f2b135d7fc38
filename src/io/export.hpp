#pragma once

// Export: every record of a kind with exactly its file columns, so that
// export then import into an empty catalogue restores the same catalogue.

#include "io/kind.hpp"
#include "store/catalogue.hpp"
#include "table/format.hpp"

#include <cstddef>
#include <iosfwd>

namespace vendorcat::io {

// Writes every record of KIND to OUT as csv, json or jsonl (table is taken as
// csv), streaming: spend lines are never all held in memory. What each kind
// writes is its description's (io/kinds.hpp): services are those added to the
// built-in taxonomy, each after its parent; an engagement's delivery_model
// and type only where they were set explicitly. Returns the number of
// records written; a failed write shows on OUT.
std::size_t export_records(store::Catalogue& catalogue, Kind kind, table::Format format, std::ostream& out);

} // namespace vendorcat::io
