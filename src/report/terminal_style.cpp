// Cell tones and their ANSI escapes (SGR: bold 1, red 31, green 32, yellow
// 33, reset 0). The escapes take no column, so callers pad by the text's
// display width and style the text alone.

#include "report/terminal_style.hpp"

#include <array>
#include <utility>

namespace vendorcat::report {

namespace {

constexpr std::array<std::pair<std::string_view, Tone>, 11> state_tones{{
  {"over", Tone::bad},
  {"overdue", Tone::bad},
  {"notice-missed", Tone::bad},
  {"terminated", Tone::bad},
  {"high", Tone::bad},
  {"at-risk", Tone::warning},
  {"notice-due", Tone::warning},
  {"medium", Tone::warning},
  {"ok", Tone::good},
  {"active", Tone::good},
  {"low", Tone::good},
}};

bool is_state_column(std::string_view key)
{
  return key == "status" || key == "state" || key == "risk";
}

} // namespace

Tone cell_tone(std::string_view key, table::Align align, std::string_view text)
{
  if (align == table::Align::right) {
    const bool negative = text.size() > 1 && text[0] == '-' && text[1] >= '0' && text[1] <= '9';
    return negative ? Tone::bad : Tone::plain;
  }
  if (!is_state_column(key)) {
    return Tone::plain;
  }
  for (const auto& [state, tone] : state_tones) {
    if (text == state) {
      return tone;
    }
  }
  return Tone::plain;
}

std::string styled(std::string_view text, Tone tone)
{
  std::string_view start;
  switch (tone) {
  case Tone::plain:
    return std::string(text);
  case Tone::heading:
    start = "\x1b[1m";
    break;
  case Tone::bad:
    start = "\x1b[31m";
    break;
  case Tone::warning:
    start = "\x1b[33m";
    break;
  case Tone::good:
    start = "\x1b[32m";
    break;
  }
  if (text.empty()) {
    return {};
  }
  std::string result(start);
  result += text;
  result += "\x1b[0m";
  return result;
}

} // namespace vendorcat::report
