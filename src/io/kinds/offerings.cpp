// Offerings as a record kind: a provider offering a service. The pair is the
// key, and there is nothing to update.

#include "io/kinds.hpp"

#include <fmt/format.h>

namespace vendorcat::io {

namespace {

using Offering = store::Offering;
using Fields = OfferingFields;

const ConflictRules<Fields> rules{
  "service",
  [](store::Catalogue& catalogue, const Fields& fields) -> std::optional<std::int64_t> {
    const auto provider = store::find_provider(catalogue, *fields.provider);
    const auto service = store::find_service(catalogue, *fields.service);
    const auto offering = store::find_offering(catalogue, provider.id, service.id);
    return offering ? std::optional<std::int64_t>(offering->id) : std::nullopt;
  },
  [](store::Catalogue& catalogue, const Fields& fields, std::int64_t) {
    return fmt::format("offering of {} by '{}'", store::find_service(catalogue, *fields.service).code,
                       store::find_provider(catalogue, *fields.provider).name);
  },
  [](store::Catalogue& catalogue, const Fields& fields) {
    store::add_offering(catalogue, store::find_provider(catalogue, *fields.provider).id,
                        store::find_service(catalogue, *fields.service).id);
  },
  nullptr,
};

} // namespace

const OfferingKind& offerings_kind()
{
  static const OfferingKind kind{
    Kind::offerings,
    {
      {"provider", true, table::Align::left, [](const Offering& o) -> table::Value { return o.provider; },
       &Fields::provider, Cell::nonempty},
      {"service", true, table::Align::left, [](const Offering& o) -> table::Value { return o.service; },
       &Fields::service, Cell::nonempty},
    },
    [](const Offering& o) { return o.id; },
    [](store::Catalogue& catalogue, const std::function<void(const Offering&)>& visit) {
      for (const auto& offering : store::list_offerings(catalogue, std::nullopt, std::nullopt)) {
        visit(offering);
      }
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
  };
  return kind;
}

} // namespace vendorcat::io
