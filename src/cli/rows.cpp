#include "cli/rows.hpp"

namespace vendorcat::cli {

report::Record record_of_row(const table::Table& table)
{
  report::Record record;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    record.fields.emplace_back(table.columns[i].key, table.rows.at(0)[i]);
  }
  return record;
}

} // namespace vendorcat::cli
