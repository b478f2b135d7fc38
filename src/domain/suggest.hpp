#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::domain {

// The candidate closest to WANTED by case-insensitive edit distance, when it is
// close enough to be a plausible typo (or contains WANTED); nullopt otherwise.
std::optional<std::string> closest_match(std::string_view wanted, const std::vector<std::string>& candidates);

// " (did you mean 'X'?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);

// A case-folded copy of TEXT for case-insensitive keys: ASCII, Latin-1,
// Latin Extended-A, Greek and Cyrillic letters are lowered; the rest is kept.
std::string fold_case(std::string_view text);

} // namespace vendorcat::domain
