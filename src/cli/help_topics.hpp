#pragma once

// The texts of `vendorcat help TOPIC` beside bpo-kpo: each explains one part
// of the domain in the product's words (README.md, CLI.md), in lines of at
// most 80 columns, taking its lists and numbers from the code that defines
// them. None fails.

#include <string>

namespace vendorcat::cli {

// Onshore, nearshore and offshore, and how an engagement's model is derived.
std::string delivery_models_topic();

// Exact amounts, currencies, exchange rates and rounding.
std::string money_topic();

// The import kinds and files, all or nothing, batches, --again and undo.
std::string import_topic();

// Current terms, notice deadlines and the states of `report renewals`.
std::string renewals_topic();

// A catalogue in a file or on a PostgreSQL server, and moving between them.
std::string backends_topic();

} // namespace vendorcat::cli
