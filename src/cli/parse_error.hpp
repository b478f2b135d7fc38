#pragma once

// What was wrong with a command line CLI11 refused, said in the house form.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace vendorcat::cli {

// The message for ERROR, which parsing ARGS (the words after the program's
// name) with ROOT threw: one lower-case line without the `vendorcat: error:`
// prefix. An unknown command or flag is named with the closest one of the
// command tree (`unknown command 'provder' (did you mean 'provider'?)`), a
// missing command lists the choices, and CLI11's own messages are rewritten;
// each ends with a hint naming the command's own help (`(see 'vendorcat
// report renewals --help')`), except an unknown command that has a
// suggestion. Never fails.
std::string parse_error_message(const CLI::App& root, const CLI::ParseError& error,
                                const std::vector<std::string>& args);

} // namespace vendorcat::cli
