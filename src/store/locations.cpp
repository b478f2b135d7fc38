#include "store/locations.hpp"

#include "domain/errors.hpp"
#include "store/audit.hpp"
#include "store/reference.hpp"
#include "store/sql_values.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace vendorcat::store {

Location add_location(Catalogue& catalogue, std::int64_t provider_id, const std::string& country,
                      const std::optional<std::string>& city, const std::optional<std::string>& name)
{
  const auto code = Reference::of(catalogue).country(country).code;
  SQLite::Statement insert(catalogue.db(),
                           "INSERT INTO location (provider_id, country, city, name) VALUES (?, ?, ?, ?)");
  insert.bind(1, provider_id);
  insert.bind(2, code);
  bind_optional(insert, 3, city);
  bind_optional(insert, 4, name);
  insert.exec();
  const auto id = catalogue.db().getLastInsertRowid();
  audit_insert(catalogue, "location", id);
  SQLite::Statement provider(catalogue.db(), "SELECT name FROM provider WHERE id = ?");
  provider.bind(1, provider_id);
  provider.executeStep();
  return {id, provider.getColumn(0).getString(), code, city, name};
}

std::optional<std::int64_t> find_location(Catalogue& catalogue, std::int64_t provider_id,
                                          const std::string& country, const std::optional<std::string>& city)
{
  SQLite::Statement query(catalogue.db(),
                          "SELECT id FROM location WHERE provider_id = ? AND country = ? "
                          "AND coalesce(city, '') = ? COLLATE NOCASE");
  query.bind(1, provider_id);
  query.bind(2, upper_code(country));
  query.bind(3, city.value_or(""));
  if (query.executeStep()) {
    return query.getColumn(0).getInt64();
  }
  return std::nullopt;
}

void remove_location(Catalogue& catalogue, std::int64_t id)
{
  const auto before = row_snapshot(catalogue, "location", id);
  SQLite::Statement remove(catalogue.db(), "DELETE FROM location WHERE id = ?");
  remove.bind(1, id);
  remove.exec();
  audit_delete(catalogue, "location", id, before);
}

std::vector<Location> list_locations(Catalogue& catalogue, std::optional<std::int64_t> provider_id,
                                     const std::string& country)
{
  std::string code;
  if (!country.empty()) {
    code = Reference::of(catalogue).country(country).code;
  }
  SQLite::Statement query(catalogue.db(),
                          "SELECT l.id, p.name, l.country, l.city, l.name FROM location l "
                          "JOIN provider p ON p.id = l.provider_id "
                          "WHERE (?1 IS NULL OR l.provider_id = ?1) AND (?2 IS NULL OR l.country = ?2) "
                          "ORDER BY p.name_key, l.country, l.city, l.id");
  if (provider_id) {
    query.bind(1, *provider_id);
  }
  if (!code.empty()) {
    query.bind(2, code);
  }
  std::vector<Location> locations;
  while (query.executeStep()) {
    locations.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                         query.getColumn(2).getString(), optional_text(query.getColumn(3)),
                         optional_text(query.getColumn(4))});
  }
  return locations;
}

Offering add_offering(Catalogue& catalogue, std::int64_t provider_id, std::int64_t service_id)
{
  SQLite::Statement exists(catalogue.db(),
                           "SELECT 1 FROM offering WHERE provider_id = ? AND service_id = ?");
  exists.bind(1, provider_id);
  exists.bind(2, service_id);
  if (exists.executeStep()) {
    throw ValidationError("the provider already offers that service");
  }
  SQLite::Statement insert(catalogue.db(), "INSERT INTO offering (provider_id, service_id) VALUES (?, ?)");
  insert.bind(1, provider_id);
  insert.bind(2, service_id);
  insert.exec();
  const auto id = catalogue.db().getLastInsertRowid();
  audit_insert(catalogue, "offering", id);
  return list_offerings(catalogue, provider_id, service_id).front();
}

void remove_offering(Catalogue& catalogue, std::int64_t provider_id, std::int64_t service_id)
{
  const auto offerings = list_offerings(catalogue, provider_id, service_id);
  if (offerings.empty()) {
    throw NotFound("the provider does not offer that service");
  }
  const auto id = offerings.front().id;
  const auto before = row_snapshot(catalogue, "offering", id);
  SQLite::Statement remove(catalogue.db(), "DELETE FROM offering WHERE id = ?");
  remove.bind(1, id);
  remove.exec();
  audit_delete(catalogue, "offering", id, before);
}

std::vector<Offering> list_offerings(Catalogue& catalogue, std::optional<std::int64_t> provider_id,
                                     std::optional<std::int64_t> service_id)
{
  SQLite::Statement query(catalogue.db(),
                          "SELECT o.id, p.name, s.code FROM offering o "
                          "JOIN provider p ON p.id = o.provider_id JOIN service s ON s.id = o.service_id "
                          "WHERE (?1 IS NULL OR o.provider_id = ?1) AND (?2 IS NULL OR o.service_id = ?2) "
                          "ORDER BY p.name_key, s.code");
  if (provider_id) {
    query.bind(1, *provider_id);
  }
  if (service_id) {
    query.bind(2, *service_id);
  }
  std::vector<Offering> offerings;
  while (query.executeStep()) {
    offerings.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getString(),
                         query.getColumn(2).getString()});
  }
  return offerings;
}

} // namespace vendorcat::store
