#pragma once

// The widths of a table's columns fitted to a terminal's width, for the
// table renderer (render_table.cpp).

#include <cstddef>
#include <vector>

namespace vendorcat::report {

// A column's widths in terminal columns: NATURAL is its widest cell or key,
// MINIMUM what it may be cut to (NATURAL for a column that is never cut).
struct ColumnSpan
{
  std::size_t natural = 0;
  std::size_t minimum = 0;
};

// The columns are two spaces apart.
constexpr std::size_t column_gap = 2;

// The widths of COLUMNS laid out in WIDTH terminal columns: all at their
// natural widths when they fit (or WIDTH is 0, no limit); else as many of
// the leftmost as fit at their minimum widths (at least one), the space left
// given to the leftmost first, each up to its natural width. The result has one width per column kept, the
// leftmost; the rest are left out. A single column kept whose minimum is wider than WIDTH gets WIDTH (at
// least 1). Never fails.
std::vector<std::size_t> fit_columns(const std::vector<ColumnSpan>& columns, std::size_t width);

} // namespace vendorcat::report
