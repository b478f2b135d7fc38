#pragma once

// The table layout for where stdout goes: a person's terminal gets tables
// that fit its width, in colour; a pipe or a file the full plain table.

#include "report/render.hpp"

#include <cstddef>
#include <optional>

namespace vendorcat::cli {

// What the environment says about stdout.
struct TerminalFacts
{
  bool is_terminal = false;                // stdout is a terminal
  const char* columns = nullptr;           // $COLUMNS, when set
  std::optional<std::size_t> window_width; // the terminal's columns, when it tells
  bool no_color = false;                   // $NO_COLOR is set, to anything (even empty)
  bool dumb = false;                       // $TERM is `dumb`
};

// The layout for FACTS: none for anything but a terminal; else the width of
// $COLUMNS when it is a positive integer, else the terminal's (80 when it
// does not tell), or no limit when WIDE (--wide); colour unless NO_COLOR or a
// dumb terminal. Never fails.
report::TableLayout choose_layout(const TerminalFacts& facts, bool wide);

// The facts of this process's stdout and environment.
TerminalFacts stdout_facts();

} // namespace vendorcat::cli
