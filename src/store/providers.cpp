// Provider records. Validation happens before any write; every write is
// audited in the caller's transaction. Each list filter is a subquery on an
// indexed column feeding `p.id IN (...)`, so a filter is an index search.

#include "store/providers.hpp"

#include "domain/ascii.hpp"
#include "domain/classification.hpp"
#include "domain/counted.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/suggest.hpp"
#include "store/audit.hpp"
#include "store/backend.hpp"
#include "store/import_batches.hpp"
#include "store/reference.hpp"
#include "store/services.hpp"
#include "store/sql.hpp"
#include "store/timestamp.hpp"

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

Provider read_provider(const Query& row)
{
  Provider p;
  p.id = row.integer(0);
  p.name = row.text(1);
  p.hq_country = row.text(2);
  p.legal_name = row.optional_text(3);
  p.hq_city = row.optional_text(4);
  p.website = row.optional_text(5);
  p.status = row.text(6);
  p.risk = row.optional_text(7);
  if (!row.is_null(8)) {
    p.next_review = domain::Date::parse(row.text_view(8));
  }
  p.notes = row.optional_text(9);
  return p;
}

template<std::size_t N>
std::string one_of(std::string_view what, std::string_view value, const std::array<const char*, N>& allowed)
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
  // Every bad field is reported, not only the first (an import row's cells).
  FieldChecks checks;
  if (fields.name) {
    checks.check("name", [&] {
      fields.name = domain::trim(*fields.name);
      if (fields.name->empty()) {
        throw ValidationError("a provider needs a name that is not empty");
      }
    });
  }
  if (fields.hq_country) {
    checks.check("hq_country", [&] {
      fields.hq_country = Reference::of(catalogue).country(domain::trim(*fields.hq_country)).code;
    });
  }
  if (fields.status) {
    checks.check("status", [&] { fields.status = one_of("status", *fields.status, statuses); });
  }
  if (fields.risk && !fields.risk->empty()) {
    checks.check("risk", [&] { fields.risk = one_of("risk", *fields.risk, risks); });
  }
  if (fields.next_review && !fields.next_review->empty()) {
    checks.check("next_review", [&] {
      fields.next_review = domain::Date::parse(domain::trim(*fields.next_review)).to_string();
    });
  }
  checks.throw_if_any();
  return fields;
}

void refuse_duplicate_name(Catalogue& catalogue, const std::string& name, std::int64_t except_id)
{
  Query query(connection(catalogue), "SELECT name FROM provider WHERE name_key = ? AND id <> ?",
              domain::fold_case(name), except_id);
  if (query.next()) {
    throw ValidationError(fmt::format("a provider named '{}' already exists", query.text(0)));
  }
}

struct Conditions
{
  std::vector<std::string> conditions;
  std::vector<SqlValue> params;

  void add(std::string condition, std::initializer_list<std::string> values)
  {
    conditions.push_back(std::move(condition));
    params.insert(params.end(), values.begin(), values.end());
  }
};

Conditions filter_query(Catalogue& catalogue, const ProviderFilter& filter)
{
  Conditions query;
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
    const auto codes = Reference::of(catalogue).countries_in(filter.region);
    if (codes.empty()) {
      throw ValidationError(
        fmt::format("unknown region '{}': use a UN M49 region (Africa, Americas, Asia, Europe, Oceania) "
                    "or sub-region such as 'Northern Europe'",
                    filter.region));
    }
    std::string list;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      list += i == 0 ? "?" : ", ?";
    }
    query.conditions.push_back(fmt::format("p.id IN (SELECT id FROM provider WHERE hq_country IN ({0}) "
                                           "UNION SELECT provider_id FROM location WHERE country IN ({0}))",
                                           list));
    for (int pass = 0; pass < 2; ++pass) {
      query.params.insert(query.params.end(), codes.begin(), codes.end());
    }
  }
  if (!filter.city.empty()) {
    query.add("p.id IN (SELECT id FROM provider WHERE lower(hq_city) = lower(?) "
              "UNION SELECT provider_id FROM location WHERE lower(city) = lower(?))",
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

std::string list_sql(Catalogue& catalogue, const Conditions& query)
{
  std::string sql = fmt::format("SELECT {} FROM provider p", provider_columns);
  for (std::size_t i = 0; i < query.conditions.size(); ++i) {
    sql += (i == 0 ? " WHERE " : " AND ") + query.conditions[i];
  }
  return sql + " ORDER BY " + backend(catalogue).name_order("p.name");
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
  const auto now = utc_timestamp();
  const auto id =
    Query(connection(catalogue),
          "INSERT INTO provider (name, name_key, hq_country, legal_name, hq_city, website, status, risk, "
          "next_review, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          *fields.name, domain::fold_case(*fields.name), *fields.hq_country, fields.legal_name,
          fields.hq_city, fields.website, fields.status.value_or("active"), fields.risk, fields.next_review,
          fields.notes, now, now)
      .run_insert();
  stamp_import_batch(catalogue, "provider", id);
  audit_insert(catalogue, "provider", id);
  return provider_by_id(catalogue, id);
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
    std::string sql = "UPDATE provider SET updated_at = ?";
    for (const auto& [column, value] : changes) {
      sql += fmt::format(", {} = ?", column);
    }
    Query update(connection(catalogue), sql + " WHERE id = ?");
    int index = 1;
    update.bind(index++, utc_timestamp());
    for (const auto& [column, value] : changes) {
      update.bind(index++, value);
    }
    update.bind(index, id);
    update.run();
    audit_update(catalogue, "provider", id, before);
  }
  return provider_by_id(catalogue, id);
}

void remove_provider(Catalogue& catalogue, std::int64_t id)
{
  const auto provider = provider_by_id(catalogue, id);
  if (const auto count =
        Query(connection(catalogue), "SELECT count(*) FROM engagement WHERE provider_id = ?", id)
          .run_integer();
      count > 0) {
    throw ValidationError(fmt::format(
      "cannot remove provider '{}': {} to it; archive it instead with "
      "'vendorcat provider update \"{}\" --status archived'",
      provider.name, domain::counted(count, "engagement refers", "engagements refer"), provider.name));
  }
  for (const char* table : {"location", "offering"}) {
    Query children(connection(catalogue), fmt::format("SELECT id FROM {} WHERE provider_id = ?", table), id);
    std::vector<std::int64_t> ids;
    while (children.next()) {
      ids.push_back(children.integer(0));
    }
    for (const auto child : ids) {
      audit_delete(catalogue, table, child, row_snapshot(catalogue, table, child));
    }
  }
  const auto before = row_snapshot(catalogue, "provider", id);
  Query(connection(catalogue), "DELETE FROM provider WHERE id = ?", id).run();
  audit_delete(catalogue, "provider", id, before);
}

Provider find_provider(Catalogue& catalogue, std::string_view text)
{
  const auto key = domain::trim(text);
  // A name wins over an id: a provider may be called "42".
  if (auto by_name = find_provider_by_name(catalogue, key)) {
    return std::move(*by_name);
  }
  const bool numeric = !key.empty() && key.size() < 18 &&
                       std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (numeric) {
    try {
      return provider_by_id(catalogue, std::stoll(std::string(key)));
    } catch (const NotFound&) {
      // named below, with the closest name
    }
  }
  throw NotFound(
    fmt::format("no provider '{}'{}", text, domain::did_you_mean(text, provider_names(catalogue))));
}

Provider provider_by_id(Catalogue& catalogue, std::int64_t id)
{
  Query query(connection(catalogue),
              fmt::format("SELECT {} FROM provider p WHERE p.id = ?", provider_columns), id);
  if (!query.next()) {
    throw NotFound(fmt::format("no provider with id {}", id));
  }
  return read_provider(query);
}

std::optional<Provider> find_provider_by_name(Catalogue& catalogue, std::string_view name)
{
  Query query(connection(catalogue),
              fmt::format("SELECT {} FROM provider p WHERE p.name_key = ?", provider_columns),
              domain::fold_case(domain::trim(name)));
  if (query.next()) {
    return read_provider(query);
  }
  return std::nullopt;
}

std::vector<Provider> list_providers(Catalogue& catalogue, const ProviderFilter& filter)
{
  std::vector<Provider> providers;
  each_provider(catalogue, filter, [&](const Provider& provider) { providers.push_back(provider); });
  return providers;
}

void each_provider(Catalogue& catalogue, const ProviderFilter& filter,
                   const std::function<void(const Provider&)>& visit)
{
  const auto query = filter_query(catalogue, filter);
  Query statement(connection(catalogue), list_sql(catalogue, query));
  statement.bind_all(query.params);
  while (statement.next()) {
    visit(read_provider(statement));
  }
}

std::vector<std::string> explain_list_providers(Catalogue& catalogue, const ProviderFilter& filter)
{
  const auto query = filter_query(catalogue, filter);
  return backend(catalogue).explain(list_sql(catalogue, query),
                                    [&](Query& statement) { statement.bind_all(query.params); });
}

std::vector<Provider> search_providers(Catalogue& catalogue, std::string_view text)
{
  std::vector<std::string> words;
  std::string word;
  for (const char c : std::string(text) + ' ') {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!word.empty()) {
        words.push_back(std::move(word));
        word.clear();
      }
    } else {
      word += c;
    }
  }
  if (words.empty()) {
    throw ValidationError("search for what? give one or more words");
  }
  std::vector<Provider> providers;
  Query query(connection(catalogue),
              fmt::format("SELECT {} FROM provider p WHERE p.id = ?", provider_columns));
  for (const auto id : backend(catalogue).search_providers(words)) {
    query.bind(1, id);
    if (query.next()) {
      providers.push_back(read_provider(query));
    }
    query.reset();
  }
  return providers;
}

std::vector<std::string> provider_names(Catalogue& catalogue)
{
  Query query(connection(catalogue), "SELECT name FROM provider");
  std::vector<std::string> names;
  while (query.next()) {
    names.push_back(query.text(0));
  }
  return names;
}

} // namespace vendorcat::store
