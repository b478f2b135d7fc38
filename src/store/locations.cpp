#include "store/locations.hpp"

#include "domain/errors.hpp"
#include "store/audit.hpp"
#include "store/backend.hpp"
#include "store/import_batches.hpp"
#include "store/reference.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

namespace {

// An optional filter is `(? = 1 OR column = ?)`: 1 and any value when it is
// not given, 0 and the value when it is, so one statement serves both. By
// provider name as a person sorts names (Backend::name_order).
std::string select_locations(Catalogue& catalogue)
{
  return "SELECT l.id, p.name, l.country, l.city, l.name FROM location l JOIN provider p ON p.id = "
         "l.provider_id WHERE (? = 1 OR l.provider_id = ?) AND (? = 1 OR l.country = ?) ORDER BY " +
         backend(catalogue).name_order("p.name") + ", l.country, l.city, l.id";
}

std::string select_offerings(Catalogue& catalogue)
{
  return "SELECT o.id, p.name, s.code FROM offering o JOIN provider p ON p.id = o.provider_id "
         "JOIN service s ON s.id = o.service_id WHERE (? = 1 OR o.provider_id = ?) AND (? = 1 OR "
         "o.service_id "
         "= ?) ORDER BY " +
         backend(catalogue).name_order("p.name") + ", s.code";
}

} // namespace

Location add_location(Catalogue& catalogue, std::int64_t provider_id, const std::string& country,
                      const std::optional<std::string>& city, const std::optional<std::string>& name)
{
  const auto code = Reference::of(catalogue).country(country).code;
  const auto id = Query(connection(catalogue),
                        "INSERT INTO location (provider_id, country, city, name) VALUES (?, ?, ?, ?)",
                        provider_id, code, city, name)
                    .run_insert();
  stamp_import_batch(catalogue, "location", id);
  audit_insert(catalogue, "location", id);
  Query provider(connection(catalogue), "SELECT name FROM provider WHERE id = ?", provider_id);
  provider.next();
  return {id, provider.text(0), code, city, name};
}

std::optional<std::int64_t> find_location(Catalogue& catalogue, std::int64_t provider_id,
                                          const std::string& country, const std::optional<std::string>& city)
{
  Query query(
    connection(catalogue),
    "SELECT id FROM location WHERE provider_id = ? AND country = ? AND lower(coalesce(city, '')) = lower(?)",
    provider_id, upper_code(country), city.value_or(""));
  if (query.next()) {
    return query.integer(0);
  }
  return std::nullopt;
}

void remove_location(Catalogue& catalogue, std::int64_t id)
{
  const auto before = row_snapshot(catalogue, "location", id);
  Query(connection(catalogue), "DELETE FROM location WHERE id = ?", id).run();
  audit_delete(catalogue, "location", id, before);
}

std::vector<Location> list_locations(Catalogue& catalogue, std::optional<std::int64_t> provider_id,
                                     const std::string& country)
{
  std::string code;
  if (!country.empty()) {
    code = Reference::of(catalogue).country(country).code;
  }
  Query query(connection(catalogue), select_locations(catalogue), !provider_id, provider_id.value_or(0),
              code.empty(), code);
  std::vector<Location> locations;
  while (query.next()) {
    locations.push_back(
      {query.integer(0), query.text(1), query.text(2), query.optional_text(3), query.optional_text(4)});
  }
  return locations;
}

Offering add_offering(Catalogue& catalogue, std::int64_t provider_id, std::int64_t service_id)
{
  if (find_offering(catalogue, provider_id, service_id)) {
    throw ValidationError("the provider already offers that service");
  }
  const auto id = Query(connection(catalogue), "INSERT INTO offering (provider_id, service_id) VALUES (?, ?)",
                        provider_id, service_id)
                    .run_insert();
  stamp_import_batch(catalogue, "offering", id);
  audit_insert(catalogue, "offering", id);
  return *find_offering(catalogue, provider_id, service_id);
}

std::optional<Offering> find_offering(Catalogue& catalogue, std::int64_t provider_id, std::int64_t service_id)
{
  Query query(connection(catalogue),
              "SELECT o.id, p.name, s.code FROM offering o JOIN provider p ON p.id = o.provider_id "
              "JOIN service s ON s.id = o.service_id WHERE o.provider_id = ? AND o.service_id = ?",
              provider_id, service_id);
  if (!query.next()) {
    return std::nullopt;
  }
  return Offering{query.integer(0), query.text(1), query.text(2)};
}

void remove_offering(Catalogue& catalogue, std::int64_t provider_id, std::int64_t service_id)
{
  const auto offering = find_offering(catalogue, provider_id, service_id);
  if (!offering) {
    throw NotFound("the provider does not offer that service");
  }
  const auto id = offering->id;
  const auto before = row_snapshot(catalogue, "offering", id);
  Query(connection(catalogue), "DELETE FROM offering WHERE id = ?", id).run();
  audit_delete(catalogue, "offering", id, before);
}

std::vector<Offering> list_offerings(Catalogue& catalogue, std::optional<std::int64_t> provider_id,
                                     std::optional<std::int64_t> service_id)
{
  Query query(connection(catalogue), select_offerings(catalogue), !provider_id, provider_id.value_or(0),
              !service_id, service_id.value_or(0));
  std::vector<Offering> offerings;
  while (query.next()) {
    offerings.push_back({query.integer(0), query.text(1), query.text(2)});
  }
  return offerings;
}

} // namespace vendorcat::store
