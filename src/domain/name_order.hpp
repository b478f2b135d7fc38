#pragma once

// The order of names as a person expects it: letter case and accents matter
// only between names that are otherwise equal, so `acme` sorts next to
// `Acme` and `Öresund` with the O's. The same order as PostgreSQL's
// `COLLATE "und-x-icu"`, so listings sort alike on both backends.

#include <string_view>

namespace vendorcat::domain {

// Negative, 0 or positive as A sorts before, with or after B: by the Unicode
// collation algorithm's root order (ICU's, tertiary strength: letters first,
// then accents, then case), and bytewise between names it finds equal, so the
// order is total (0 only for equal bytes). Text that is not UTF-8 is compared
// as ICU reads it (U+FFFD for a bad byte). Never fails.
int compare_names(std::string_view a, std::string_view b);

// compare_names as a less-than, for std::sort and std::map.
struct NameLess
{
  bool operator()(std::string_view a, std::string_view b) const { return compare_names(a, b) < 0; }
};

} // namespace vendorcat::domain
