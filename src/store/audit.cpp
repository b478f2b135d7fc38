// Audit rows are built from the table's own columns (SELECT *), so a new
// column is audited without touching this file. Updates keep only the fields
// whose value changed.

#include "store/audit.hpp"

#include "domain/errors.hpp"
#include "store/backend.hpp"
#include "store/timestamp.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <optional>

namespace vendorcat::store {

namespace {

using Json = nlohmann::ordered_json;

// Text kept by older versions may not be UTF-8; the audit shows it with
// U+FFFD instead of failing the change it records.
std::string json_text(const Json& value)
{
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void write_entry(Catalogue& catalogue, const std::string& table, std::optional<std::int64_t> id,
                 const std::string& action, const Json& before, const Json& after)
{
  Query insert(connection(catalogue),
               "INSERT INTO audit_log (at, entity, entity_id, action, before, after, actor) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, utc_timestamp(TimestampPrecision::milliseconds));
  insert.bind(2, table);
  insert.bind(3, id);
  insert.bind(4, action);
  insert.bind(5, before.is_null() ? std::nullopt : std::optional<std::string>(json_text(before)));
  insert.bind(6, after.is_null() ? std::nullopt : std::optional<std::string>(json_text(after)));
  insert.bind(7, backend(catalogue).actor());
  insert.run();
}

bool is_timestamp(const std::string& key)
{
  return key == "created_at" || key == "updated_at";
}

} // namespace

namespace {

// Row ID of TABLE, every column by its name.
Json row_json(Catalogue& catalogue, const std::string& table, std::int64_t id)
{
  Query query(connection(catalogue),
              fmt::format("SELECT * FROM \"{}\" WHERE {} = ?", table, key_column(table)), id);
  if (!query.next()) {
    throw NotFound(fmt::format("no {} with id {}", table, id));
  }
  auto& statement = query.statement();
  Json row = Json::object();
  for (int i = 0; i < statement.column_count(); ++i) {
    const std::string name = statement.column_name(i);
    if (name == "batch_id") {
      continue; // which import created the row: import list tells
    }
    auto& value = row[name];
    switch (statement.column_type(i)) {
    case ColumnType::null:
      value = nullptr;
      break;
    case ColumnType::integer:
      value = statement.integer(i);
      break;
    case ColumnType::text:
      value = query.text(i);
      break;
    }
  }
  query.reset();
  return row;
}

} // namespace

const char* key_column(std::string_view table)
{
  return table == "assessment" ? "engagement_id" : "id";
}

std::string row_snapshot(Catalogue& catalogue, const std::string& table, std::int64_t id)
{
  return json_text(row_json(catalogue, table, id));
}

void audit_insert(Catalogue& catalogue, const std::string& table, std::int64_t id)
{
  write_entry(catalogue, table, id, "insert", nullptr, row_json(catalogue, table, id));
}

void audit_update(Catalogue& catalogue, const std::string& table, std::int64_t id, const std::string& before)
{
  const auto old_row = Json::parse(before);
  // Through text as BEFORE was, so that both show bytes that are not UTF-8 alike.
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

void audit_delete(Catalogue& catalogue, const std::string& table, std::int64_t id, const std::string& before)
{
  write_entry(catalogue, table, id, "delete", Json::parse(before), nullptr);
}

void audit_batch(Catalogue& catalogue, std::int64_t id, const std::string& action,
                 const std::string& after_json)
{
  write_entry(catalogue, "import", id, action, nullptr, Json::parse(after_json));
}

} // namespace vendorcat::store
