// The JSON and JSON Lines renderers, built on nlohmann::ordered_json so keys
// keep the column order.

#include "domain/errors.hpp"
#include "report/record.hpp"
#include "report/render.hpp"
#include "table/text.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <type_traits>

namespace vendorcat::report {

namespace {

using nlohmann::ordered_json;

ordered_json cell_json(const table::Value& value)
{
  return std::visit(
    [](const auto& cell) -> ordered_json {
      using T = std::decay_t<decltype(cell)>;
      if constexpr (std::is_same_v<T, std::monostate>) {
        return nullptr;
      } else if constexpr (std::is_same_v<T, double>) {
        return table::round_ratio(cell);
      } else {
        return cell;
      }
    },
    value);
}

ordered_json row_json(const table::Table& table, const std::vector<table::Value>& row)
{
  ordered_json object = ordered_json::object();
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    object[table.columns[i].key] = cell_json(row[i]);
  }
  return object;
}

std::string dump(const ordered_json& json, int indent)
{
  return json.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

} // namespace

void render_json(const table::Table& table, std::ostream& out)
{
  table::check_shape(table);
  ordered_json array = ordered_json::array();
  for (const auto& row : table.rows) {
    array.push_back(row_json(table, row));
  }
  out << dump(array, 2) << '\n';
  if (!out) {
    throw IoError("could not write the JSON report");
  }
}

void render_jsonl(const table::Table& table, std::ostream& out)
{
  table::check_shape(table);
  for (const auto& row : table.rows) {
    out << dump(row_json(table, row), -1) << '\n';
  }
  if (!out) {
    throw IoError("could not write the JSON Lines report");
  }
}

} // namespace vendorcat::report

namespace vendorcat::report {

void render_record_json(const Record& record, std::ostream& out, int indent)
{
  ordered_json object = ordered_json::object();
  for (const auto& [key, value] : record.fields) {
    object[key] = cell_json(value);
  }
  if (!record.notes.empty()) {
    object["explanations"] = record.notes;
  }
  for (const auto& [name, table] : record.sections) {
    table::check_shape(table);
    ordered_json rows = ordered_json::array();
    for (const auto& row : table.rows) {
      rows.push_back(row_json(table, row));
    }
    object[name] = rows;
  }
  out << dump(object, indent) << '\n';
  if (!out) {
    throw IoError("could not write the JSON record");
  }
}

} // namespace vendorcat::report
