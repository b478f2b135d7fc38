#pragma once

// Colour for the table format on a terminal (TableLayout::colour): ANSI
// escapes around a cell's text, chosen by its column and its text. For the
// renderers of report/ only.

#include "table/table.hpp"

#include <string>
#include <string_view>

namespace vendorcat::report {

enum class Tone
{
  plain,
  heading, // bold: a table's keys
  bad,     // red
  warning, // yellow
  good,    // green
};

// The tone of TEXT, a cell of the column KEY aligned ALIGN: a right-aligned
// cell that starts with `-` and a digit (a negative amount) is bad; in a
// column named `status`, `state` or `risk`, `over`, `overdue`,
// `notice-missed`, `terminated` and `high` are bad, `at-risk`, `notice-due`
// and `medium` a warning, `ok`, `active` and `low` good; anything else is
// plain. Never fails.
Tone cell_tone(std::string_view key, table::Align align, std::string_view text);

// TEXT between the ANSI escapes of TONE, or TEXT itself when it is plain or
// empty. Never fails.
std::string styled(std::string_view text, Tone tone);

} // namespace vendorcat::report
