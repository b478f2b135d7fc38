// Reading spend for reports. Whole months come from the roll-up: from
// spend_by_class (one row per month, currency, type and delivery model) when
// the report asks for nothing but those, else from spend_monthly (one row per
// engagement, month and currency however many lines there are). When --from
// or --to cuts a month, that month's lines in range come from the spend
// table, so a range is exact to the day without scanning every month. With
// a volume unit, only the months of each engagement that have a volume in
// that unit are visited (the unit-cost report), always by engagement.

#include "store/spend_rows.hpp"

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "store/engagement_values.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>

namespace vendorcat::store {

namespace {

constexpr std::array dimension_names{"type",    "model",  "provider", "service",
                                     "country", "region", "unit",     "engagement"};
// The dimensions parse_dimension accepts: all but engagement.
constexpr std::size_t named_dimensions = dimension_names.size() - 1;

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
  lines,   // the spend table, for the days of a cut month
  monthly, // spend_monthly
};

// True when QUERY needs nothing spend_by_class does not keep.
bool class_level_will_do(const SpendQuery& query)
{
  if (query.provider_id || query.service_id || query.volume_unit) {
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

// The class level, summed by SQL over its few rows. FIRST and LAST are
// month indexes, inclusive.
void run_by_class(Catalogue& catalogue, const SpendQuery& query, std::int64_t first, std::int64_t last,
                  const std::function<void(const MonthlySpend&)>& visit)
{
  std::string dims;
  std::string group = "1, 2";
  for (std::size_t i = 0; i < query.by.size(); ++i) {
    dims += query.by[i] == SpendDimension::type ? ", m.type" : ", m.delivery_model";
    group += fmt::format(", {}", i + 3);
  }
  Query statement(
    connection(catalogue),
    fmt::format("SELECT m.month, m.currency{}, sum(m.amount), sum(m.lines) FROM spend_by_class m "
                "WHERE m.month BETWEEN ? AND ? GROUP BY {}",
                dims, group),
    first, last);
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

// The monthly roll-up's cells (FIRST and LAST month indexes) or the lines of
// a cut month (FIRST and LAST dates), inclusive, as they are stored: the
// caller adds up rows of the same key.
void run_by_engagement(Catalogue& catalogue, const SpendQuery& query, const EngagementValues& values,
                       Source source, const SqlValue& first, const SqlValue& last,
                       const std::function<void(const MonthlySpend&)>& visit)
{
  const std::string sql =
    source == Source::lines
      ? fmt::format(
          "SELECT s.engagement_id, {}, s.currency, s.amount, 1 FROM spend s WHERE s.date BETWEEN ? AND ?",
          month_of_date)
      : "SELECT engagement_id, month, currency, amount, lines FROM spend_monthly WHERE month BETWEEN ? AND ?";
  Query statement(connection(catalogue), sql);
  statement.bind_all(std::vector<SqlValue>{first, last});
  MonthlySpend row;
  row.dimensions.resize(query.by.size());
  while (step(statement)) {
    const auto engagement_id = statement.integer(0);
    const auto month = static_cast<int>(statement.integer(1));
    if (!values.fill(engagement_id, row.dimensions) || !values.counts(engagement_id, month)) {
      continue;
    }
    row.month = domain::Month::from_index(month);
    row.currency = statement.text_view(2);
    row.amount = statement.integer(3);
    row.lines = statement.integer(4);
    visit(row);
  }
}

} // namespace

SpendDimension parse_dimension(std::string_view text)
{
  for (std::size_t i = 0; i < named_dimensions; ++i) {
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
  // Each engagement's values are read once, when a part of the range needs them.
  std::optional<EngagementValues> values;
  const auto by_engagement = [&](Source source, const SqlValue& first, const SqlValue& last) {
    if (!values) {
      values.emplace(catalogue, query);
    }
    run_by_engagement(catalogue, query, *values, source, first, last, visit);
  };
  if (first_month == last_month && (cut_start || cut_end)) {
    by_engagement(Source::lines, from.to_string(), to.to_string());
    return;
  }
  if (cut_start) {
    by_engagement(Source::lines, from.to_string(), first_month.last_day().to_string());
  }
  if (cut_end) {
    by_engagement(Source::lines, last_month.first_day().to_string(), to.to_string());
  }
  const auto whole_first = cut_start ? first_month.next() : first_month;
  const auto whole_last = cut_end ? last_month.previous() : last_month;
  if (whole_first > whole_last) {
    return;
  }
  if (class_level_will_do(query)) {
    run_by_class(catalogue, query, whole_first.index(), whole_last.index(), visit);
  } else {
    by_engagement(Source::monthly, std::int64_t{whole_first.index()}, std::int64_t{whole_last.index()});
  }
}

} // namespace vendorcat::store
