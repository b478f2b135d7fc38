// The CSV renderer (RFC 4180, `\n` line ends) and the field writer that the
// export code reuses.

#include "domain/errors.hpp"
#include "report/render.hpp"

#include <fmt/format.h>

#include <ostream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace vendorcat::report {

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

std::string cell_text(const Value& value)
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

void render_csv(const Table& table, std::ostream& out)
{
  check_shape(table);
  // With a single column an empty field would make a blank line, which CSV
  // readers skip; writing it as "" keeps the record.
  const bool single_column = table.columns.size() == 1;
  const auto write_line = [&](const auto& fields) {
    bool first = true;
    for (const auto& field : fields) {
      if (!first) {
        out << ',';
      }
      first = false;
      if (single_column && field.empty()) {
        out << "\"\"";
      } else {
        write_csv_field(out, field);
      }
    }
    out << '\n';
  };

  std::vector<std::string> fields;
  fields.reserve(table.columns.size());
  for (const auto& column : table.columns) {
    fields.push_back(column.key);
  }
  write_line(fields);
  for (const auto& row : table.rows) {
    fields.clear();
    for (const auto& value : row) {
      fields.push_back(cell_text(value));
    }
    write_line(fields);
  }
  if (!out) {
    throw IoError("could not write the CSV report");
  }
}

} // namespace vendorcat::report
