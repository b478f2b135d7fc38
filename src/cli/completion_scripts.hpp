#pragma once

// The completion scripts for bash, zsh and fish, written from the command
// tree (cli/command_tree.hpp).

#include "cli/command_tree.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::cli {

// The shells completion_script() writes for.
inline constexpr std::string_view completion_shells[] = {"bash", "zsh", "fish"};

// The script for SHELL (one of completion_shells) that completes the commands
// of SPECS: verbs, flags, the choices of an option and, by running the
// program being completed (`vendorcat [--db DB] completion names KIND`), the
// names in the catalogue; file names where a file is wanted.
std::string completion_script(std::string_view shell, const std::vector<CommandSpec>& specs);

} // namespace vendorcat::cli
