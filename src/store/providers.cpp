// Provider records. Validation happens before any write; every write is
// audited in the caller's transaction. Each list filter is a subquery on an
// indexed column feeding `p.id IN (...)`, so a filter is an index search.

#include "store/providers.hpp"

#include "domain/ascii.hpp"
#include "domain/classification.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/suggest.hpp"
#include "store/audit.hpp"
#include "store/reference.hpp"
#include "store/services.hpp"
#include "store/sql_values.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace vendorcat::store {

namespace {

constexpr std::array statuses{"onboarding", "active", "inactive", "archived"};
constexpr std::array risks{"low", "medium", "high"};

constexpr const char* provider_columns =
  "p.id, p.name, p.hq_country, p.legal_name, p.hq_city, p.website, p.status, p.risk, "
  "p.next_review, p.notes";

Provider read_provider(SQLite::Statement& row)
{
  Provider p;
  p.id = row.getColumn(0).getInt64();
  p.name = row.getColumn(1).getString();
  p.hq_country = row.getColumn(2).getString();
  p.legal_name = optional_text(row.getColumn(3));
  p.hq_city = optional_text(row.getColumn(4));
  p.website = optional_text(row.getColumn(5));
  p.status = row.getColumn(6).getString();
  p.risk = optional_text(row.getColumn(7));
  p.next_review = optional_text(row.getColumn(8));
  p.notes = optional_text(row.getColumn(9));
  return p;
}

template <std::size_t N>
std::string one_of(std::string_view what, std::string_view value,
                   const std::array<const char*, N>& allowed)
{
  const auto lowered = domain::fold_case(domain::trim(value));
  for (const char* candidate : allowed) {
    if (lowered == candidate) {
      return lowered;
    }
  }
  std::string list;
  for (std::size_t i = 0; i < N; ++i) {
    list += fmt::format("{}{}", i == 0 ? "" : (i + 1 == N ? " or " : ", "), allowed[i]);
  }
  throw ValidationError(fmt::format("invalid {} '{}': expected {}", what, value, list));
}

// Checks FIELDS and puts them in stored form: codes upper case, enums lower
// case, dates checked, names trimmed.
ProviderFields normalised(Catalogue& catalogue, ProviderFields fields)
{
  if (fields.name) {
    fields.name = domain::trim(*fields.name);
    if (fields.name->empty()) {
      throw ValidationError("a provider needs a name that is not empty");
    }
  }
  if (fields.hq_country) {
    fields.hq_country = Reference::of(catalogue).country(domain::trim(*fields.hq_country)).code;
  }
  if (fields.status) {
    fields.status = one_of("status", *fields.status, statuses);
  }
  if (fields.risk && !fields.risk->empty()) {
    fields.risk = one_of("risk", *fields.risk, risks);
  }
  if (fields.next_review && !fields.next_review->empty()) {
    fields.next_review = domain::Date::parse(domain::trim(*fields.next_review)).to_string();
  }
  return fields;
}

void refuse_duplicate_name(Catalogue& catalogue, const std::string& name, std::int64_t except_id)
{
  SQLite::Statement query(catalogue.db(), "SELECT name FROM provider WHERE name_key = ? AND id <> ?");
  query.bind(1, domain::fold_case(name));
  query.bind(2, except_id);
  if (query.executeStep()) {
    throw ValidationError(fmt::format("a provider named '{}' already exists", query.getColumn(0).getString()));
  }
}

struct Query
{
  std::vector<std::string> conditions;
  std::vector<SqlValue> params;

  void add(std::string condition, std::initializer_list<std::string> values)
  {
    conditions.push_back(std::move(condition));
    params.insert(params.end(), values.begin(), values.end());
  }
};

Query filter_query(Catalogue& catalogue, const ProviderFilter& filter)
{
  Query query;
  if (!filter.service.empty()) {
    const auto service = find_service(catalogue, filter.service);
    const auto id = std::to_string(service.id);
    query.add("p.id IN (SELECT provider_id FROM offering WHERE service_id = ? "
              "UNION SELECT provider_id FROM engagement WHERE service_id = ?)",
              {id, id});
  }
  if (!filter.country.empty()) {
    const auto code = Reference::of(catalogue).country(filter.country).code;
    query.add("p.id IN (SELECT id FROM provider WHERE hq_country = ? "
              "UNION SELECT provider_id FROM location WHERE country = ?)",
              {code, code});
  }
  if (!filter.region.empty()) {
    if (!Reference::of(catalogue).is_region(filter.region)) {
      throw ValidationError(fmt::format(
        "unknown region '{}': use a UN M49 region (Africa, Americas, Asia, Europe, Oceania) "
        "or sub-region such as 'Northern Europe'",
        filter.region));
    }
    query.add("p.id IN (SELECT p2.id FROM country c JOIN provider p2 ON p2.hq_country = c.code "
              "WHERE c.region = ? COLLATE NOCASE OR c.sub_region = ? COLLATE NOCASE "
              "UNION SELECT l.provider_id FROM country c JOIN location l ON l.country = c.code "
              "WHERE c.region = ? COLLATE NOCASE OR c.sub_region = ? COLLATE NOCASE)",
              {filter.region, filter.region, filter.region, filter.region});
  }
  if (!filter.city.empty()) {
    query.add("p.id IN (SELECT id FROM provider WHERE hq_city = ? COLLATE NOCASE "
              "UNION SELECT provider_id FROM location WHERE city = ? COLLATE NOCASE)",
              {filter.city, filter.city});
  }
  if (!filter.status.empty()) {
    query.add("p.status = ?", {one_of("status", filter.status, statuses)});
  }
  if (!filter.model.empty()) {
    query.add("p.id IN (SELECT provider_id FROM engagement WHERE delivery_model = ?)",
              {domain::to_string(domain::parse_delivery_model(filter.model))});
  }
  if (!filter.type.empty()) {
    query.add("p.id IN (SELECT provider_id FROM engagement WHERE type = ?)",
              {domain::to_string(domain::parse_outsourcing_type(filter.type))});
  }
  return query;
}

std::string list_sql(const Query& query)
{
  std::string sql = fmt::format("SELECT {} FROM provider p", provider_columns);
  for (std::size_t i = 0; i < query.conditions.size(); ++i) {
    sql += (i == 0 ? " WHERE " : " AND ") + query.conditions[i];
  }
  return sql + " ORDER BY p.name_key";
}

} // namespace

Provider add_provider(Catalogue& catalogue, const ProviderFields& input)
{
  if (!input.name) {
    throw ValidationError("a provider needs a name");
  }
  if (!input.hq_country) {
    throw ValidationError("a provider needs a headquarters country: pass --country CC");
  }
  const auto fields = normalised(catalogue, input);
  refuse_duplicate_name(catalogue, *fields.name, 0);
  SQLite::Statement insert(
    catalogue.db(),
    "INSERT INTO provider (name, name_key, hq_country, legal_name, hq_city, website, status, risk, "
    "next_review, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, coalesce(?, 'active'), "
    "?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  insert.bind(1, *fields.name);
  insert.bind(2, domain::fold_case(*fields.name));
  insert.bind(3, *fields.hq_country);
  bind_optional(insert, 4, fields.legal_name);
  bind_optional(insert, 5, fields.hq_city);
  bind_optional(insert, 6, fields.website);
  bind_optional(insert, 7, fields.status);
  bind_optional(insert, 8, fields.risk);
  bind_optional(insert, 9, fields.next_review);
  bind_optional(insert, 10, fields.notes);
  insert.exec();
  const auto id = catalogue.db().getLastInsertRowid();
  audit_insert(catalogue, "provider", id);
  return find_provider(catalogue, std::to_string(id));
}

Provider update_provider(Catalogue& catalogue, std::int64_t id, const ProviderFields& input)
{
  const auto fields = normalised(catalogue, input);
  if (fields.name) {
    refuse_duplicate_name(catalogue, *fields.name, id);
  }
  const auto before = row_snapshot(catalogue, "provider", id);
  std::vector<std::pair<std::string, std::optional<std::string>>> changes;
  auto change = [&](const char* column, const std::optional<std::string>& value) {
    if (value) {
      changes.emplace_back(column, value);
    }
  };
  change("name", fields.name);
  if (fields.name) {
    changes.emplace_back("name_key", domain::fold_case(*fields.name));
  }
  change("hq_country", fields.hq_country);
  change("legal_name", fields.legal_name);
  change("hq_city", fields.hq_city);
  change("website", fields.website);
  change("status", fields.status);
  change("risk", fields.risk);
  change("next_review", fields.next_review);
  change("notes", fields.notes);
  if (!changes.empty()) {
    std::string sql = "UPDATE provider SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
    for (const auto& [column, value] : changes) {
      sql += fmt::format(", {} = ?", column);
    }
    SQLite::Statement update(catalogue.db(), sql + " WHERE id = ?");
    int index = 1;
    for (const auto& [column, value] : changes) {
      bind_optional(update, index++, value);
    }
    update.bind(index, id);
    update.exec();
    audit_update(catalogue, "provider", id, before);
  }
  return find_provider(catalogue, std::to_string(id));
}

void remove_provider(Catalogue& catalogue, std::int64_t id)
{
  const auto provider = find_provider(catalogue, std::to_string(id));
  SQLite::Statement engagements(catalogue.db(), "SELECT count(*) FROM engagement WHERE provider_id = ?");
  engagements.bind(1, id);
  engagements.executeStep();
  if (const auto count = engagements.getColumn(0).getInt64(); count > 0) {
    throw ValidationError(fmt::format(
      "cannot remove provider '{}': {} engagement{} refer to it; archive it instead with "
      "'vendorcat provider update \"{}\" --status archived'",
      provider.name, count, count == 1 ? "" : "s", provider.name));
  }
  for (const char* table : {"location", "offering"}) {
    SQLite::Statement children(catalogue.db(),
                               fmt::format("SELECT id FROM {} WHERE provider_id = ?", table));
    children.bind(1, id);
    while (children.executeStep()) {
      const auto child = children.getColumn(0).getInt64();
      audit_delete(catalogue, table, child, row_snapshot(catalogue, table, child));
    }
  }
  const auto before = row_snapshot(catalogue, "provider", id);
  SQLite::Statement remove(catalogue.db(), "DELETE FROM provider WHERE id = ?");
  remove.bind(1, id);
  remove.exec();
  audit_delete(catalogue, "provider", id, before);
}

Provider find_provider(Catalogue& catalogue, std::string_view text)
{
  const auto key = domain::trim(text);
  const bool numeric = !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
  SQLite::Statement query(catalogue.db(),
                          fmt::format("SELECT {} FROM provider p WHERE p.name_key = ? "
                                      "OR (? AND p.id = ?) ORDER BY p.name_key = ? DESC LIMIT 1",
                                      provider_columns));
  query.bind(1, domain::fold_case(key));
  query.bind(2, numeric ? 1 : 0);
  query.bind(3, numeric && key.size() < 18 ? std::int64_t{std::stoll(key)} : std::int64_t{-1});
  query.bind(4, domain::fold_case(key));
  if (query.executeStep()) {
    return read_provider(query);
  }
  throw NotFound(fmt::format("no provider '{}'{}", text,
                             domain::did_you_mean(text, provider_names(catalogue))));
}

std::optional<Provider> find_provider_by_name(Catalogue& catalogue, std::string_view name)
{
  SQLite::Statement query(catalogue.db(),
                          fmt::format("SELECT {} FROM provider p WHERE p.name_key = ?", provider_columns));
  query.bind(1, domain::fold_case(domain::trim(name)));
  if (query.executeStep()) {
    return read_provider(query);
  }
  return std::nullopt;
}

std::vector<Provider> list_providers(Catalogue& catalogue, const ProviderFilter& filter)
{
  const auto query = filter_query(catalogue, filter);
  SQLite::Statement statement(catalogue.db(), list_sql(query));
  bind_all(statement, query.params);
  std::vector<Provider> providers;
  while (statement.executeStep()) {
    providers.push_back(read_provider(statement));
  }
  return providers;
}

std::vector<std::string> explain_list_providers(Catalogue& catalogue, const ProviderFilter& filter)
{
  const auto query = filter_query(catalogue, filter);
  SQLite::Statement statement(catalogue.db(), "EXPLAIN QUERY PLAN " + list_sql(query));
  bind_all(statement, query.params);
  std::vector<std::string> plan;
  while (statement.executeStep()) {
    plan.push_back(statement.getColumn(3).getString());
  }
  return plan;
}

std::vector<Provider> search_providers(Catalogue& catalogue, std::string_view text)
{
  // Each word becomes a quoted prefix term, so punctuation in user text is
  // never read as FTS5 query syntax.
  std::string match;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) {
      std::string quoted;
      for (char c : word) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
      }
      match += fmt::format("{}\"{}\"*", match.empty() ? "" : " ", quoted);
      word.clear();
    }
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  if (match.empty()) {
    throw ValidationError("search for what? give one or more words");
  }
  SQLite::Statement query(catalogue.db(),
                          fmt::format("SELECT {} FROM provider_fts f JOIN provider p ON p.id = f.rowid "
                                      "WHERE provider_fts MATCH ? "
                                      "ORDER BY bm25(provider_fts, 10.0, 5.0, 2.0, 1.0), p.name_key",
                                      provider_columns));
  query.bind(1, match);
  std::vector<Provider> providers;
  while (query.executeStep()) {
    providers.push_back(read_provider(query));
  }
  return providers;
}

std::vector<std::string> provider_names(Catalogue& catalogue)
{
  SQLite::Statement query(catalogue.db(), "SELECT name FROM provider");
  std::vector<std::string> names;
  while (query.executeStep()) {
    names.push_back(query.getColumn(0).getString());
  }
  return names;
}

} // namespace vendorcat::store
