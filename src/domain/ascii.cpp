#include "domain/ascii.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vendorcat::domain {

namespace {

char lower(char c)
{
  if (c >= 'A' && c <= 'Z') {
    return static_cast<char>(c - 'A' + 'a');
  }
  return c;
}

} // namespace

std::string ascii_lower(std::string_view text)
{
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(), lower);
  return result;
}

bool ascii_iequals(std::string_view a, std::string_view b)
{
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

int ascii_digits_value(std::string_view digits)
{
  if (digits.size() > 9 || !ascii_all_digits(digits)) {
    throw Error(fmt::format("expected 1 to 9 ASCII digits, got '{}'", digits));
  }
  int value = 0;
  for (const char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string trim(std::string_view text)
{
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

} // namespace vendorcat::domain
