// Text in terminal columns: display_width, a small UTF-8 decoder with a
// simplified East Asian width table (after Markus Kuhn's wcwidth), enough to
// keep `Kraków` and `株式会社テスト` aligned in a terminal; and text cut or
// wrapped to a number of columns, on code point boundaries, for the table
// format fitted to a terminal.

#include "domain/utf8.hpp"
#include "report/render.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace vendorcat::report {

namespace {

struct CodeRange
{
  char32_t first;
  char32_t last;
};

// Combining marks and zero-width characters: they take no column.
constexpr std::array<CodeRange, 13> zero_width_ranges{{
  {0x0300, 0x036F}, // combining diacritical marks
  {0x0483, 0x0489}, // Cyrillic combining marks
  {0x0591, 0x05BD}, // Hebrew points
  {0x0610, 0x061A}, // Arabic marks
  {0x064B, 0x065F}, // Arabic vowel marks
  {0x1160, 0x11FF}, // Hangul medial vowels and final consonants
  {0x1AB0, 0x1AFF}, // combining diacritical marks extended
  {0x1DC0, 0x1DFF}, // combining diacritical marks supplement
  {0x200B, 0x200F}, // zero-width space, joiners, direction marks
  {0x20D0, 0x20FF}, // combining marks for symbols
  {0xFE00, 0xFE0F}, // variation selectors
  {0xFE20, 0xFE2F}, // combining half marks
  {0xFEFF, 0xFEFF}, // zero-width no-break space (byte-order mark)
}};

// East Asian wide and fullwidth characters: they take two columns.
constexpr std::array<CodeRange, 13> wide_ranges{{
  {0x1100, 0x115F},   // Hangul initial consonants
  {0x2329, 0x232A},   // angle brackets
  {0x2E80, 0x303E},   // CJK radicals, punctuation
  {0x3041, 0x33FF},   // kana, CJK compatibility
  {0x3400, 0x4DBF},   // CJK extension A
  {0x4E00, 0x9FFF},   // CJK unified ideographs
  {0xA000, 0xA4CF},   // Yi
  {0xAC00, 0xD7A3},   // Hangul syllables
  {0xF900, 0xFAFF},   // CJK compatibility ideographs
  {0xFE30, 0xFE4F},   // CJK compatibility forms
  {0xFF00, 0xFF60},   // fullwidth forms
  {0xFFE0, 0xFFE6},   // fullwidth signs
  {0x1F300, 0x1F64F}, // pictographs, emoticons
}};

bool in_ranges(char32_t code, const auto& ranges)
{
  for (const auto& range : ranges) {
    if (code >= range.first && code <= range.last) {
      return true;
    }
  }
  return false;
}

std::size_t code_point_width(char32_t code)
{
  if (in_ranges(code, zero_width_ranges)) {
    return 0;
  }
  if (in_ranges(code, wide_ranges) || (code >= 0x1F900 && code <= 0x1F9FF) ||
      (code >= 0x20000 && code <= 0x2FFFD) || (code >= 0x30000 && code <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

// The code point at TEXT[POS] and its bytes and columns (a byte that is
// not UTF-8 is one of each).
struct Glyph
{
  std::size_t length = 1;
  std::size_t width = 1;
};

Glyph glyph_at(std::string_view text, std::size_t pos)
{
  const auto [code, length] = domain::decode_utf8(text, pos);
  if (length == 0) {
    return {};
  }
  return {length, code_point_width(code)};
}

// The bytes of TEXT's longest start that takes at most WIDTH columns.
std::size_t prefix_within(std::string_view text, std::size_t width)
{
  std::size_t used = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto glyph = glyph_at(text, pos);
    if (used + glyph.width > width) {
      break;
    }
    used += glyph.width;
    pos += glyph.length;
  }
  return pos;
}

} // namespace

std::size_t display_width(std::string_view text)
{
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto glyph = glyph_at(text, pos);
    width += glyph.width;
    pos += glyph.length;
  }
  return width;
}

std::string cut_to_width(std::string_view text, std::size_t width)
{
  if (display_width(text) <= width) {
    return std::string(text);
  }
  if (width == 0) {
    return {};
  }
  std::string cut(text.substr(0, prefix_within(text, width - 1)));
  cut += "\u2026"; // …, one column
  return cut;
}

std::vector<std::string> wrap_to_width(std::string_view text, std::size_t width)
{
  std::vector<std::string> lines;
  if (width == 0 || display_width(text) <= width) {
    lines.emplace_back(text);
    return lines;
  }
  std::string line;
  std::size_t line_width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // The next word and the spaces before it.
    const auto word_start = text.find_first_not_of(' ', pos);
    if (word_start == std::string_view::npos) {
      break;
    }
    auto word_end = text.find(' ', word_start);
    if (word_end == std::string_view::npos) {
      word_end = text.size();
    }
    auto word = text.substr(word_start, word_end - word_start);
    const std::size_t spaces = line.empty() ? 0 : word_start - pos;
    const std::size_t word_width = display_width(word);
    if (line_width + spaces + word_width <= width) {
      line.append(spaces, ' ');
      line += word;
      line_width += spaces + word_width;
    } else {
      if (!line.empty()) {
        lines.push_back(std::move(line));
        line.clear();
      }
      // A word wider than a whole line is broken where the line ends.
      while (display_width(word) > width) {
        auto length = prefix_within(word, width);
        if (length == 0) { // a wide character in a line of one column
          length = glyph_at(word, 0).length;
        }
        lines.emplace_back(word.substr(0, length));
        word.remove_prefix(length);
      }
      line = std::string(word);
      line_width = display_width(word);
    }
    pos = word_end;
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(std::move(line));
  }
  return lines;
}

} // namespace vendorcat::report
