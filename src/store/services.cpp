#include "store/services.hpp"

#include "domain/errors.hpp"
#include "domain/suggest.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>

namespace vendorcat::store {

namespace {

constexpr const char* select_services =
  "SELECT s.id, s.code, s.name, s.default_type, coalesce(p.code, '') "
  "FROM service s LEFT JOIN service p ON p.id = s.parent_id ";

Service read_service(SQLite::Statement& row)
{
  return {row.getColumn(0).getInt64(), row.getColumn(1).getString(), row.getColumn(2).getString(),
          domain::parse_outsourcing_type(row.getColumn(3).getString()),
          row.getColumn(4).getString()};
}

bool valid_code(std::string_view code)
{
  return !code.empty() && code.front() != '-' && code.back() != '-' &&
         std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

} // namespace

std::vector<Service> list_services(Catalogue& catalogue, std::optional<domain::OutsourcingType> type)
{
  SQLite::Statement query(catalogue.db(), std::string(select_services) +
                                            "WHERE ?1 IS NULL OR s.default_type = ?1 ORDER BY s.id");
  if (type) {
    query.bind(1, std::string(domain::to_string(*type)));
  }
  std::vector<Service> services;
  while (query.executeStep()) {
    services.push_back(read_service(query));
  }
  return services;
}

Service find_service(Catalogue& catalogue, std::string_view code)
{
  SQLite::Statement query(catalogue.db(), std::string(select_services) + "WHERE s.code = ?");
  query.bind(1, std::string(code));
  if (query.executeStep()) {
    return read_service(query);
  }
  std::vector<std::string> codes;
  for (const auto& service : list_services(catalogue)) {
    codes.push_back(service.code);
  }
  throw NotFound(fmt::format("unknown service '{}'{}", code, domain::did_you_mean(code, codes)));
}

Service add_service(Catalogue& catalogue, std::string_view code, std::string_view name,
                    domain::OutsourcingType type, std::string_view parent)
{
  const std::string lowered = domain::fold_case(code);
  if (!valid_code(lowered)) {
    throw ValidationError(fmt::format(
      "invalid service code '{}': use lower-case letters, digits and hyphens, e.g. 'claims-processing'",
      code));
  }
  if (name.find_first_not_of(" \t") == std::string_view::npos) {
    throw ValidationError("a service needs a name: pass --name");
  }
  SQLite::Statement exists(catalogue.db(), "SELECT 1 FROM service WHERE code = ?");
  exists.bind(1, lowered);
  if (exists.executeStep()) {
    throw ValidationError(fmt::format("service '{}' already exists", lowered));
  }
  std::optional<std::int64_t> parent_id;
  if (!parent.empty()) {
    parent_id = find_service(catalogue, parent).id;
  }
  SQLite::Statement insert(catalogue.db(),
                           "INSERT INTO service (code, name, default_type, parent_id) VALUES (?, ?, ?, ?)");
  insert.bind(1, lowered);
  insert.bind(2, std::string(name));
  insert.bind(3, std::string(domain::to_string(type)));
  if (parent_id) {
    insert.bind(4, *parent_id);
  }
  insert.exec();
  return find_service(catalogue, lowered);
}

} // namespace vendorcat::store
