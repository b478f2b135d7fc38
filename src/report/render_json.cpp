// Cells, rows and records as JSON, built on nlohmann::ordered_json so keys
// keep the column order.

#include "domain/errors.hpp"
#include "report/record.hpp"
#include "report/render.hpp"
#include "report/render_json_cell.hpp"
#include "table/text.hpp"

#include <nlohmann/json.hpp>

#include <ostream>
#include <type_traits>

namespace vendorcat::report {

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

ordered_json row_json(const std::vector<table::Column>& columns, const std::vector<table::Value>& row)
{
  ordered_json object = ordered_json::object();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto* text = std::get_if<std::string>(&row[i]);
    if (columns[i].content == table::Content::json && text != nullptr) {
      auto value = ordered_json::parse(*text, nullptr, false);
      object[columns[i].key] = value.is_discarded() ? ordered_json(*text) : std::move(value);
    } else {
      object[columns[i].key] = cell_json(row[i]);
    }
  }
  return object;
}

std::string dump_json(const ordered_json& json, int indent)
{
  return json.dump(indent, ' ', false, ordered_json::error_handler_t::replace);
}

void render_record_json(const Record& record, std::ostream& out, int indent)
{
  ordered_json object = ordered_json::object();
  for (const auto& [key, value] : record.fields) {
    object[key] = cell_json(value);
  }
  if (!record.notes.empty()) {
    object["explanations"] = record.notes;
  }
  for (const auto& section : record.sections) {
    table::check_shape(section.table);
    ordered_json rows = ordered_json::array();
    for (const auto& row : section.table.rows) {
      if (section.shape == SectionShape::values) {
        rows.push_back(row.empty() ? ordered_json() : cell_json(row.front()));
      } else {
        rows.push_back(row_json(section.table.columns, row));
      }
    }
    object[section.name] = rows;
  }
  out << dump_json(object, indent) << '\n';
  if (!out) {
    throw IoError("could not write the JSON record");
  }
}

} // namespace vendorcat::report
