#include "io/record.hpp"

namespace vendorcat::io {

std::string RecordReader::location(std::size_t line) const
{
  return "line " + std::to_string(line);
}

std::optional<std::size_t> RecordReader::find_column(std::string_view name) const
{
  const auto& names = columns();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) {
      return i;
    }
  }
  return std::nullopt;
}

} // namespace vendorcat::io
