// Providers as a record kind. An empty cell leaves a field unset, so that an
// update changes only the cells that are filled.

#include "io/kinds.hpp"

#include <fmt/format.h>

namespace vendorcat::io {

namespace {

using Provider = store::Provider;
using Fields = store::ProviderFields;

const ConflictRules<Fields> rules{
  "name",
  [](store::Catalogue& catalogue, const Fields& fields) -> std::optional<std::int64_t> {
    const auto existing = store::find_provider_by_name(catalogue, *fields.name);
    return existing ? std::optional<std::int64_t>(existing->id) : std::nullopt;
  },
  [](store::Catalogue& catalogue, const Fields&, std::int64_t id) {
    return fmt::format("provider '{}'", store::provider_by_id(catalogue, id).name);
  },
  [](store::Catalogue& catalogue, const Fields& fields) { store::add_provider(catalogue, fields); },
  [](store::Catalogue& catalogue, std::int64_t id, const Fields& fields) {
    store::update_provider(catalogue, id, fields);
  },
};

} // namespace

const ProviderKind& providers_kind()
{
  static const ProviderKind kind{
    Kind::providers,
    {
      {"name", true, table::Align::left, [](const Provider& p) -> table::Value { return p.name; },
       &Fields::name, Cell::nonempty},
      {"hq_country", true, table::Align::left, [](const Provider& p) -> table::Value { return p.hq_country; },
       &Fields::hq_country, Cell::nonempty},
      {"legal_name", false, table::Align::left, [](const Provider& p) { return text_cell(p.legal_name); },
       &Fields::legal_name, Cell::nonempty},
      {"hq_city", false, table::Align::left, [](const Provider& p) { return text_cell(p.hq_city); },
       &Fields::hq_city, Cell::nonempty},
      {"website", false, table::Align::left, [](const Provider& p) { return text_cell(p.website); },
       &Fields::website, Cell::nonempty},
      {"status", false, table::Align::left, [](const Provider& p) -> table::Value { return p.status; },
       &Fields::status, Cell::nonempty},
      {"risk", false, table::Align::left, [](const Provider& p) { return text_cell(p.risk); }, &Fields::risk,
       Cell::nonempty},
      {"next_review", false, table::Align::left, [](const Provider& p) { return date_cell(p.next_review); },
       &Fields::next_review, Cell::nonempty},
      {"notes", false, table::Align::left, [](const Provider& p) { return text_cell(p.notes); },
       &Fields::notes, Cell::nonempty},
    },
    [](const Provider& p) { return p.id; },
    [](store::Catalogue& catalogue, const std::function<void(const Provider&)>& visit) {
      store::each_provider(catalogue, {}, visit);
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
    {"legal_name", "website", "next_review", "notes"},
  };
  return kind;
}

} // namespace vendorcat::io
