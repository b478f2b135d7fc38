#pragma once

// Cells and rows as JSON values, shared by the JSON renderers of tables,
// row streams and records. For report/ only.

#include "table/table.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vendorcat::report {

// VALUE as JSON: null, a string, an integer, a boolean, or a ratio rounded to
// 4 decimals.
nlohmann::ordered_json cell_json(const table::Value& value);

// ROW as an object keyed by the COLUMNS' keys, in column order.
nlohmann::ordered_json row_json(const std::vector<table::Column>& columns,
                                const std::vector<table::Value>& row);

// JSON as text, INDENT spaces deep (-1: on one line); text that is not UTF-8
// is shown with U+FFFD.
std::string dump_json(const nlohmann::ordered_json& json, int indent);

} // namespace vendorcat::report
