// Volumes as a record kind, keyed by engagement, month and unit. With
// update, a row replaces the quantity (a row equal to what is there counts
// as updated, as for the other kinds, though nothing is written).

#include "domain/quantity.hpp"
#include "io/kinds.hpp"

#include <fmt/format.h>

namespace vendorcat::io {

namespace {

using Volume = store::Volume;
using Fields = VolumeFields;

store::VolumeEntry entry_of(store::Catalogue& catalogue, const Fields& fields)
{
  return store::check_volume(catalogue, *fields.engagement, *fields.month, *fields.quantity, *fields.unit);
}

const ConflictRules<Fields> rules{
  "month",
  [](store::Catalogue& catalogue, const Fields& fields) -> std::optional<std::int64_t> {
    const auto found = store::find_volume(catalogue, entry_of(catalogue, fields));
    return found ? std::optional<std::int64_t>(found->id) : std::nullopt;
  },
  [](store::Catalogue& catalogue, const Fields& fields, std::int64_t) {
    const auto entry = entry_of(catalogue, fields);
    return fmt::format("the {} volume of {} in {}", domain::to_string(entry.unit), entry.engagement,
                       entry.month.to_string());
  },
  [](store::Catalogue& catalogue, const Fields& fields) {
    store::set_volume(catalogue, entry_of(catalogue, fields));
  },
  [](store::Catalogue& catalogue, std::int64_t, const Fields& fields) {
    store::set_volume(catalogue, entry_of(catalogue, fields));
  },
};

} // namespace

const VolumeKind& volumes_kind()
{
  using table::Align;
  using table::Value;
  static const VolumeKind kind{
    Kind::volumes,
    {
      {"engagement", true, Align::left, [](const Volume& v) -> Value { return v.engagement; },
       &Fields::engagement, Cell::nonempty},
      {"month", true, Align::left, [](const Volume& v) -> Value { return v.month.to_string(); },
       &Fields::month, Cell::nonempty},
      {"quantity", true, Align::right,
       [](const Volume& v) -> Value { return domain::format_quantity(v.quantity); }, &Fields::quantity,
       Cell::nonempty},
      {"unit", true, Align::left,
       [](const Volume& v) -> Value { return std::string(domain::to_string(v.unit)); }, &Fields::unit,
       Cell::nonempty},
    },
    [](const Volume& v) { return v.id; },
    [](store::Catalogue& catalogue, const std::function<void(const Volume&)>& visit) {
      store::each_volume(catalogue, {}, visit);
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
  };
  return kind;
}

} // namespace vendorcat::io
