#pragma once

// Files compiled into the binary: migrations/, seed/reference/ and seed/demo/.

#include <string_view>
#include <vector>

namespace vendorcat::store {

struct EmbeddedFile
{
  std::string_view path; // relative to the source tree, e.g. "migrations/0001_initial.sql"
  std::string_view content;
};

// Every embedded file, sorted by path.
const std::vector<EmbeddedFile>& embedded_files();

// The content of the embedded file at PATH; throws Error when there is none.
std::string_view embedded_file(std::string_view path);

} // namespace vendorcat::store
