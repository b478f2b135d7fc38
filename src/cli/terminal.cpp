// The environment read for the table layout: isatty and TIOCGWINSZ on
// stdout, $COLUMNS, $NO_COLOR (https://no-color.org: set to anything, even
// empty, it turns colour off) and $TERM. The choice itself is a pure
// function, tested on its own.

#include "cli/terminal.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <sys/ioctl.h>

namespace vendorcat::cli {

namespace {

constexpr std::size_t default_width = 80;

// TEXT as a positive integer of at most 5 digits, or nullopt.
std::optional<std::size_t> positive(const char* text)
{
  if (text == nullptr) {
    return std::nullopt;
  }
  const std::string_view digits(text);
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size() || digits.size() > 5 || value == 0) {
    return std::nullopt;
  }
  return value;
}

} // namespace

report::TableLayout choose_layout(const TerminalFacts& facts, bool wide)
{
  report::TableLayout layout;
  if (!facts.is_terminal) {
    return layout;
  }
  layout.colour = !facts.no_color && !facts.dumb;
  if (!wide) {
    layout.width = positive(facts.columns).value_or(facts.window_width.value_or(default_width));
  }
  return layout;
}

TerminalFacts stdout_facts()
{
  TerminalFacts facts;
  facts.is_terminal = ::isatty(STDOUT_FILENO) == 1;
  if (!facts.is_terminal) {
    return facts;
  }
  facts.columns = std::getenv("COLUMNS");
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    facts.window_width = size.ws_col;
  }
  facts.no_color = std::getenv("NO_COLOR") != nullptr;
  const char* term = std::getenv("TERM");
  facts.dumb = term != nullptr && std::strcmp(term, "dumb") == 0;
  return facts;
}

} // namespace vendorcat::cli
