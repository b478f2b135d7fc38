#pragma once

// Counts in messages, with the noun that agrees with them: `1 spend line`,
// `2 spend lines`, `1,234,567 created`. Every message that counts something
// says it through these, so that none says `1 engagements`.

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

namespace vendorcat::domain {

// COUNT with thousands separators: 1234567 as `1,234,567`, -1234 as
// `-1,234`. Never fails.
std::string grouped(std::int64_t count);

// COUNT, grouped, then ONE when it is 1 and MANY otherwise:
// counted(1, "engagement refers", "engagements refer") is `1 engagement
// refers`, counted(0, "spend line", "spend lines") is `0 spend lines`.
// Never fails.
std::string counted(std::int64_t count, std::string_view one, std::string_view many);

// counted() of a noun whose plural adds an `s`: counted(2, "error") is
// `2 errors`. Never fails.
std::string counted(std::int64_t count, std::string_view one);

// The same for any integer type (counts are far below 2^63).
template<std::integral T>
std::string grouped(T count)
{
  return grouped(static_cast<std::int64_t>(count));
}
template<std::integral T>
std::string counted(T count, std::string_view one, std::string_view many)
{
  return counted(static_cast<std::int64_t>(count), one, many);
}
template<std::integral T>
std::string counted(T count, std::string_view one)
{
  return counted(static_cast<std::int64_t>(count), one);
}

} // namespace vendorcat::domain
