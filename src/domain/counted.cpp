#include "domain/counted.hpp"

#include <fmt/format.h>

namespace vendorcat::domain {

std::string grouped(std::int64_t count)
{
  const auto digits = std::to_string(count);
  std::string text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') {
      text += ',';
    }
    text += digits[i];
  }
  return text;
}

std::string counted(std::int64_t count, std::string_view one, std::string_view many)
{
  return fmt::format("{} {}", grouped(count), count == 1 ? one : many);
}

std::string counted(std::int64_t count, std::string_view one)
{
  return count == 1 ? counted(count, one, one) : fmt::format("{} {}s", grouped(count), one);
}

} // namespace vendorcat::domain
