#pragma once

// Volumes an engagement delivers: quantities as exact integer counts of
// thousandths (a quantity has at most 3 decimals, so sums never round), and
// the units they are counted in.

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace vendorcat::domain {

// What a volume counts: full-time equivalents, hours, transactions or cases.
enum class VolumeUnit
{
  fte,
  hours,
  transactions,
  cases,
};

// Every unit, in the order messages and listings name them.
inline constexpr VolumeUnit all_volume_units[] = {VolumeUnit::fte, VolumeUnit::hours,
                                                  VolumeUnit::transactions, VolumeUnit::cases};

// The unit named by TEXT (`fte`, `hours`, `transactions`, `cases`, any case);
// throws ValidationError listing the allowed values otherwise.
VolumeUnit parse_volume_unit(std::string_view text);

// `fte`, `hours`, `transactions` or `cases`; never fails.
std::string_view to_string(VolumeUnit unit);

// The decimals a quantity may have, and one unit in thousandths.
inline constexpr int quantity_digits = 3;
inline constexpr std::int64_t quantity_scale = 1000;

// The largest quantity, in thousandths: 999999999999.999 (below 2^53, so exact
// in any JSON reader, and thousands of them still sum in 64 bits).
inline constexpr std::int64_t max_quantity = 999'999'999'999'999;

// The plain decimal TEXT (`12`, `2.5`, `0.125`) as a count of thousandths
// (2500 for `2.5`). Throws ValidationError naming the value for a negative
// number, more than 3 decimals, a sign, spaces, separators, exponents, a
// value above max_quantity or any other text.
std::int64_t parse_quantity(std::string_view text);

// THOUSANDTHS as the shortest exact decimal: 2500 is `2.5`, 12000 is `12`,
// 1 is `0.001`, 0 is `0`; a negative count (a programming error) gets a
// minus sign. Never fails.
std::string format_quantity(std::int64_t thousandths);

} // namespace vendorcat::domain

template<>
struct fmt::formatter<vendorcat::domain::VolumeUnit> : fmt::formatter<std::string_view>
{
  auto format(vendorcat::domain::VolumeUnit unit, format_context& ctx) const
  {
    return formatter<std::string_view>::format(to_string(unit), ctx);
  }
};
