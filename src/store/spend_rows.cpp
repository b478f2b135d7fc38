// Reading spend for reports. Whole months come from the roll-up: from
// spend_by_class (one row per month, currency, type and delivery model) when
// the report asks for nothing but those, else from spend_monthly (one row per
// engagement, month and currency however many lines there are). When --from
// or --to cuts a month, that month's lines in range come from the spend
// table, so a range is exact to the day without scanning every month.

#include "store/spend_rows.hpp"

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <array>

namespace vendorcat::store {

namespace {

constexpr std::array dimension_names{"type", "model", "provider", "service", "country", "region", "unit"};

std::string_view dimension_sql(SpendDimension dimension)
{
  switch (dimension) {
  case SpendDimension::type:
    return "e.type";
  case SpendDimension::model:
    return "e.delivery_model";
  case SpendDimension::provider:
    return "(SELECT name FROM provider WHERE id = e.provider_id)";
  case SpendDimension::service:
    return "(SELECT code FROM service WHERE id = e.service_id)";
  case SpendDimension::country:
    return "e.delivery_country";
  case SpendDimension::region:
    return "(SELECT region FROM country WHERE code = e.delivery_country)";
  case SpendDimension::unit:
    return "e.client_unit";
  }
  return "NULL";
}

// The next row; SQLite's bare "integer overflow" from sum() becomes a
// message that says what could not be added up.
bool step(Query& statement)
{
  try {
    return statement.next();
  } catch (const SqlError& error) {
    if (std::string_view(error.what()) == "integer overflow") {
      throw DatabaseError("the spend of one month and currency is too large to add up in 64 bits "
                          "(more than 9223372036854775807 minor units)");
    }
    throw;
  }
}

// Where a report's rows come from.
enum class Source
{
  lines,    // the spend table, for the days of a cut month
  monthly,  // spend_monthly
  by_class, // spend_by_class
};

// True when QUERY needs nothing spend_by_class does not keep.
bool class_level_will_do(const SpendQuery& query)
{
  if (query.provider_id || query.service_id) {
    return false;
  }
  for (const auto dimension : query.by) {
    if (dimension != SpendDimension::type && dimension != SpendDimension::model) {
      return false;
    }
  }
  return true;
}

constexpr std::string_view month_of_date =
  "CAST(substr(s.date, 1, 4) AS INTEGER) * 12 + CAST(substr(s.date, 6, 2) AS INTEGER) - 1";

// FIRST and LAST are dates (lines) or month indexes (the roll-up), inclusive.
void run(Catalogue& catalogue, const SpendQuery& query, Source source, const SqlValue& first,
         const SqlValue& last, const std::function<void(const MonthlySpend&)>& visit)
{
  std::string dims;
  std::string group = "1, 2";
  for (std::size_t i = 0; i < query.by.size(); ++i) {
    const auto dimension = query.by[i];
    const auto column = source == Source::by_class
                          ? (dimension == SpendDimension::type ? "m.type" : "m.delivery_model")
                          : dimension_sql(dimension);
    dims += fmt::format(", coalesce({}, '(none)')", column);
    group += fmt::format(", {}", i + 3);
  }
  std::string sql;
  if (source == Source::by_class) {
    sql = fmt::format("SELECT m.month, m.currency{}, sum(m.amount), sum(m.lines) FROM spend_by_class m "
                      "WHERE m.month BETWEEN ? AND ?",
                      dims);
  } else {
    const std::string rows =
      source == Source::lines
        ? fmt::format("SELECT s.engagement_id, {} AS month, s.currency, s.amount, 1 AS lines FROM spend s "
                      "WHERE s.date BETWEEN ? AND ?",
                      month_of_date)
        : "SELECT engagement_id, month, currency, amount, lines FROM spend_monthly WHERE month BETWEEN ? AND "
          "?";
    sql = fmt::format("SELECT m.month, m.currency{}, sum(m.amount), sum(m.lines) FROM ({}) m "
                      "JOIN engagement e ON e.id = m.engagement_id WHERE TRUE",
                      dims, rows);
  }
  std::vector<SqlValue> params{first, last};
  if (query.provider_id) {
    sql += " AND e.provider_id = ?";
    params.emplace_back(*query.provider_id);
  }
  if (query.service_id) {
    sql += " AND e.service_id = ?";
    params.emplace_back(*query.service_id);
  }
  sql += " GROUP BY " + group;
  Query statement(connection(catalogue), sql);
  statement.bind_all(params);
  MonthlySpend row;
  row.dimensions.resize(query.by.size());
  const int count = static_cast<int>(query.by.size());
  while (step(statement)) {
    row.month = domain::Month::from_index(static_cast<int>(statement.integer(0)));
    row.currency = statement.text_view(1);
    for (int i = 0; i < count; ++i) {
      row.dimensions[static_cast<std::size_t>(i)] = statement.text_view(2 + i);
    }
    row.amount = statement.integer(2 + count);
    row.lines = statement.integer(3 + count);
    visit(row);
  }
}

} // namespace

SpendDimension parse_dimension(std::string_view text)
{
  for (std::size_t i = 0; i < dimension_names.size(); ++i) {
    if (text == dimension_names[i]) {
      return static_cast<SpendDimension>(i);
    }
  }
  throw ValidationError(fmt::format(
    "unknown dimension '{}': expected type, model, provider, service, country, region or unit", text));
}

std::string_view to_string(SpendDimension dimension)
{
  return dimension_names[static_cast<std::size_t>(dimension)];
}

void each_monthly_spend(Catalogue& catalogue, const SpendQuery& query,
                        const std::function<void(const MonthlySpend&)>& visit)
{
  using domain::Date;
  using domain::Month;
  const auto from = query.from.value_or(Date(Date::min_year, 1, 1));
  const auto to = query.to.value_or(Date(Date::max_year, 12, 31));
  if (to < from) {
    return;
  }
  const auto first_month = Month::of(from);
  const auto last_month = Month::of(to);
  const bool cut_start = from != first_month.first_day();
  const bool cut_end = to != last_month.last_day();
  if (first_month == last_month && (cut_start || cut_end)) {
    run(catalogue, query, Source::lines, from.to_string(), to.to_string(), visit);
    return;
  }
  if (cut_start) {
    run(catalogue, query, Source::lines, from.to_string(), first_month.last_day().to_string(), visit);
  }
  if (cut_end) {
    run(catalogue, query, Source::lines, last_month.first_day().to_string(), to.to_string(), visit);
  }
  const auto whole_first = cut_start ? first_month.next() : first_month;
  const auto whole_last = cut_end ? last_month.previous() : last_month;
  if (whole_first <= whole_last) {
    run(catalogue, query, class_level_will_do(query) ? Source::by_class : Source::monthly,
        std::int64_t{whole_first.index()}, std::int64_t{whole_last.index()}, visit);
  }
}

} // namespace vendorcat::store
