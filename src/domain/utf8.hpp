#pragma once

// UTF-8 text: strict decoding, validation of text that enters the catalogue,
// and the forms of text meant for a terminal (control and bidirectional
// characters escaped, long text shortened).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vendorcat::domain {

struct CodePoint
{
  char32_t code = 0;
  std::size_t length = 0; // bytes; 0 when the bytes are not valid UTF-8
};

// The code point that starts at TEXT[POS] (POS < TEXT.size()). Strict UTF-8:
// overlong forms, surrogates and values above U+10FFFF are invalid (length
// 0). Never fails.
CodePoint decode_utf8(std::string_view text, std::size_t pos);

// What is wrong with TEXT as a value to store, or nullopt when it is valid
// UTF-8 without NUL bytes, e.g. "not valid UTF-8 (byte 0xFF at position 4)".
// Never fails.
std::optional<std::string> text_problem(std::string_view text);

// TEXT made safe to show on a terminal: C0 and C1 control characters and DEL
// become `\x1b`-style escapes (`\n`, `\r` and `\t` too), the bidirectional
// formatting characters (U+061C, U+200E, U+200F, U+202A..U+202E,
// U+2066..U+2069) become `\u202e`-style escapes, and bytes that are not valid
// UTF-8 become `\xff`; everything else is kept. Never fails.
std::string escape_for_terminal(std::string_view text);

// True when CODE is a control or bidirectional formatting character that
// escape_for_terminal escapes. Never fails.
bool is_terminal_control(char32_t code);

// TEXT cut to at most MAX_CODE_POINTS code points, the cut marked with `…`
// (which counts as one). Never fails.
std::string shorten(std::string_view text, std::size_t max_code_points);

} // namespace vendorcat::domain
