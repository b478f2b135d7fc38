#include "table/text.hpp"

#include <fmt/format.h>

#include <cmath>
#include <ostream>
#include <type_traits>
#include <variant>

namespace vendorcat::table {

namespace {

// VALUE with at most 4 decimals and no trailing zeros: 0.75, 0.7778, 1.
std::string ratio_text(double value)
{
  std::string text = fmt::format("{:.4f}", round_ratio(value));
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') {
      text.pop_back();
    }
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return text;
}

bool needs_quotes(std::string_view field)
{
  if (field.find_first_of(",\"\r\n") != std::string_view::npos) {
    return true;
  }
  if (field.empty()) {
    return false;
  }
  const char first = field.front();
  const char last = field.back();
  return first == ' ' || first == '\t' || last == ' ' || last == '\t';
}

} // namespace

double round_ratio(double value)
{
  if (!std::isfinite(value) || std::fabs(value) >= 1e15) {
    return value;
  }
  // 10000 and the rounded numerator are exact, so the quotient is the double
  // nearest the 4-decimal value and prints back as exactly those decimals.
  const double rounded = std::round(value * 10000.0) / 10000.0;
  return rounded == 0.0 ? 0.0 : rounded;
}

std::string plain_text(const Value& value)
{
  return std::visit(
    [](const auto& cell) -> std::string {
      using T = std::decay_t<decltype(cell)>;
      if constexpr (std::is_same_v<T, std::monostate>) {
        return {};
      } else if constexpr (std::is_same_v<T, std::string>) {
        return cell;
      } else if constexpr (std::is_same_v<T, bool>) {
        return cell ? "true" : "false";
      } else if constexpr (std::is_same_v<T, double>) {
        return ratio_text(cell);
      } else {
        return std::to_string(cell);
      }
    },
    value);
}

void write_csv_field(std::ostream& out, std::string_view field)
{
  if (!needs_quotes(field)) {
    out << field;
    return;
  }
  out << '"';
  for (const char c : field) {
    if (c == '"') {
      out << '"';
    }
    out << c;
  }
  out << '"';
}

} // namespace vendorcat::table
