// "Did you mean" suggestions and case folding for names. Folding works on
// UTF-8 code points and covers the scripts vendor names are usually written
// in; anything else compares as written.

#include "domain/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vendorcat::domain {

namespace {

std::u32string decode(std::string_view text)
{
  std::u32string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    int extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0;
    char32_t cp = extra == 0 ? byte : byte & (0x3Fu >> extra);
    ++i;
    for (; extra > 0 && i < text.size(); --extra, ++i) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i]) & 0x3Fu);
    }
    out.push_back(cp);
  }
  return out;
}

void encode(char32_t cp, std::string& out)
{
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

char32_t lower(char32_t cp)
{
  if ((cp >= U'A' && cp <= U'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) {
    return cp + 0x20;
  }
  if (cp >= 0x100 && cp <= 0x17F && cp != 0x130 && cp != 0x138 && cp != 0x149 && cp != 0x17F) {
    // Latin Extended-A alternates upper/lower, with a shift between 0x139 and 0x148
    // and between 0x179 and 0x17E.
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    const bool is_upper = odd_upper ? (cp % 2 == 1) : (cp % 2 == 0);
    return is_upper ? cp + 1 : cp;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) {
    return cp + 0x20;
  }
  if (cp >= 0x410 && cp <= 0x42F) {
    return cp + 0x20;
  }
  if (cp >= 0x400 && cp <= 0x40F) {
    return cp + 0x50;
  }
  return cp;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b)
{
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

} // namespace

std::string fold_case(std::string_view text)
{
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string ascii(text);
    for (auto& c : ascii) {
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
      }
    }
    return ascii;
  }
  std::string out;
  out.reserve(text.size());
  for (const char32_t cp : decode(text)) {
    encode(lower(cp), out);
  }
  return out;
}

std::optional<std::string> closest_match(std::string_view wanted, const std::vector<std::string>& candidates)
{
  const auto target = decode(fold_case(wanted));
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : candidates) {
    const auto folded = decode(fold_case(candidate));
    std::size_t distance = edit_distance(target, folded);
    if (!target.empty() && folded.find(target) != std::u32string::npos) {
      distance = std::min<std::size_t>(distance, 1);
    }
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  const std::size_t limit = std::max<std::size_t>(2, target.size() / 3);
  if (best && best_distance <= limit) {
    return best;
  }
  return std::nullopt;
}

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates)
{
  const auto match = closest_match(wanted, candidates);
  return match ? fmt::format(" (did you mean '{}'?)", *match) : std::string();
}

} // namespace vendorcat::domain
