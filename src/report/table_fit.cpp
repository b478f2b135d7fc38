// Fitting columns to a width: drop from the right until the columns that are
// left fit at their minimum widths, then give the space left to the leftmost
// first, as the columns of every table come most important first (a
// listing's name before its notes).

#include "report/table_fit.hpp"

#include <algorithm>
#include <numeric>

namespace vendorcat::report {

namespace {

std::size_t total(const std::vector<std::size_t>& widths)
{
  const auto sum = std::accumulate(widths.begin(), widths.end(), std::size_t{0});
  return widths.empty() ? 0 : sum + column_gap * (widths.size() - 1);
}

} // namespace

std::vector<std::size_t> fit_columns(const std::vector<ColumnSpan>& columns, std::size_t width)
{
  std::vector<std::size_t> natural;
  natural.reserve(columns.size());
  for (const auto& column : columns) {
    natural.push_back(column.natural);
  }
  if (width == 0 || total(natural) <= width) {
    return natural;
  }
  // The leftmost columns that fit at their minimum widths.
  std::vector<ColumnSpan> kept;
  std::size_t used = 0;
  for (const auto& column : columns) {
    const std::size_t needed = column.minimum + (kept.empty() ? 0 : column_gap);
    if (used + needed > width) {
      break;
    }
    used += needed;
    kept.push_back(column);
  }
  if (kept.empty()) {
    return {std::max<std::size_t>(std::min(columns.front().natural, width), 1)};
  }
  // The space left goes to the leftmost first, each up to its natural width.
  std::vector<std::size_t> widths;
  widths.reserve(kept.size());
  for (const auto& column : kept) {
    widths.push_back(column.minimum);
  }
  std::size_t spare = width - total(widths);
  for (std::size_t i = 0; i < widths.size() && spare > 0; ++i) {
    const std::size_t grow = std::min(spare, kept[i].natural - widths[i]);
    widths[i] += grow;
    spare -= grow;
  }
  return widths;
}

} // namespace vendorcat::report
