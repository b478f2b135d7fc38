// The CSV renderer (RFC 4180, `\n` line ends), over the plain-text cells and
// field writer that exports share (table/text.hpp).

#include "domain/errors.hpp"
#include "report/render.hpp"
#include "table/text.hpp"

#include <fmt/format.h>

#include <ostream>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace vendorcat::report {

void render_csv(const table::Table& table, std::ostream& out)
{
  table::check_shape(table);
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
        table::write_csv_field(out, field);
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
      fields.push_back(table::plain_text(value));
    }
    write_line(fields);
  }
  if (!out) {
    throw IoError("could not write the CSV report");
  }
}

} // namespace vendorcat::report
