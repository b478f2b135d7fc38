#include "domain/ascii.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vendorcat::domain {

bool ascii_is_digit(char c)
{
  return c >= '0' && c <= '9';
}

bool ascii_is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool ascii_all_digits(std::string_view text)
{
  return !text.empty() && std::all_of(text.begin(), text.end(), ascii_is_digit);
}

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
