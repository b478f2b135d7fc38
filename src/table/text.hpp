#pragma once

// Cells as plain text, the form CSV reports and exports share: the text of a
// typed cell, ratios rounded to 4 decimals, and the RFC 4180 field writer.

#include "table/table.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace vendorcat::table {

// VALUE rounded to 4 decimals (half away from zero), as every renderer shows
// a ratio; -0 becomes 0, and NaN, infinities and magnitudes of 1e15 or more
// are returned unchanged. Never fails.
double round_ratio(double value);

// VALUE as plain text: null empty, booleans `true`/`false`, integers in
// decimal, ratios with at most 4 decimals and no trailing zeros (0.75,
// 0.7778, 1), text as it is. Never fails.
std::string plain_text(const Value& value);

// Writes FIELD to OUT as one RFC 4180 field: quoted (inner quotes doubled)
// when it contains a comma, a quote, CR or LF, or starts or ends with a space
// or tab; as is otherwise. Never throws; check OUT afterwards.
void write_csv_field(std::ostream& out, std::string_view field);

} // namespace vendorcat::table
