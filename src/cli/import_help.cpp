// The footers of `import --help` and `export --help`. The column lists come
// from io::column_summary, wrapped at 80 columns.

#include "cli/import_help.hpp"

#include "io/kind.hpp"

#include <fmt/format.h>

#include <optional>
#include <vector>

namespace vendorcat::cli {

namespace {

constexpr std::size_t width = 80;

// TEXT, a list of comma-separated words, wrapped after WIDTH columns: the
// first line starts with FIRST, the others with as many spaces.
std::string wrapped(const std::string& first, const std::string& text)
{
  const std::string indent(first.size(), ' ');
  std::string out = first;
  std::size_t column = first.size();
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    end = end == std::string::npos ? text.size() : end;
    const auto word = text.substr(start, end - start);
    if (column > indent.size() && column + 1 + word.size() > width) {
      out += "\n" + indent;
      column = indent.size();
    } else if (column > indent.size()) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    start = end + 1;
  }
  return out + "\n";
}

std::optional<io::Kind> known_kind(std::string_view text)
{
  for (const auto kind : io::all_kinds()) {
    if (io::to_string(kind) == text) {
      return kind;
    }
  }
  return std::nullopt;
}

constexpr std::string_view files_text =
  "Files: CSV with a header row (columns in any order, names matched ignoring\n"
  "letter case and surrounding spaces), JSON (.json: an array of objects) or\n"
  "JSON Lines (.jsonl). --delimiter ';' or --delimiter tab reads CSV that a\n"
  "spreadsheet wrote in a locale with a decimal comma; amounts, rates and\n"
  "quantities are still written with a point (1234.50). Booleans are true or\n"
  "false (JSON booleans in JSON).\n";

} // namespace

std::string import_footer(std::string_view kind)
{
  std::string text(files_text);
  if (const auto known = known_kind(kind)) {
    text += fmt::format("\nColumns of {} (required first, marked *):\n", kind);
    text += wrapped("  ", io::column_summary(*known));
    text.pop_back(); // CLI11 ends the help with a line break of its own
    return text;
  }
  text += "\nColumns of each kind (required first, marked *; 'vendorcat import KIND\n"
          "--help' shows one kind's):\n";
  for (const auto each : io::all_kinds()) {
    text += wrapped(fmt::format("  {:<13}", io::to_string(each)), io::column_summary(each));
  }
  text.pop_back(); // CLI11 ends the help with a line break of its own
  return text;
}

std::string export_footer()
{
  return "Writes csv (the default), json or jsonl, with the columns that 'vendorcat\n"
         "import KIND --help' lists; booleans are true or false (JSON booleans in\n"
         "json and jsonl). --spreadsheet-safe puts a ' before every text cell that\n"
         "starts with =, +, -, @, a tab or a carriage return, so that a spreadsheet\n"
         "does not run it as a formula. Only text columns change: amounts, rates,\n"
         "quantities and whole numbers (-80.00) and booleans stay as they are. Such a\n"
         "file is for reading; a plain export is exact and imports back as it was.";
}

} // namespace vendorcat::cli
