#pragma once

// Records as tables, with the keys of the contract (CLI.md): `id`, then the
// kind's columns as its one description (io/kinds.hpp) gives them.

#include "cli/session.hpp"
#include "io/kinds.hpp"
#include "report/record.hpp"
#include "table/table.hpp"

#include <vector>

namespace vendorcat::cli {

// Writes each record EACH visits as a row of KIND's listing to SESSION's
// output, one at a time: EACH takes a visitor of one record.
template<typename Kind, typename Each>
void stream_records(Session& session, const Kind& kind, Each&& each)
{
  auto stream = session.rows(io::list_columns(kind));
  std::vector<table::Value> row;
  each([&](const auto& record) {
    io::list_row(kind, record, row);
    stream.add(row);
  });
  stream.finish();
}

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
