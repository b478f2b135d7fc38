// UTF-8 per RFC 3629: a lead byte gives the length, continuation bytes
// carry six bits each, and the decoded value must be the shortest form, not
// a UTF-16 surrogate and at most U+10FFFF.

#include "domain/utf8.hpp"

#include <fmt/format.h>

namespace vendorcat::domain {

namespace {

bool is_continuation(unsigned char byte)
{
  return (byte & 0xC0U) == 0x80U;
}

void append_escape(std::string& out, char32_t code)
{
  if (code == '\n') {
    out += "\\n";
  } else if (code == '\r') {
    out += "\\r";
  } else if (code == '\t') {
    out += "\\t";
  } else if (code < 0x100) {
    out += fmt::format("\\x{:02x}", static_cast<unsigned>(code));
  } else {
    out += fmt::format("\\u{:04x}", static_cast<unsigned>(code));
  }
}

} // namespace

CodePoint decode_utf8(std::string_view text, std::size_t pos)
{
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80U) {
    return {lead, 1};
  }
  std::size_t length = 0;
  char32_t code = 0;
  char32_t smallest = 0;
  if ((lead & 0xE0U) == 0xC0U) {
    length = 2;
    code = lead & 0x1FU;
    smallest = 0x80;
  } else if ((lead & 0xF0U) == 0xE0U) {
    length = 3;
    code = lead & 0x0FU;
    smallest = 0x800;
  } else if ((lead & 0xF8U) == 0xF0U) {
    length = 4;
    code = lead & 0x07U;
    smallest = 0x10000;
  } else {
    return {};
  }
  if (pos + length > text.size()) {
    return {};
  }
  for (std::size_t i = 1; i < length; ++i) {
    const auto byte = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(byte)) {
      return {};
    }
    code = (code << 6U) | (byte & 0x3FU);
  }
  if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    return {};
  }
  return {code, length};
}

std::optional<std::string> text_problem(std::string_view text)
{
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (text[pos] == '\0') {
      return fmt::format("contains a NUL byte (at position {})", pos + 1);
    }
    const auto decoded = decode_utf8(text, pos);
    if (decoded.length == 0) {
      return fmt::format("not valid UTF-8 (byte 0x{:02X} at position {})",
                         static_cast<unsigned char>(text[pos]), pos + 1);
    }
    pos += decoded.length;
  }
  return std::nullopt;
}

bool is_terminal_control(char32_t code)
{
  return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x061C || code == 0x200E ||
         code == 0x200F || (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

std::string escape_for_terminal(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto decoded = decode_utf8(text, pos);
    if (decoded.length == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[pos]));
      ++pos;
      continue;
    }
    if (is_terminal_control(decoded.code)) {
      append_escape(out, decoded.code);
    } else {
      out.append(text.substr(pos, decoded.length));
    }
    pos += decoded.length;
  }
  return out;
}

std::string shorten(std::string_view text, std::size_t max_code_points)
{
  std::size_t pos = 0;
  std::size_t count = 0;
  std::size_t keep = 0; // bytes of the first max_code_points - 1 code points
  while (pos < text.size()) {
    if (count + 1 == max_code_points) {
      keep = pos;
    }
    if (++count > max_code_points) {
      return std::string(text.substr(0, keep)) + "\u2026";
    }
    const auto length = decode_utf8(text, pos).length;
    pos += length == 0 ? 1 : length;
  }
  return std::string(text);
}

} // namespace vendorcat::domain
