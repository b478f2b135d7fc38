#include "store/embedded.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

std::string_view embedded_file(std::string_view path)
{
  for (const auto& file : embedded_files()) {
    if (file.path == path) {
      return file.content;
    }
  }
  throw Error(fmt::format("no embedded file '{}'", path));
}

} // namespace vendorcat::store
