#pragma once

// Records as tables, with the keys of the contract (CLI.md): `id`, then the
// kind's columns as its one description (io/kinds.hpp) gives them.

#include "io/kinds.hpp"
#include "report/record.hpp"
#include "table/table.hpp"

#include <vector>

namespace vendorcat::cli {

// The first row of TABLE as a record's fields, keyed by the column keys.
report::Record record_of_row(const table::Table& table);

inline table::Table provider_table(const std::vector<store::Provider>& rows)
{
  return io::table_of(io::providers_kind(), rows);
}
inline table::Table location_table(const std::vector<store::Location>& rows)
{
  return io::table_of(io::locations_kind(), rows);
}
inline table::Table service_table(const std::vector<store::Service>& rows)
{
  return io::table_of(io::services_kind(), rows);
}
inline table::Table offering_table(const std::vector<store::Offering>& rows)
{
  return io::table_of(io::offerings_kind(), rows);
}
inline table::Table engagement_table(const std::vector<store::Engagement>& rows)
{
  return io::table_of(io::engagements_kind(), rows);
}
inline table::Table spend_table(const std::vector<store::SpendLine>& rows)
{
  return io::table_of(io::spend_kind(), rows);
}
inline table::Table fx_table(const std::vector<store::FxRate>& rows)
{
  return io::table_of(io::fx_kind(), rows);
}

} // namespace vendorcat::cli
