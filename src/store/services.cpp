// The service taxonomy: the built-in services a migration loads from
// seed/reference/services.csv, and those added with `service add` or an
// import, which are validated and audited here.

#include "store/services.hpp"

#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "domain/suggest.hpp"
#include "store/audit.hpp"
#include "store/csv_seed.hpp"
#include "store/embedded.hpp"
#include "store/engagements.hpp"
#include "store/import_batches.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace vendorcat::store {

namespace {

constexpr const char* select_services = "SELECT s.id, s.code, s.name, s.default_type, coalesce(p.code, '') "
                                        "FROM service s LEFT JOIN service p ON p.id = s.parent_id ";

Service read_service(const Query& row)
{
  return {row.integer(0), row.text(1), row.text(2), domain::parse_outsourcing_type(row.text(3)), row.text(4)};
}

bool valid_code(std::string_view code)
{
  return !code.empty() && code.front() != '-' && code.back() != '-' &&
         std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// The codes of the built-in taxonomy, read from its seed file. The table
// cannot tell a built-in service from an added one: no column says so, and
// that the seed holds ids 1 to 16 only follows from the order of inserts. The
// seed file is compiled in and migration 0002 loads it as is, so its codes are
// exactly the services `db init` gives a new catalogue, which an export of
// services must leave out; migrations are append-only, so the file cannot
// change under a catalogue that has loaded it.
const std::set<std::string, std::less<>>& builtin_codes()
{
  static const std::set<std::string, std::less<>> codes = [] {
    constexpr std::string_view path = "seed/reference/services.csv";
    const auto rows = parse_csv_seed(embedded_file(path), std::string(path));
    const auto& header = rows.at(0);
    const auto column =
      static_cast<std::size_t>(std::find(header.begin(), header.end(), "code") - header.begin());
    std::set<std::string, std::less<>> found;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      found.insert(rows[i].at(column).value_or(""));
    }
    return found;
  }();
  return codes;
}

Service service_by_id(Catalogue& catalogue, std::int64_t id)
{
  Query query(connection(catalogue), std::string(select_services) + "WHERE s.id = ?", id);
  if (!query.next()) {
    throw NotFound(fmt::format("no service with id {}", id));
  }
  return read_service(query);
}

void check_name(std::string_view name)
{
  if (name.find_first_not_of(" \t") == std::string_view::npos) {
    throw FieldError("name", "a service needs a name that is not blank");
  }
}

// The service PARENT names, or nullopt when it is empty; an unknown code is
// an error about the `parent` field.
std::optional<Service> parent_of(Catalogue& catalogue, std::string_view parent)
{
  if (parent.empty()) {
    return std::nullopt;
  }
  try {
    return find_service(catalogue, parent);
  } catch (const NotFound& error) {
    throw FieldError("parent", error.what());
  }
}

// Refuses PARENT as the parent of service ID (CODE) when it is that service
// or lies below it, which would make a loop.
void refuse_loop(Catalogue& catalogue, std::int64_t id, std::string_view code, const Service& parent)
{
  Query above(connection(catalogue),
              "WITH RECURSIVE up (id) AS (SELECT CAST(? AS BIGINT) UNION "
              "SELECT s.parent_id FROM service s JOIN up ON s.id = up.id WHERE s.parent_id IS NOT NULL) "
              "SELECT 1 FROM up WHERE id = ?",
              parent.id, id);
  if (above.next()) {
    throw FieldError("parent", fmt::format("'{}' is '{}' or one of its sub-services: a service cannot be "
                                           "under itself",
                                           parent.code, code));
  }
}

} // namespace

std::vector<Service> list_services(Catalogue& catalogue, std::optional<domain::OutsourcingType> type)
{
  Query query(connection(catalogue),
              std::string(select_services) + "WHERE ? = 1 OR s.default_type = ? ORDER BY s.id", !type,
              type ? domain::to_string(*type) : std::string());
  std::vector<Service> services;
  while (query.next()) {
    services.push_back(read_service(query));
  }
  return services;
}

Service find_service(Catalogue& catalogue, std::string_view code)
{
  if (auto service = find_service_by_code(catalogue, code)) {
    return std::move(*service);
  }
  std::vector<std::string> codes;
  for (const auto& service : list_services(catalogue)) {
    codes.push_back(service.code);
  }
  throw NotFound(fmt::format("unknown service '{}'{}", code, domain::did_you_mean(code, codes)));
}

std::optional<Service> find_service_by_code(Catalogue& catalogue, std::string_view code)
{
  Query query(connection(catalogue), std::string(select_services) + "WHERE s.code = ?",
              domain::fold_case(code));
  if (query.next()) {
    return read_service(query);
  }
  return std::nullopt;
}

bool is_builtin_service(std::string_view code)
{
  return builtin_codes().contains(domain::fold_case(code));
}

std::vector<Service> list_custom_services(Catalogue& catalogue)
{
  std::vector<Service> pending;
  for (auto& service : list_services(catalogue)) {
    if (!is_builtin_service(service.code)) {
      pending.push_back(std::move(service));
    }
  }
  // By id, which puts parents first unless an update has moved a service
  // under one added after it: such a service waits a pass for its parent.
  std::vector<Service> ordered;
  std::set<std::string, std::less<>> placed;
  while (!pending.empty()) {
    std::vector<Service> waiting;
    for (auto& service : pending) {
      if (service.parent.empty() || is_builtin_service(service.parent) || placed.contains(service.parent)) {
        placed.insert(service.code);
        ordered.push_back(std::move(service));
      } else {
        waiting.push_back(std::move(service));
      }
    }
    if (waiting.size() == pending.size()) {
      throw DatabaseError(fmt::format("the service taxonomy has a loop through '{}'", waiting.front().code));
    }
    pending = std::move(waiting);
  }
  return ordered;
}

Service add_service(Catalogue& catalogue, std::string_view code, std::string_view name,
                    domain::OutsourcingType type, std::string_view parent)
{
  const std::string lowered = domain::fold_case(code);
  if (!valid_code(lowered)) {
    throw FieldError("code", fmt::format("invalid service code '{}': use lower-case letters, digits and "
                                         "hyphens, e.g. 'claims-processing'",
                                         code));
  }
  check_name(name);
  if (find_service_by_code(catalogue, lowered)) {
    throw ValidationError(fmt::format("service '{}' already exists", lowered));
  }
  const auto parent_service = parent_of(catalogue, parent);
  const auto id = Query(connection(catalogue),
                        "INSERT INTO service (code, name, default_type, parent_id) VALUES (?, ?, ?, ?)",
                        lowered, name, domain::to_string(type),
                        parent_service ? std::optional<std::int64_t>(parent_service->id) : std::nullopt)
                    .run_insert();
  stamp_import_batch(catalogue, "service", id);
  audit_insert(catalogue, "service", id);
  return service_by_id(catalogue, id);
}

Service update_service(Catalogue& catalogue, std::int64_t id, std::string_view name,
                       domain::OutsourcingType type, std::string_view parent)
{
  const auto current = service_by_id(catalogue, id);
  check_name(name);
  const auto parent_service = parent_of(catalogue, parent);
  if (parent_service) {
    refuse_loop(catalogue, id, current.code, *parent_service);
  }
  const bool same = name == current.name && type == current.default_type &&
                    (parent_service ? parent_service->code : "") == current.parent;
  if (!same && is_builtin_service(current.code)) {
    throw FieldError("code", fmt::format("'{}' is a built-in service: it cannot be changed", current.code));
  }
  const auto before = row_snapshot(catalogue, "service", id);
  Query(connection(catalogue), "UPDATE service SET name = ?, default_type = ?, parent_id = ? WHERE id = ?",
        name, domain::to_string(type),
        parent_service ? std::optional<std::int64_t>(parent_service->id) : std::nullopt, id)
    .run();
  audit_update(catalogue, "service", id, before);
  if (type != current.default_type) {
    rederive_types(catalogue, id);
  }
  return service_by_id(catalogue, id);
}

void remove_service(Catalogue& catalogue, std::int64_t id)
{
  const auto service = service_by_id(catalogue, id);
  if (is_builtin_service(service.code)) {
    throw ValidationError(
      fmt::format("cannot remove service '{}': it is a built-in service of the taxonomy", service.code));
  }
  struct Referrer
  {
    const char* sql;
    const char* one;
    const char* many;
  };
  constexpr Referrer referrers[] = {
    {"SELECT count(*) FROM offering WHERE service_id = ?", "offering refers", "offerings refer"},
    {"SELECT count(*) FROM engagement WHERE service_id = ?", "engagement refers", "engagements refer"},
    {"SELECT count(*) FROM service WHERE parent_id = ?", "sub-service refers", "sub-services refer"},
  };
  std::vector<std::string> clauses;
  for (const auto& referrer : referrers) {
    const auto count = Query(connection(catalogue), referrer.sql, id).run_integer();
    if (count > 0) {
      clauses.push_back(fmt::format("{} to it", domain::counted(count, referrer.one, referrer.many)));
    }
  }
  if (!clauses.empty()) {
    std::string list = clauses.front();
    for (std::size_t i = 1; i < clauses.size(); ++i) {
      list += (i + 1 == clauses.size() ? " and " : ", ") + clauses[i];
    }
    throw ValidationError(fmt::format("cannot remove service '{}': {}", service.code, list));
  }
  const auto before = row_snapshot(catalogue, "service", id);
  Query(connection(catalogue), "DELETE FROM service WHERE id = ?", id).run();
  audit_delete(catalogue, "service", id, before);
}

} // namespace vendorcat::store
