// Audit rows are built from the table's own columns (SELECT *), so a new
// column is audited without touching this file. Updates keep only the fields
// whose value changed. Text that is not UTF-8 (a Latin-1 CSV cell) is written
// with U+FFFD in place of each bad byte, as export does, rather than failing
// the change it records.

#include "store/audit.hpp"

#include "domain/errors.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>

namespace vendorcat::store {

namespace {

using Json = nlohmann::ordered_json;

std::string json_text(const Json& json)
{
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void write_entry(Catalogue& catalogue, const std::string& table, std::optional<std::int64_t> id,
                 const std::string& action, const Json& before, const Json& after)
{
  SQLite::Statement insert(catalogue.db(),
                           "INSERT INTO audit_log (at, entity, entity_id, action, before, after) "
                           "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, ?)");
  insert.bind(1, table);
  if (id) {
    insert.bind(2, *id);
  }
  insert.bind(3, action);
  if (!before.is_null()) {
    insert.bind(4, json_text(before));
  }
  if (!after.is_null()) {
    insert.bind(5, json_text(after));
  }
  insert.exec();
}

bool is_timestamp(const std::string& key)
{
  return key == "created_at" || key == "updated_at";
}

} // namespace

std::string row_snapshot(Catalogue& catalogue, const std::string& table, std::int64_t id)
{
  SQLite::Statement query(catalogue.db(), fmt::format("SELECT * FROM \"{}\" WHERE id = ?", table));
  query.bind(1, id);
  if (!query.executeStep()) {
    throw NotFound(fmt::format("no {} with id {}", table, id));
  }
  Json row = Json::object();
  for (int i = 0; i < query.getColumnCount(); ++i) {
    const auto column = query.getColumn(i);
    const std::string name = query.getColumnName(i);
    if (column.isNull()) {
      row[name] = nullptr;
    } else if (column.isInteger()) {
      row[name] = column.getInt64();
    } else {
      row[name] = column.getString();
    }
  }
  return json_text(row);
}

void audit_insert(Catalogue& catalogue, const std::string& table, std::int64_t id)
{
  write_entry(catalogue, table, id, "insert", nullptr, Json::parse(row_snapshot(catalogue, table, id)));
}

void audit_update(Catalogue& catalogue, const std::string& table, std::int64_t id,
                  const std::string& before)
{
  const auto old_row = Json::parse(before);
  const auto new_row = Json::parse(row_snapshot(catalogue, table, id));
  Json old_fields = Json::object();
  Json new_fields = Json::object();
  for (const auto& [key, value] : new_row.items()) {
    if (!is_timestamp(key) && old_row.value(key, Json()) != value) {
      old_fields[key] = old_row.value(key, Json());
      new_fields[key] = value;
    }
  }
  if (!new_fields.empty()) {
    write_entry(catalogue, table, id, "update", old_fields, new_fields);
  }
}

void audit_delete(Catalogue& catalogue, const std::string& table, std::int64_t id,
                  const std::string& before)
{
  write_entry(catalogue, table, id, "delete", Json::parse(before), nullptr);
}

void audit_import(Catalogue& catalogue, const std::string& table, const std::string& summary_json)
{
  write_entry(catalogue, table, std::nullopt, "import", nullptr, Json::parse(summary_json));
}

} // namespace vendorcat::store
