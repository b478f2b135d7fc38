#pragma once

// Export: every record of a kind with exactly its file columns, so that
// export then import into an empty catalogue restores the same catalogue.

#include "io/kind.hpp"
#include "store/catalogue.hpp"
#include "table/format.hpp"

#include <cstddef>
#include <iosfwd>
#include <string>

namespace vendorcat::io {

// How text cells are written.
enum class TextCells
{
  exact,            // as stored, so that an import reads back the same
  spreadsheet_safe, // a `'` before a text cell that starts with `=`, `+`,
                    // `-`, `@`, a tab or a carriage return, which a
                    // spreadsheet would run as a formula
};

// TEXT as a spreadsheet-safe cell: with a `'` before it when it starts with
// one of the characters TextCells::spreadsheet_safe names. Never fails.
std::string spreadsheet_safe(std::string text);

// Writes every record of KIND to OUT as csv, json or jsonl (table is taken as
// csv), streaming: spend lines are never all held in memory. What each kind
// writes is its description's (io/kinds.hpp): services are those added to the
// built-in taxonomy, each after its parent. Booleans are JSON booleans in
// json and jsonl, `true`/`false` in csv; every other value is text or null.
// With TextCells::spreadsheet_safe, only the cells of text columns are
// changed: numbers (amounts, rates, quantities, whole numbers; `-80.00`)
// and booleans stay as they are. Returns the number of records written; a
// failed write shows on OUT.
std::size_t export_records(store::Catalogue& catalogue, Kind kind, table::Format format, std::ostream& out,
                           TextCells text_cells = TextCells::exact);

} // namespace vendorcat::io
