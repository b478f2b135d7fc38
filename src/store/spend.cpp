// Spend lines one at a time. Writes go through SpendWriter, which keeps the
// monthly roll-up exact in the same transaction; reads join the engagement
// and currency so that a line comes out as the user wrote it.

#include "store/spend.hpp"

#include "domain/amount.hpp"
#include "domain/counted.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "store/audit.hpp"
#include "store/engagements.hpp"
#include "store/providers.hpp"
#include "store/reference.hpp"
#include "store/spend_writer.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

SpendLine add_spend(Catalogue& catalogue, const std::string& engagement, const std::string& date,
                    const std::string& amount, const std::optional<std::string>& currency,
                    const std::optional<std::string>& reference)
{
  const auto target = find_engagement(catalogue, engagement);
  const auto& ref_data = Reference::of(catalogue);
  SpendRow row;
  row.engagement_id = target.id;
  row.date = domain::Date::parse(date).to_string();
  row.currency = currency && !currency->empty() ? ref_data.currency(*currency).code : target.currency;
  row.amount = domain::parse_amount(amount, ref_data.currency(row.currency).minor_units);
  if (reference && !reference->empty()) {
    row.reference = reference;
  }
  SpendWriter writer(catalogue);
  const auto id = writer.insert(row);
  writer.flush();
  audit_insert(catalogue, "spend", id);
  return {id,
          target.ref,
          domain::Date::parse(row.date),
          {row.amount, ref_data.currency(row.currency).minor_units},
          row.currency,
          row.reference};
}

void remove_spend(Catalogue& catalogue, std::int64_t id)
{
  const auto before = row_snapshot(catalogue, "spend", id);
  SpendWriter writer(catalogue);
  writer.remove(id);
  writer.flush();
  audit_delete(catalogue, "spend", id, before);
}

std::vector<SpendLine> list_spend(Catalogue& catalogue, const SpendFilter& filter)
{
  std::vector<SpendLine> lines;
  each_spend(catalogue, filter, [&](const SpendLine& line) { lines.push_back(line); });
  return lines;
}

void each_spend(Catalogue& catalogue, const SpendFilter& filter,
                const std::function<void(const SpendLine&)>& visit, SpendOrder order)
{
  std::string sql =
    "SELECT s.id, e.ref, s.date, s.amount, c.minor_units, s.currency, s.reference FROM spend s "
    "JOIN engagement e ON e.id = s.engagement_id JOIN currency c ON c.code = s.currency WHERE TRUE";
  std::vector<SqlValue> params;
  if (!filter.engagement.empty()) {
    sql += " AND s.engagement_id = ?";
    params.emplace_back(find_engagement(catalogue, filter.engagement).id);
  }
  if (!filter.provider.empty()) {
    sql += " AND e.provider_id = ?";
    params.emplace_back(find_provider(catalogue, filter.provider).id);
  }
  if (!filter.from.empty()) {
    sql += " AND s.date >= ?";
    params.emplace_back(domain::Date::parse(filter.from).to_string());
  }
  if (!filter.to.empty()) {
    sql += " AND s.date <= ?";
    params.emplace_back(domain::Date::parse(filter.to).to_string());
  }
  if (!filter.from.empty() && !filter.to.empty()) {
    domain::check_range(domain::Date::parse(filter.from), domain::Date::parse(filter.to));
  }
  Query query(connection(catalogue),
              sql + (order == SpendOrder::by_date ? " ORDER BY s.date, s.id" : " ORDER BY s.id"));
  query.bind_all(params);
  SpendLine line;
  while (query.next()) {
    line.id = query.integer(0);
    line.engagement = query.text_view(1);
    line.date = domain::Date::parse(query.text_view(2));
    line.amount = {query.integer(3), static_cast<int>(query.integer(4))};
    line.currency = query.text_view(5);
    line.reference = query.optional_text(6);
    visit(line);
  }
}

namespace {

// "3 lines" from COLUMN of QUERY, or "no lines" when it is NULL.
std::string lines_text(const Query& query, int column)
{
  return query.is_null(column) ? std::string("no lines") : domain::counted(query.integer(column), "line");
}

} // namespace

std::vector<std::string> check_spend_rollup(Catalogue& catalogue)
{
  constexpr std::string_view month_of_date =
    "CAST(substr(date, 1, 4) AS INTEGER) * 12 + CAST(substr(date, 6, 2) AS INTEGER) - 1";
  std::vector<std::string> problems;
  Query monthly(
    connection(catalogue),
    fmt::format("WITH raw AS (SELECT engagement_id, {0} AS month, currency, sum(amount) AS amount, "
                "count(*) AS lines FROM spend GROUP BY engagement_id, {0}, currency) "
                "SELECT r.engagement_id, r.month, r.currency, r.amount, r.lines, m.amount, m.lines "
                "FROM raw r LEFT JOIN spend_monthly m USING (engagement_id, month, currency) "
                "WHERE m.amount IS DISTINCT FROM r.amount OR m.lines IS DISTINCT FROM r.lines "
                "UNION ALL SELECT m.engagement_id, m.month, m.currency, NULL, NULL, m.amount, m.lines "
                "FROM spend_monthly m LEFT JOIN raw r USING (engagement_id, month, currency) "
                "WHERE r.lines IS NULL",
                month_of_date));
  while (monthly.next()) {
    problems.push_back(
      fmt::format("engagement {} {} {}: lines sum to {} in {}, roll-up says {} in {}", monthly.integer(0),
                  domain::Month::from_index(static_cast<int>(monthly.integer(1))), monthly.text(2),
                  monthly.text(3), lines_text(monthly, 4), monthly.text(5), lines_text(monthly, 6)));
  }
  Query classes(
    connection(catalogue),
    "WITH expected AS (SELECT m.month, m.currency, e.type, e.delivery_model, sum(m.amount) AS amount, "
    "sum(m.lines) AS lines FROM spend_monthly m JOIN engagement e ON e.id = m.engagement_id "
    "GROUP BY m.month, m.currency, e.type, e.delivery_model) "
    "SELECT x.month, x.currency, x.type, x.delivery_model, x.amount, x.lines, c.amount, c.lines "
    "FROM expected x LEFT JOIN spend_by_class c USING (month, currency, type, delivery_model) "
    "WHERE c.amount IS DISTINCT FROM x.amount OR c.lines IS DISTINCT FROM x.lines "
    "UNION ALL SELECT c.month, c.currency, c.type, c.delivery_model, NULL, NULL, c.amount, c.lines "
    "FROM spend_by_class c LEFT JOIN expected x USING (month, currency, type, delivery_model) "
    "WHERE x.lines IS NULL");
  while (classes.next()) {
    problems.push_back(fmt::format("{} {} {} {}: the monthly roll-up sums to {} in {}, the class roll-up "
                                   "says {} in {}",
                                   domain::Month::from_index(static_cast<int>(classes.integer(0))),
                                   classes.text(1), classes.text(2), classes.text(3), classes.text(4),
                                   lines_text(classes, 5), classes.text(6), lines_text(classes, 7)));
  }
  return problems;
}

} // namespace vendorcat::store
