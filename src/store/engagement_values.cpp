// The engagements' dimension values for reports (see engagement_values.hpp).
// A dimension's value is read by the SQL below; an empty one is "(none)".

#include "store/engagement_values.hpp"

#include "domain/date.hpp"
#include "domain/quantity.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

namespace {

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
  case SpendDimension::engagement:
    return "e.ref";
  }
  return "NULL";
}

std::uint64_t month_key(std::int64_t engagement_id, int month)
{
  return static_cast<std::uint64_t>(engagement_id) << 32 | static_cast<std::uint32_t>(month);
}

} // namespace

EngagementValues::EngagementValues(Catalogue& catalogue, const SpendQuery& query) : m_count(query.by.size())
{
  std::string sql = "SELECT e.id";
  for (const auto dimension : query.by) {
    sql += fmt::format(", coalesce({}, '(none)')", dimension_sql(dimension));
  }
  sql += " FROM engagement e WHERE TRUE";
  std::vector<SqlValue> params;
  if (query.provider_id) {
    sql += " AND e.provider_id = ?";
    params.emplace_back(*query.provider_id);
  }
  if (query.service_id) {
    sql += " AND e.service_id = ?";
    params.emplace_back(*query.service_id);
  }
  Query statement(connection(catalogue), sql);
  statement.bind_all(params);
  while (statement.next()) {
    m_slot.emplace(statement.integer(0), m_slot.size());
    for (std::size_t i = 0; i < m_count; ++i) {
      m_values.emplace_back(statement.text_view(static_cast<int>(i) + 1));
    }
  }
  if (query.volume_unit) {
    m_by_volume = true;
    Query volumes(connection(catalogue), "SELECT engagement_id, month FROM volume WHERE unit = ?",
                  domain::to_string(*query.volume_unit));
    while (volumes.next()) {
      m_volume_months.insert(
        month_key(volumes.integer(0), domain::Month::parse(volumes.text_view(1)).index()));
    }
  }
}

bool EngagementValues::fill(std::int64_t engagement_id, std::vector<std::string_view>& dimensions) const
{
  const auto found = m_slot.find(engagement_id);
  if (found == m_slot.end()) {
    return false;
  }
  for (std::size_t i = 0; i < m_count; ++i) {
    dimensions[i] = m_values[found->second * m_count + i];
  }
  return true;
}

bool EngagementValues::counts(std::int64_t engagement_id, int month) const
{
  return !m_by_volume || m_volume_months.contains(month_key(engagement_id, month));
}

} // namespace vendorcat::store
