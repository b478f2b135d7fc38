#pragma once

// What `vendorcat import --help` and `vendorcat export --help` say below
// their flags, written from the one description of each kind (io/kinds), so
// that the help cannot name a column the import does not read.

#include <string>
#include <string_view>

namespace vendorcat::cli {

// The columns of KIND (the kind's name as given, `spend`), required ones
// first and marked `*`, in lines of at most 80 columns; for an empty or
// unknown KIND, every kind's columns and how to ask for one; without the
// last line break, which CLI11 adds. Never fails.
std::string import_footer(std::string_view kind);

// What `export --help` says of --spreadsheet-safe and the formats. Never
// fails.
std::string export_footer();

} // namespace vendorcat::cli
