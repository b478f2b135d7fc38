// Engagement records. Add, update and import share one path: the fields are
// applied to a stored row (defaults for an add, the current row for an
// update), the whole row is validated and classified, then written and
// audited. Classification (delivery model from the home and delivery
// countries, type from the service) happens only in classify().

#include "store/engagements.hpp"

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/suggest.hpp"
#include "store/audit.hpp"
#include "store/engagement_row.hpp"
#include "store/providers.hpp"
#include "store/reference.hpp"
#include "store/services.hpp"
#include "store/settings.hpp"
#include "store/sql_values.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <variant>

namespace vendorcat::store {

namespace {

constexpr const char* select_engagement =
  "SELECT e.id, e.ref, p.name, s.code, e.delivery_country, e.start_date, e.end_date, e.title, "
  "e.client_unit, e.delivery_model, e.type, e.notice_days, e.auto_renew, e.value, e.currency, "
  "e.status, e.owner, e.notes, e.model_source, e.type_source, c.minor_units "
  "FROM engagement e JOIN provider p ON p.id = e.provider_id JOIN service s ON s.id = e.service_id "
  "JOIN currency c ON c.code = e.currency ";

Engagement read_engagement(SQLite::Statement& row)
{
  Engagement e;
  e.id = row.getColumn(0).getInt64();
  e.ref = row.getColumn(1).getString();
  e.provider = row.getColumn(2).getString();
  e.service = row.getColumn(3).getString();
  e.delivery_country = row.getColumn(4).getString();
  e.start_date = row.getColumn(5).getString();
  e.end_date = optional_text(row.getColumn(6));
  e.title = optional_text(row.getColumn(7));
  e.client_unit = optional_text(row.getColumn(8));
  e.delivery_model = domain::parse_delivery_model(row.getColumn(9).getString());
  e.type = domain::parse_outsourcing_type(row.getColumn(10).getString());
  if (!row.getColumn(11).isNull()) {
    e.notice_days = row.getColumn(11).getInt64();
  }
  e.auto_renew = row.getColumn(12).getInt() != 0;
  if (!row.getColumn(13).isNull()) {
    e.value = domain::format_amount(row.getColumn(13).getInt64(), row.getColumn(20).getInt());
  }
  e.currency = row.getColumn(14).getString();
  e.status = row.getColumn(15).getString();
  e.owner = optional_text(row.getColumn(16));
  e.notes = optional_text(row.getColumn(17));
  e.model_source = domain::parse_source(row.getColumn(18).getString());
  e.type_source = domain::parse_source(row.getColumn(19).getString());
  return e;
}

void bind_row(SQLite::Statement& statement, const EngagementRow& row)
{
  statement.bind(1, row.ref);
  statement.bind(2, row.provider_id);
  statement.bind(3, row.service_id);
  bind_optional(statement, 4, row.title);
  bind_optional(statement, 5, row.client_unit);
  statement.bind(6, row.delivery_country);
  statement.bind(7, domain::to_string(row.delivery_model));
  statement.bind(8, domain::to_string(row.model_source));
  statement.bind(9, domain::to_string(row.type));
  statement.bind(10, domain::to_string(row.type_source));
  statement.bind(11, row.start_date);
  bind_optional(statement, 12, row.end_date);
  bind_optional(statement, 13, row.notice_days);
  statement.bind(14, row.auto_renew ? 1 : 0);
  bind_optional(statement, 15, row.value);
  statement.bind(16, row.currency);
  statement.bind(17, row.status);
  bind_optional(statement, 18, row.owner);
  bind_optional(statement, 19, row.notes);
}

// Classifies again each engagement whose id IDS yields and writes COLUMN
// where VALUE, taken from the new classification, differs from it, audited;
// returns how many changed.
int rederive(Catalogue& catalogue, SQLite::Statement& ids, const char* column,
             std::string (*value)(const EngagementRow&))
{
  std::vector<std::int64_t> found;
  while (ids.executeStep()) {
    found.push_back(ids.getColumn(0).getInt64());
  }
  int changed = 0;
  const EngagementRules rules(catalogue);
  SQLite::Statement update(catalogue.db(), fmt::format("UPDATE engagement SET {0} = ?1, "
                                                       "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                                       "WHERE id = ?2 AND {0} <> ?1",
                                                       column));
  for (const auto id : found) {
    const auto before = row_snapshot(catalogue, "engagement", id);
    update.bind(1, value(rules.resolve(id, {})));
    update.bind(2, id);
    const bool updated = update.exec() > 0;
    update.reset();
    if (updated) {
      audit_update(catalogue, "engagement", id, before);
      ++changed;
    }
  }
  return changed;
}

} // namespace

Engagement add_engagement(Catalogue& catalogue, const EngagementFields& fields)
{
  return add_engagement(catalogue, EngagementRules(catalogue), fields);
}

Engagement add_engagement(Catalogue& catalogue, const EngagementRules& rules,
                          const EngagementFields& fields)
{
  const auto row = rules.resolve(std::nullopt, fields);
  SQLite::Statement insert(
    catalogue.db(),
    "INSERT INTO engagement (ref, provider_id, service_id, title, client_unit, delivery_country, "
    "delivery_model, model_source, type, type_source, start_date, end_date, notice_days, auto_renew, "
    "value, currency, status, owner, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), "
    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  bind_row(insert, row);
  insert.exec();
  const auto id = catalogue.db().getLastInsertRowid();
  audit_insert(catalogue, "engagement", id);
  return find_engagement(catalogue, std::to_string(id));
}

Engagement update_engagement(Catalogue& catalogue, std::int64_t id, const EngagementFields& fields)
{
  return update_engagement(catalogue, EngagementRules(catalogue), id, fields);
}

Engagement update_engagement(Catalogue& catalogue, const EngagementRules& rules, std::int64_t id,
                             const EngagementFields& fields)
{
  const auto row = rules.resolve(id, fields);
  const auto before = row_snapshot(catalogue, "engagement", id);
  SQLite::Statement update(
    catalogue.db(),
    "UPDATE engagement SET ref = ?, provider_id = ?, service_id = ?, title = ?, client_unit = ?, "
    "delivery_country = ?, delivery_model = ?, model_source = ?, type = ?, type_source = ?, "
    "start_date = ?, end_date = ?, notice_days = ?, auto_renew = ?, value = ?, currency = ?, "
    "status = ?, owner = ?, notes = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
    "WHERE id = ?");
  bind_row(update, row);
  update.bind(20, id);
  update.exec();
  audit_update(catalogue, "engagement", id, before);
  return find_engagement(catalogue, std::to_string(id));
}

void remove_engagement(Catalogue& catalogue, std::int64_t id)
{
  const auto engagement = find_engagement(catalogue, std::to_string(id));
  SQLite::Statement spend(catalogue.db(), "SELECT count(*) FROM spend WHERE engagement_id = ?");
  spend.bind(1, id);
  spend.executeStep();
  if (const auto count = spend.getColumn(0).getInt64(); count > 0) {
    throw ValidationError(fmt::format(
      "cannot remove engagement '{}': {} spend line{} refer to it; remove them first or set "
      "'--status terminated'",
      engagement.ref, count, count == 1 ? "" : "s"));
  }
  const auto before = row_snapshot(catalogue, "engagement", id);
  SQLite::Statement remove(catalogue.db(), "DELETE FROM engagement WHERE id = ?");
  remove.bind(1, id);
  remove.exec();
  audit_delete(catalogue, "engagement", id, before);
}

Engagement find_engagement(Catalogue& catalogue, std::string_view text)
{
  const std::string key(text);
  const bool numeric = !key.empty() && key.size() < 18 &&
                       key.find_first_not_of("0123456789") == std::string::npos;
  SQLite::Statement query(catalogue.db(), std::string(select_engagement) +
                                            "WHERE e.ref = ?1 OR e.id = ?2 ORDER BY e.ref = ?1 DESC LIMIT 1");
  query.bind(1, key);
  query.bind(2, numeric ? std::int64_t{std::stoll(key)} : std::int64_t{-1});
  if (query.executeStep()) {
    return read_engagement(query);
  }
  std::vector<std::string> refs;
  SQLite::Statement all(catalogue.db(), "SELECT ref FROM engagement");
  while (all.executeStep()) {
    refs.push_back(all.getColumn(0).getString());
  }
  throw NotFound(fmt::format("no engagement '{}'{}", text, domain::did_you_mean(text, refs)));
}

std::optional<std::int64_t> find_engagement_id(Catalogue& catalogue, std::string_view ref)
{
  SQLite::Statement query(catalogue.db(), "SELECT id FROM engagement WHERE ref = ?");
  query.bind(1, std::string(ref));
  if (query.executeStep()) {
    return query.getColumn(0).getInt64();
  }
  return std::nullopt;
}

std::vector<Engagement> list_engagements(Catalogue& catalogue, const EngagementFilter& filter)
{
  std::string sql = std::string(select_engagement) + "WHERE 1";
  std::vector<SqlValue> params;
  if (!filter.provider.empty()) {
    sql += " AND e.provider_id = ?";
    params.emplace_back(find_provider(catalogue, filter.provider).id);
  }
  if (!filter.service.empty()) {
    sql += " AND e.service_id = ?";
    params.emplace_back(find_service(catalogue, filter.service).id);
  }
  if (!filter.type.empty()) {
    sql += " AND e.type = ?";
    params.emplace_back(domain::to_string(domain::parse_outsourcing_type(filter.type)));
  }
  if (!filter.model.empty()) {
    sql += " AND e.delivery_model = ?";
    params.emplace_back(domain::to_string(domain::parse_delivery_model(filter.model)));
  }
  if (!filter.status.empty()) {
    sql += " AND e.status = ?";
    params.emplace_back(EngagementRules::parse_status(filter.status));
  }
  if (!filter.active_on.empty()) {
    const auto date = domain::Date::parse(filter.active_on).to_string();
    sql += " AND e.start_date <= ? AND (e.end_date IS NULL OR e.end_date >= ?)";
    params.emplace_back(date);
    params.emplace_back(date);
  }
  if (filter.expiring_within) {
    if (*filter.expiring_within < 0) {
      throw ValidationError(fmt::format("invalid --expiring-within {}: give a number of days, 0 or more",
                                        *filter.expiring_within));
    }
    const auto on = filter.on.empty() ? domain::Date::today() : domain::Date::parse(filter.on);
    const auto until = on.add_days(*filter.expiring_within).to_string();
    sql += " AND (e.end_date BETWEEN ? AND ? OR (e.notice_days IS NOT NULL AND "
           "date(e.end_date, '-' || e.notice_days || ' days') BETWEEN ? AND ?))";
    for (int i = 0; i < 2; ++i) {
      params.emplace_back(on.to_string());
      params.emplace_back(until);
    }
  } else if (!filter.on.empty()) {
    throw UsageError("--on only applies with --expiring-within");
  }
  SQLite::Statement query(catalogue.db(), sql + " ORDER BY e.ref");
  bind_all(query, params);
  std::vector<Engagement> engagements;
  while (query.executeStep()) {
    engagements.push_back(read_engagement(query));
  }
  return engagements;
}

std::vector<std::string> explain_engagement(Catalogue& catalogue, const Engagement& engagement)
{
  std::vector<std::string> lines;
  if (engagement.model_source == domain::Source::derived) {
    const auto& reference = Reference::of(catalogue);
    const auto home = get_setting(catalogue, SettingKey::home_country);
    if (home) {
      const auto& home_country = reference.country(*home);
      const auto& delivery = reference.country(engagement.delivery_country);
      lines.push_back(domain::explain_model({home_country.code, home_country.region},
                                            {delivery.code, delivery.region}));
    }
  } else {
    lines.push_back(fmt::format("{}: set explicitly", domain::to_string(engagement.delivery_model)));
  }
  if (engagement.type_source == domain::Source::derived) {
    lines.push_back(domain::explain_type(engagement.type, engagement.service));
  } else {
    lines.push_back(fmt::format("{}: set explicitly", domain::to_string(engagement.type)));
  }
  return lines;
}

int rederive_delivery_models(Catalogue& catalogue)
{
  SQLite::Statement derived(catalogue.db(), "SELECT id FROM engagement WHERE model_source = 'derived'");
  return rederive(catalogue, derived, "delivery_model",
                  [](const EngagementRow& row) { return domain::to_string(row.delivery_model); });
}

int rederive_types(Catalogue& catalogue, std::int64_t service_id)
{
  SQLite::Statement derived(catalogue.db(),
                            "SELECT id FROM engagement WHERE service_id = ? AND type_source = 'derived'");
  derived.bind(1, service_id);
  return rederive(catalogue, derived, "type",
                  [](const EngagementRow& row) { return domain::to_string(row.type); });
}

EngagementSummary provider_engagement_summary(Catalogue& catalogue, std::int64_t provider_id)
{
  EngagementSummary summary;
  SQLite::Statement count(catalogue.db(), "SELECT count(*) FROM engagement WHERE provider_id = ?");
  count.bind(1, provider_id);
  count.executeStep();
  summary.count = count.getColumn(0).getInt64();
  SQLite::Statement totals(catalogue.db(),
                           "SELECT e.currency, c.minor_units, sum(e.value) FROM engagement e "
                           "JOIN currency c ON c.code = e.currency "
                           "WHERE e.provider_id = ? AND e.value IS NOT NULL "
                           "GROUP BY e.currency ORDER BY e.currency");
  totals.bind(1, provider_id);
  while (totals.executeStep()) {
    summary.value += fmt::format("{}{} {}", summary.value.empty() ? "" : "; ",
                                 totals.getColumn(0).getString(),
                                 domain::format_amount(totals.getColumn(2).getInt64(),
                                                       totals.getColumn(1).getInt()));
  }
  return summary;
}

} // namespace vendorcat::store
