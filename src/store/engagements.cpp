// Engagement records. Add, update and import share one path: the fields are
// applied to a stored row (defaults for an add, the current row for an
// update), the whole row is validated and classified, then written and
// audited. Classification (delivery model from the home and delivery
// countries, type by hand, from the assessment or from the service) happens
// only in EngagementRules::classify().

#include "store/engagements.hpp"

#include "domain/amount.hpp"
#include "domain/ascii.hpp"
#include "domain/assessment.hpp"
#include "domain/counted.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/renewal.hpp"
#include "domain/suggest.hpp"
#include "store/assessments.hpp"
#include "store/audit.hpp"
#include "store/engagement_row.hpp"
#include "store/import_batches.hpp"
#include "store/providers.hpp"
#include "store/reference.hpp"
#include "store/services.hpp"
#include "store/settings.hpp"
#include "store/spend_rollup.hpp"
#include "store/sql.hpp"
#include "store/timestamp.hpp"

#include <fmt/format.h>

#include <variant>

namespace vendorcat::store {

namespace {

constexpr const char* select_engagement =
  "SELECT e.id, e.ref, p.name, s.code, e.delivery_country, e.start_date, e.end_date, e.title, "
  "e.client_unit, e.delivery_model, e.type, e.notice_days, e.auto_renew, e.value, e.currency, "
  "e.status, e.owner, e.notes, e.model_source, e.type_source, c.minor_units, e.renewal_months "
  "FROM engagement e JOIN provider p ON p.id = e.provider_id JOIN service s ON s.id = e.service_id "
  "JOIN currency c ON c.code = e.currency ";

Engagement read_engagement(const Query& row)
{
  Engagement e;
  e.id = row.integer(0);
  e.ref = row.text(1);
  e.provider = row.text(2);
  e.service = row.text(3);
  e.delivery_country = row.text(4);
  e.start_date = domain::Date::parse(row.text_view(5));
  if (!row.is_null(6)) {
    e.end_date = domain::Date::parse(row.text_view(6));
  }
  e.title = row.optional_text(7);
  e.client_unit = row.optional_text(8);
  e.delivery_model = domain::parse_delivery_model(row.text(9));
  e.type = domain::parse_outsourcing_type(row.text(10));
  e.notice_days = row.optional_integer(11);
  e.auto_renew = row.integer(12) != 0;
  if (!row.is_null(13)) {
    e.value = domain::Amount{row.integer(13), static_cast<int>(row.integer(20))};
  }
  e.currency = row.text(14);
  e.status = row.text(15);
  e.owner = row.optional_text(16);
  e.notes = row.optional_text(17);
  e.model_source = domain::parse_source(row.text(18));
  e.type_source = domain::parse_source(row.text(19));
  e.renewal_months = row.optional_integer(21);
  return e;
}

// Binds ROW's twenty columns, in the order of the INSERT and UPDATE below.
void bind_row(Query& statement, const EngagementRow& row)
{
  statement.bind(1, row.ref);
  statement.bind(2, row.provider_id);
  statement.bind(3, row.service_id);
  statement.bind(4, row.title);
  statement.bind(5, row.client_unit);
  statement.bind(6, row.delivery_country);
  statement.bind(7, domain::to_string(row.delivery_model));
  statement.bind(8, domain::to_string(row.model_source));
  statement.bind(9, domain::to_string(row.type));
  statement.bind(10, domain::to_string(row.type_source));
  statement.bind(11, row.start_date);
  statement.bind(12, row.end_date);
  statement.bind(13, row.notice_days);
  statement.bind(14, row.auto_renew);
  statement.bind(15, row.value);
  statement.bind(16, row.currency);
  statement.bind(17, row.status);
  statement.bind(18, row.owner);
  statement.bind(19, row.notes);
  statement.bind(20, row.renewal_months);
}

// What engagement ID's spend is grouped under in spend_by_class.
EngagementClass stored_class(Catalogue& catalogue, std::int64_t id)
{
  Query query(connection(catalogue), "SELECT type, delivery_model FROM engagement WHERE id = ?", id);
  if (!query.next()) {
    throw NotFound(fmt::format("no engagement with id {}", id));
  }
  return {domain::parse_outsourcing_type(query.text_view(0)),
          domain::parse_delivery_model(query.text_view(1))};
}

// A classification that re-derivation writes: its column, its source's
// column, and both values from a newly classified row.
struct Rederived
{
  const char* column;
  const char* source_column;
  domain::Source (*source)(const EngagementRow&);
  std::string (*value)(const EngagementRow&);
};

constexpr Rederived model_column{
  "delivery_model", "model_source", [](const EngagementRow& row) { return row.model_source; },
  [](const EngagementRow& row) { return domain::to_string(row.delivery_model); }};
constexpr Rederived type_column{"type", "type_source",
                                [](const EngagementRow& row) { return row.type_source; },
                                [](const EngagementRow& row) { return domain::to_string(row.type); }};

// Classifies again each engagement whose id IDS yields and writes WHAT where
// the new classification differs from it, audited; returns how many changed.
int rederive(Catalogue& catalogue, Query& ids, const Rederived& what)
{
  std::vector<std::int64_t> found;
  while (ids.next()) {
    found.push_back(ids.integer(0));
  }
  int changed = 0;
  const EngagementRules rules(catalogue);
  Query update(connection(catalogue),
               fmt::format("UPDATE engagement SET {0} = ?1, {1} = ?4, updated_at = ?3 WHERE id = ?2 AND "
                           "({0} <> ?1 OR {1} <> ?4)",
                           what.column, what.source_column));
  RollupWriter rollup(connection(catalogue));
  for (const auto id : found) {
    const auto before = row_snapshot(catalogue, "engagement", id);
    const auto old_class = stored_class(catalogue, id);
    const auto row = rules.resolve(id, {});
    update.bind(1, what.value(row));
    update.bind(2, id);
    update.bind(3, utc_timestamp());
    update.bind(4, domain::to_string(what.source(row)));
    update.run();
    if (update.changes() > 0) {
      rollup.move(id, old_class, stored_class(catalogue, id));
      audit_update(catalogue, "engagement", id, before);
      ++changed;
    }
  }
  return changed;
}

// True when ENGAGEMENT's end date or notice deadline falls within [FROM, UNTIL].
bool expires_within(const Engagement& engagement, const domain::Date& from, const domain::Date& until)
{
  if (!engagement.end_date) {
    return false;
  }
  const auto end = *engagement.end_date;
  if (end >= from && end <= until) {
    return true;
  }
  if (!engagement.notice_days) {
    return false;
  }
  const auto deadline = end.add_days(-static_cast<int>(*engagement.notice_days));
  return deadline >= from && deadline <= until;
}

} // namespace

Engagement add_engagement(Catalogue& catalogue, const EngagementFields& fields)
{
  return add_engagement(catalogue, EngagementRules(catalogue), fields);
}

Engagement add_engagement(Catalogue& catalogue, const EngagementRules& rules, const EngagementFields& fields)
{
  const auto row = rules.resolve(std::nullopt, fields);
  Query insert(
    connection(catalogue),
    "INSERT INTO engagement (ref, provider_id, service_id, title, client_unit, delivery_country, "
    "delivery_model, model_source, type, type_source, start_date, end_date, notice_days, auto_renew, "
    "value, currency, status, owner, notes, renewal_months, created_at, updated_at) VALUES (?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?21, ?21)");
  bind_row(insert, row);
  insert.bind(21, utc_timestamp());
  const auto id = insert.run_insert();
  stamp_import_batch(catalogue, "engagement", id);
  audit_insert(catalogue, "engagement", id);
  return engagement_by_id(catalogue, id);
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
  const auto old_class = stored_class(catalogue, id);
  Query update(connection(catalogue),
               "UPDATE engagement SET ref = ?, provider_id = ?, service_id = ?, title = ?, client_unit = ?, "
               "delivery_country = ?, delivery_model = ?, model_source = ?, type = ?, type_source = ?, "
               "start_date = ?, end_date = ?, notice_days = ?, auto_renew = ?, value = ?, currency = ?, "
               "status = ?, owner = ?, notes = ?, renewal_months = ?, updated_at = ? WHERE id = ?");
  bind_row(update, row);
  update.bind(21, utc_timestamp());
  update.bind(22, id);
  update.run();
  RollupWriter(connection(catalogue)).move(id, old_class, {row.type, row.delivery_model});
  audit_update(catalogue, "engagement", id, before);
  return engagement_by_id(catalogue, id);
}

void remove_engagement(Catalogue& catalogue, std::int64_t id)
{
  const auto engagement = engagement_by_id(catalogue, id);
  if (const auto count =
        Query(connection(catalogue), "SELECT count(*) FROM spend WHERE engagement_id = ?", id).run_integer();
      count > 0) {
    throw ValidationError(fmt::format("cannot remove engagement '{}': {} to it; remove them first or set "
                                      "'--status terminated'",
                                      engagement.ref,
                                      domain::counted(count, "spend line refers", "spend lines refer")));
  }
  const auto before = row_snapshot(catalogue, "engagement", id);
  Query(connection(catalogue), "DELETE FROM engagement WHERE id = ?", id).run();
  audit_delete(catalogue, "engagement", id, before);
}

Engagement find_engagement(Catalogue& catalogue, std::string_view text)
{
  const std::string key(text);
  const bool numeric =
    !key.empty() && key.size() < 18 && key.find_first_not_of("0123456789") == std::string::npos;
  // A ref wins over an id: an engagement may be called "42". Two look-ups,
  // each through its index (one OR of both would sort for every call).
  if (const auto id = find_engagement_id(catalogue, key)) {
    return engagement_by_id(catalogue, *id);
  }
  if (numeric) {
    Query query(connection(catalogue), std::string(select_engagement) + "WHERE e.id = ?",
                std::int64_t{std::stoll(key)});
    if (query.next()) {
      return read_engagement(query);
    }
  }
  std::vector<std::string> refs;
  Query all(connection(catalogue), "SELECT ref FROM engagement");
  while (all.next()) {
    refs.push_back(all.text(0));
  }
  throw NotFound(fmt::format("no engagement '{}'{}", text, domain::did_you_mean(text, refs)));
}

Engagement engagement_by_id(Catalogue& catalogue, std::int64_t id)
{
  Query query(connection(catalogue), std::string(select_engagement) + "WHERE e.id = ?", id);
  if (!query.next()) {
    throw NotFound(fmt::format("no engagement with id {}", id));
  }
  return read_engagement(query);
}

std::optional<std::int64_t> find_engagement_id(Catalogue& catalogue, std::string_view ref)
{
  Query query(connection(catalogue), "SELECT id FROM engagement WHERE lower(ref) = lower(?)", ref);
  if (query.next()) {
    return query.integer(0);
  }
  return std::nullopt;
}

std::vector<Engagement> list_engagements(Catalogue& catalogue, const EngagementFilter& filter)
{
  std::vector<Engagement> engagements;
  each_engagement(catalogue, filter,
                  [&](const Engagement& engagement) { engagements.push_back(engagement); });
  return engagements;
}

void each_engagement(Catalogue& catalogue, const EngagementFilter& filter,
                     const std::function<void(const Engagement&)>& visit)
{
  std::string sql = std::string(select_engagement) + "WHERE TRUE";
  std::vector<SqlValue> params;
  std::optional<domain::Date> expiring_from;
  std::optional<domain::Date> expiring_until;
  if (!filter.provider.empty()) {
    sql += " AND e.provider_id = ?";
    params.emplace_back(find_provider(catalogue, filter.provider).id);
  } else if (filter.provider_id) {
    sql += " AND e.provider_id = ?";
    params.emplace_back(*filter.provider_id);
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
  if (!filter.type_source.empty()) {
    sql += " AND e.type_source = ?";
    params.emplace_back(domain::to_string(domain::parse_source(domain::trim(filter.type_source))));
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
  if (!filter.on.empty() && !filter.expiring_within && !filter.overdue) {
    throw UsageError("--on only applies with --expiring-within or --overdue");
  }
  const auto on = filter.on.empty() ? domain::Date::today() : domain::Date::parse(filter.on);
  if (filter.expiring_within) {
    if (*filter.expiring_within < 0) {
      throw ValidationError(fmt::format("invalid --expiring-within {}: give a number of days, 0 or more",
                                        *filter.expiring_within));
    }
    expiring_from = on;
    expiring_until = on.add_days(*filter.expiring_within);
    // A notice deadline in the window means an end date at most the longest
    // notice after it; the deadline itself is checked below, in C++ (SQL
    // dialects differ on date arithmetic).
    sql += " AND e.end_date >= ?";
    params.emplace_back(on.to_string());
  }
  if (filter.overdue) {
    sql += " AND e.status = 'active' AND e.end_date < ?"; // renewing is decided in C++, below
    params.emplace_back(on.to_string());
  }
  Query query(connection(catalogue), sql + " ORDER BY e.ref");
  query.bind_all(params);
  while (query.next()) {
    const auto engagement = read_engagement(query);
    if ((!expiring_from || expires_within(engagement, *expiring_from, *expiring_until)) &&
        (!filter.overdue || is_overdue(engagement, on))) {
      visit(engagement);
    }
  }
}

bool is_overdue(const Engagement& engagement, const domain::Date& on)
{
  const auto term = domain::current_term(
    {engagement.end_date, engagement.notice_days, engagement.auto_renew, engagement.renewal_months}, on);
  return engagement.status == "active" && term && term->state == domain::RenewalState::ended;
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
      lines.push_back(
        domain::explain_model({home_country.code, home_country.region}, {delivery.code, delivery.region}));
    }
  } else {
    lines.push_back(fmt::format("{}: set explicitly", domain::to_string(engagement.delivery_model)));
  }
  lines.push_back(domain::explain_type({engagement.type, engagement.type_source},
                                       assessment_of(catalogue, engagement.id), engagement.service));
  return lines;
}

int rederive_delivery_models(Catalogue& catalogue)
{
  Query derived(connection(catalogue), "SELECT id FROM engagement WHERE model_source = 'derived'");
  return rederive(catalogue, derived, model_column);
}

int rederive_types(Catalogue& catalogue, std::int64_t service_id)
{
  Query derived(connection(catalogue),
                "SELECT id FROM engagement WHERE service_id = ? AND type_source <> 'explicit'", service_id);
  return rederive(catalogue, derived, type_column);
}

bool rederive_type(Catalogue& catalogue, std::int64_t id)
{
  Query derived(connection(catalogue), "SELECT id FROM engagement WHERE id = ? AND type_source <> 'explicit'",
                id);
  return rederive(catalogue, derived, type_column) > 0;
}

} // namespace vendorcat::store
