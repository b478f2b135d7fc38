#include "domain/counted.hpp"

#include "domain/amount.hpp"

#include <fmt/format.h>

namespace vendorcat::domain {

std::string grouped(std::int64_t count)
{
  return group_thousands(std::to_string(count));
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
