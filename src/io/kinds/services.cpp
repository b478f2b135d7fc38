// Services as a record kind. A service's key is its code; with update, a row
// replaces the service's name, type and parent (an empty parent makes it
// top-level). The export writes only the services added to the built-in
// taxonomy, which every catalogue has, each after its parent.

#include "io/kinds.hpp"

#include <fmt/format.h>

namespace vendorcat::io {

namespace {

using Service = store::Service;
using Fields = ServiceFields;

const ConflictRules<Fields> rules{
  "code",
  [](store::Catalogue& catalogue, const Fields& fields) -> std::optional<std::int64_t> {
    const auto existing = store::find_service_by_code(catalogue, *fields.code);
    return existing ? std::optional<std::int64_t>(existing->id) : std::nullopt;
  },
  [](store::Catalogue& catalogue, const Fields& fields, std::int64_t) {
    return fmt::format("service '{}'", store::find_service(catalogue, *fields.code).code);
  },
  [](store::Catalogue& catalogue, const Fields& fields) {
    store::add_service(catalogue, *fields.code, *fields.name, domain::parse_outsourcing_type(*fields.type),
                       fields.parent.value_or(""));
  },
  [](store::Catalogue& catalogue, std::int64_t id, const Fields& fields) {
    store::update_service(catalogue, id, *fields.name, domain::parse_outsourcing_type(*fields.type),
                          fields.parent.value_or(""));
  },
};

} // namespace

const ServiceKind& services_kind()
{
  static const ServiceKind kind{
    Kind::services,
    {
      {"code", true, table::Align::left, [](const Service& s) -> table::Value { return s.code; },
       &Fields::code, Cell::nonempty},
      {"name", true, table::Align::left, [](const Service& s) -> table::Value { return s.name; },
       &Fields::name, Cell::nonempty},
      {"type", true, table::Align::left,
       [](const Service& s) -> table::Value { return domain::to_string(s.default_type); }, &Fields::type,
       Cell::nonempty},
      {"parent", false, table::Align::left,
       [](const Service& s) { return s.parent.empty() ? table::Value() : table::Value(s.parent); },
       &Fields::parent, Cell::nonempty},
    },
    [](const Service& s) { return s.id; },
    [](store::Catalogue& catalogue, const std::function<void(const Service&)>& visit) {
      for (const auto& service : store::list_custom_services(catalogue)) {
        visit(service);
      }
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
  };
  return kind;
}

} // namespace vendorcat::io
