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
    return fmt::format("provider '{}'", store::find_provider(catalogue, std::to_string(id)).name);
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
       [](Fields& f, std::optional<std::string>&& v) { f.name = nonempty(std::move(v)); }},
      {"hq_country", true, table::Align::left, [](const Provider& p) -> table::Value { return p.hq_country; },
       [](Fields& f, std::optional<std::string>&& v) { f.hq_country = nonempty(std::move(v)); }},
      {"legal_name", false, table::Align::left, [](const Provider& p) { return text_cell(p.legal_name); },
       [](Fields& f, std::optional<std::string>&& v) { f.legal_name = nonempty(std::move(v)); }},
      {"hq_city", false, table::Align::left, [](const Provider& p) { return text_cell(p.hq_city); },
       [](Fields& f, std::optional<std::string>&& v) { f.hq_city = nonempty(std::move(v)); }},
      {"website", false, table::Align::left, [](const Provider& p) { return text_cell(p.website); },
       [](Fields& f, std::optional<std::string>&& v) { f.website = nonempty(std::move(v)); }},
      {"status", false, table::Align::left, [](const Provider& p) -> table::Value { return p.status; },
       [](Fields& f, std::optional<std::string>&& v) { f.status = nonempty(std::move(v)); }},
      {"risk", false, table::Align::left, [](const Provider& p) { return text_cell(p.risk); },
       [](Fields& f, std::optional<std::string>&& v) { f.risk = nonempty(std::move(v)); }},
      {"next_review", false, table::Align::left, [](const Provider& p) { return date_cell(p.next_review); },
       [](Fields& f, std::optional<std::string>&& v) { f.next_review = nonempty(std::move(v)); }},
      {"notes", false, table::Align::left, [](const Provider& p) { return text_cell(p.notes); },
       [](Fields& f, std::optional<std::string>&& v) { f.notes = nonempty(std::move(v)); }},
    },
    [](const Provider& p) { return p.id; },
    [](store::Catalogue& catalogue, const std::function<void(const Provider&)>& visit) {
      for (const auto& provider : store::list_providers(catalogue, {})) {
        visit(provider);
      }
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
  };
  return kind;
}

} // namespace vendorcat::io
