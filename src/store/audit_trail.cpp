// The audit log as `audit list` shows it. The filters become one query over
// audit_log (newest first by id, which only grows); a record named by its
// name is found among the live records and in the trail itself, so that a
// removed or renamed provider can still be looked up by the name it had.

#include "store/audit_trail.hpp"

#include "domain/ascii.hpp"
#include "domain/errors.hpp"
#include "domain/suggest.hpp"
#include "store/engagements.hpp"
#include "store/providers.hpp"
#include "store/services.hpp"
#include "store/sql.hpp"
#include "store/timestamp.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace vendorcat::store {

namespace {

using Json = nlohmann::ordered_json;

// The entity each audited table is shown as; a table not listed (none today)
// is shown under its own name.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> table_entities{{
  {"provider", "provider"},
  {"location", "location"},
  {"offering", "offering"},
  {"service", "service"},
  {"engagement", "engagement"},
  {"assessment", "assessment"},
  {"spend", "spend"},
  {"fx_rate", "fx"},
  {"volume", "volume"},
  {"setting", "setting"},
}};

constexpr std::string_view import_entity = "import";

std::string_view entity_of_table(std::string_view table)
{
  for (const auto& [stored, shown] : table_entities) {
    if (stored == table) {
      return shown;
    }
  }
  return table;
}

std::string_view table_of_entity(std::string_view entity)
{
  for (const auto& [stored, shown] : table_entities) {
    if (shown == entity) {
      return stored;
    }
  }
  std::vector<std::string> kinds(audit_entities().begin(), audit_entities().end());
  std::string list;
  for (const auto& kind : kinds) {
    list += (list.empty() ? "" : ", ") + kind;
  }
  throw ValidationError(
    fmt::format("unknown --entity '{}'{}: expected {}", entity, domain::did_you_mean(entity, kinds), list));
}

// The field that names a record of TABLE on the command line, or empty when
// its records are named by id alone.
std::string_view name_field(std::string_view table)
{
  if (table == "provider") {
    return "name";
  }
  if (table == "engagement") {
    return "ref";
  }
  if (table == "service") {
    return "code";
  }
  return {};
}

bool is_number(std::string_view text)
{
  return !text.empty() && text.size() < 18 && text.find_first_not_of("0123456789") == std::string_view::npos;
}

std::optional<std::int64_t> live_id(Catalogue& catalogue, std::string_view table, std::string_view name)
{
  if (table == "provider") {
    if (auto found = find_provider_by_name(catalogue, name)) {
      return found->id;
    }
  } else if (table == "engagement") {
    return find_engagement_id(catalogue, name);
  } else if (table == "service") {
    if (auto found = find_service_by_code(catalogue, name)) {
      return found->id;
    }
  }
  return std::nullopt;
}

// The ids of every record of TABLE that has been called NAME (any letter
// case): the live one, and those whose audit entries show the name before
// or after a change.
std::set<std::int64_t> ids_named(Catalogue& catalogue, std::string_view table, std::string_view name)
{
  std::set<std::int64_t> ids;
  if (const auto id = live_id(catalogue, table, name)) {
    ids.insert(*id);
  }
  const std::string field(name_field(table));
  const auto wanted = domain::fold_case(name);
  Query entries(connection(catalogue),
                "SELECT entity_id, before, after FROM audit_log WHERE entity = ? AND entity_id IS NOT NULL",
                std::string(table));
  while (entries.next()) {
    for (const int column : {1, 2}) {
      if (entries.is_null(column)) {
        continue;
      }
      const auto row = Json::parse(entries.text_view(column), nullptr, false);
      const auto value = row.is_object() ? row.find(field) : row.end();
      if (value != row.end() && value->is_string() &&
          domain::fold_case(value->get<std::string>()) == wanted) {
        ids.insert(entries.integer(0));
      }
    }
  }
  return ids;
}

// The (table, id) pairs RECORD names, in ENTITY when one is given.
std::vector<std::pair<std::string, std::int64_t>> resolve_record(Catalogue& catalogue,
                                                                 const std::optional<std::string>& entity,
                                                                 std::string_view record)
{
  std::vector<std::pair<std::string, std::int64_t>> found;
  const bool numeric = is_number(record);
  if (!entity) {
    if (numeric) {
      return {}; // the caller matches the id in any table
    }
    for (const std::string_view table : {"provider", "engagement", "service"}) {
      for (const auto id : ids_named(catalogue, table, record)) {
        found.emplace_back(table, id);
        if (table == "engagement") {
          found.emplace_back("assessment", id); // an assessment's id is its engagement's
        }
      }
    }
    if (found.empty()) {
      throw NotFound(fmt::format("no provider, engagement or service '{}' in the catalogue or its audit "
                                 "trail; give --entity KIND with a record's id for other kinds",
                                 record));
    }
    return found;
  }
  const std::string table(table_of_entity(*entity));
  // An assessment is named as its engagement is, whose id it has.
  const std::string named = table == "assessment" ? "engagement" : table;
  if (!name_field(named).empty()) {
    for (const auto id : ids_named(catalogue, named, record)) {
      found.emplace_back(table, id);
    }
  }
  if (found.empty() && numeric) {
    found.emplace_back(table, std::stoll(std::string(record)));
  }
  if (found.empty()) {
    if (name_field(named).empty()) {
      throw ValidationError(
        fmt::format("invalid --record '{}': a {} is named by its id, a whole number", record, *entity));
    }
    // The live look-up's own message, with its closest name.
    if (table == "provider") {
      find_provider(catalogue, record);
    } else if (named == "engagement") {
      find_engagement(catalogue, record);
    } else {
      find_service(catalogue, record);
    }
    throw NotFound(fmt::format("no {} '{}'", *entity, record));
  }
  return found;
}

// BEFORE and AFTER (JSON object texts, or null) as one object of field ->
// [before, after]: the fields of AFTER in its order, then those only BEFORE
// has. The `id` that `record` already shows is left out, and so are fields
// that did not change (an insert's or a delete's empty fields).
std::string changes_of(const std::optional<std::string>& before, const std::optional<std::string>& after,
                       bool has_record, std::string_view import_kind)
{
  const auto parse = [](const std::optional<std::string>& text) {
    auto value = text ? Json::parse(*text, nullptr, false) : Json::object();
    return value.is_object() ? value : Json::object();
  };
  const auto old_fields = parse(before);
  const auto new_fields = parse(after);
  Json changes = Json::object();
  if (!import_kind.empty() && !new_fields.contains("kind")) {
    changes["kind"] = Json::array({nullptr, import_kind});
  }
  const auto add = [&](const std::string& key) {
    if ((has_record && key == "id") || changes.contains(key)) {
      return;
    }
    auto before_value = old_fields.value(key, Json());
    auto after_value = new_fields.value(key, Json());
    if (before_value != after_value) {
      changes[key] = Json::array({std::move(before_value), std::move(after_value)});
    }
  };
  for (const auto& [key, value] : new_fields.items()) {
    add(key);
  }
  for (const auto& [key, value] : old_fields.items()) {
    add(key);
  }
  return changes.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

const std::vector<std::string_view>& audit_entities()
{
  static const std::vector<std::string_view> entities = [] {
    std::vector<std::string_view> all;
    for (const auto& [stored, shown] : table_entities) {
      all.push_back(shown);
    }
    all.push_back(import_entity);
    return all;
  }();
  return entities;
}

void each_audit_entry(Catalogue& catalogue, const AuditFilter& filter,
                      const std::function<void(const AuditEntry&)>& visit)
{
  std::string sql =
    "SELECT id, at, actor, entity, entity_id, action, before, after FROM audit_log WHERE TRUE";
  std::vector<SqlValue> params;
  if (filter.entity) {
    if (*filter.entity == import_entity) {
      sql += " AND (entity = 'import' OR action = 'import')"; // undo entries too
    } else {
      sql += " AND entity = ? AND action <> 'import'";
      params.emplace_back(std::string(table_of_entity(*filter.entity)));
    }
  }
  if (filter.record) {
    const auto record = domain::trim(*filter.record);
    const auto pairs = resolve_record(catalogue, filter.entity, record);
    if (pairs.empty()) {
      sql += " AND entity_id = ?";
      params.emplace_back(std::int64_t{std::stoll(record)});
    } else {
      sql += " AND (FALSE";
      for (const auto& [table, id] : pairs) {
        sql += " OR (entity = ? AND entity_id = ?)";
        params.emplace_back(table);
        params.emplace_back(id);
      }
      sql += ")";
    }
  }
  if (filter.since && filter.until && *filter.until < *filter.since) {
    throw ValidationError(fmt::format("invalid range: --since {} is after --until {}",
                                      filter.since->to_string(), filter.until->to_string()));
  }
  if (filter.since) {
    sql += " AND at >= ?";
    params.emplace_back(filter.since->to_string());
  }
  if (filter.until) {
    // Stamps are ISO text, so the day after is the first one not in range.
    sql += " AND at < ?";
    params.emplace_back(filter.until->add_days(1).to_string());
  }
  if (filter.actor) {
    sql += " AND actor = ?";
    params.emplace_back(*filter.actor);
  }
  sql += " ORDER BY id DESC";
  if (filter.limit) {
    if (*filter.limit < 1) {
      throw ValidationError(fmt::format("invalid --limit {}: give a whole number, 1 or more", *filter.limit));
    }
    sql += " LIMIT ?";
    params.emplace_back(*filter.limit);
  }
  Query query(connection(catalogue), sql);
  query.bind_all(params);
  AuditEntry entry;
  while (query.next()) {
    entry.id = query.integer(0);
    entry.at = timestamp_to_seconds(query.text_view(1));
    entry.actor = query.optional_text(2).value_or("");
    const auto table = query.text(3);
    entry.action = query.text(5);
    const bool import = entry.action == "import";
    entry.entity = std::string(import ? import_entity : entity_of_table(table));
    entry.record = query.optional_integer(4);
    entry.changes = changes_of(query.optional_text(6), query.optional_text(7), entry.record.has_value(),
                               import ? entity_of_table(table) : std::string_view());
    visit(entry);
  }
}

} // namespace vendorcat::store
