#pragma once

// Records as tables, with the keys of the contract (CLI.md): `id`, then the
// import columns, a provider or service by its name or code.

#include "report/record.hpp"
#include "report/table.hpp"
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
report::Value optional_cell(const std::optional<std::string>& value);

// The first row of TABLE as a record's fields, keyed by the column keys.
report::Record record_of_row(const report::Table& table);

report::Table provider_table(const std::vector<store::Provider>& providers);
report::Table location_table(const std::vector<store::Location>& locations);
report::Table offering_table(const std::vector<store::Offering>& offerings);
report::Table engagement_table(const std::vector<store::Engagement>& engagements);
report::Table spend_table(const std::vector<store::SpendLine>& lines);
report::Table fx_table(const std::vector<store::FxRate>& rates);

} // namespace vendorcat::cli
