#pragma once

// Records as tables, with the keys of the contract (CLI.md): `id`, then the
// import columns, a provider or service by its name or code.

#include "report/record.hpp"
#include "table/table.hpp"
#include "store/engagements.hpp"
#include "store/fx.hpp"
#include "store/locations.hpp"
#include "store/providers.hpp"
#include "store/spend.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vendorcat::cli {

// An optional text as a cell: null when absent.
table::Value optional_cell(const std::optional<std::string>& value);

// The first row of TABLE as a record's fields, keyed by the column keys.
report::Record record_of_row(const table::Table& table);

table::Table provider_table(const std::vector<store::Provider>& providers);
table::Table location_table(const std::vector<store::Location>& locations);
table::Table offering_table(const std::vector<store::Offering>& offerings);
table::Table engagement_table(const std::vector<store::Engagement>& engagements);
table::Table spend_table(const std::vector<store::SpendLine>& lines);
table::Table fx_table(const std::vector<store::FxRate>& rates);

} // namespace vendorcat::cli
