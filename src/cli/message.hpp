#pragma once

// Messages for people on stderr: one line, nothing that can drive the
// terminal, and bounded however long the input they quote.

#include <string>
#include <string_view>

namespace vendorcat::cli {

// The longest quoted value a message shows whole, and the longest message.
inline constexpr std::size_t max_quoted_code_points = 80;
inline constexpr std::size_t max_message_code_points = 1000;

// MESSAGE ready to print: quoted values ('...') longer than
// max_quoted_code_points shortened with `…`, control and bidirectional
// characters escaped (line breaks too, so it stays one line), and the whole
// cut to max_message_code_points. Never fails.
std::string printable_message(std::string_view message);

} // namespace vendorcat::cli
