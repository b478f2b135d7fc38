// Locations as a record kind. A location's key is its provider, country and
// city: the same centre twice is a conflict, and there is nothing to update.

#include "io/kinds.hpp"

#include <fmt/format.h>

namespace vendorcat::io {

namespace {

using Location = store::Location;
using Fields = LocationFields;

const ConflictRules<Fields> rules{
  "city",
  [](store::Catalogue& catalogue, const Fields& fields) {
    const auto provider = store::find_provider(catalogue, *fields.provider);
    return store::find_location(catalogue, provider.id, *fields.country, fields.city);
  },
  [](store::Catalogue& catalogue, const Fields& fields, std::int64_t) {
    return fmt::format("location {}{} of '{}'", *fields.country, fields.city ? " " + *fields.city : "",
                       store::find_provider(catalogue, *fields.provider).name);
  },
  [](store::Catalogue& catalogue, const Fields& fields) {
    const auto provider = store::find_provider(catalogue, *fields.provider);
    store::add_location(catalogue, provider.id, *fields.country, fields.city, fields.name);
  },
  nullptr,
};

} // namespace

const LocationKind& locations_kind()
{
  static const LocationKind kind{
    Kind::locations,
    {
      {"provider", true, table::Align::left, [](const Location& l) -> table::Value { return l.provider; },
       &Fields::provider, Cell::nonempty},
      {"country", true, table::Align::left, [](const Location& l) -> table::Value { return l.country; },
       &Fields::country, Cell::nonempty},
      {"city", false, table::Align::left, [](const Location& l) { return text_cell(l.city); }, &Fields::city,
       Cell::nonempty},
      {"name", false, table::Align::left, [](const Location& l) { return text_cell(l.name); }, &Fields::name,
       Cell::nonempty},
    },
    [](const Location& l) { return l.id; },
    [](store::Catalogue& catalogue, const std::function<void(const Location&)>& visit) {
      for (const auto& location : store::list_locations(catalogue, std::nullopt, "")) {
        visit(location);
      }
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
  };
  return kind;
}

} // namespace vendorcat::io
