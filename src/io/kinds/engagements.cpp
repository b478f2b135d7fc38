// Engagements as a record kind. delivery_model and type are written only when
// set explicitly, so that a derived one is derived again when read back (an
// empty or absent cell means "derive it"); the tables show them always,
// with model_source and type_source. With update, a row replaces the
// engagement's fields: an empty cell clears an optional one.

#include "io/kinds.hpp"

#include <fmt/format.h>

namespace vendorcat::io {

namespace {

using Engagement = store::Engagement;
using Fields = store::EngagementFields;

const ConflictRules<Fields> rules{
  "ref",
  [](store::Catalogue& catalogue, const Fields& fields) {
    return store::find_engagement_id(catalogue, *fields.ref);
  },
  [](store::Catalogue& catalogue, const Fields&, std::int64_t id) {
    return fmt::format("engagement '{}'", store::find_engagement(catalogue, std::to_string(id)).ref);
  },
  [](store::Catalogue& catalogue, const Fields& fields) { store::add_engagement(catalogue, fields); },
  [](store::Catalogue& catalogue, std::int64_t id, const Fields& fields) {
    store::update_engagement(catalogue, id, fields);
  },
};

// A model or type cell: what export writes when it was set explicitly.
table::Value explicit_only(domain::Source source, std::string value)
{
  return source == domain::Source::explicit_ ? table::Value(std::move(value)) : table::Value();
}

} // namespace

const EngagementKind& engagements_kind()
{
  using table::Align;
  using table::Value;
  using Cell = std::optional<std::string>&&;
  static const EngagementKind kind{
    Kind::engagements,
    {
      {"ref", true, Align::left, [](const Engagement& e) -> Value { return e.ref; },
       [](Fields& f, Cell v) { f.ref = nonempty(std::move(v)); }},
      {"provider", true, Align::left, [](const Engagement& e) -> Value { return e.provider; },
       [](Fields& f, Cell v) { f.provider = nonempty(std::move(v)); }},
      {"service", true, Align::left, [](const Engagement& e) -> Value { return e.service; },
       [](Fields& f, Cell v) { f.service = nonempty(std::move(v)); }},
      {"delivery_country", true, Align::left, [](const Engagement& e) -> Value { return e.delivery_country; },
       [](Fields& f, Cell v) { f.delivery_country = nonempty(std::move(v)); }},
      {"start_date", true, Align::left, [](const Engagement& e) -> Value { return e.start_date.to_string(); },
       [](Fields& f, Cell v) { f.start_date = nonempty(std::move(v)); }},
      {"end_date", false, Align::left, [](const Engagement& e) { return date_cell(e.end_date); },
       [](Fields& f, Cell v) { f.end_date = std::move(v); }},
      {"title", false, Align::left, [](const Engagement& e) { return text_cell(e.title); },
       [](Fields& f, Cell v) { f.title = std::move(v); }},
      {"client_unit", false, Align::left, [](const Engagement& e) { return text_cell(e.client_unit); },
       [](Fields& f, Cell v) { f.client_unit = std::move(v); }},
      {"delivery_model", false, Align::left,
       [](const Engagement& e) -> Value { return domain::to_string(e.delivery_model); },
       [](Fields& f, Cell v) { f.delivery_model = v.value_or(""); },
       [](const Engagement& e) {
         return explicit_only(e.model_source, domain::to_string(e.delivery_model));
       }},
      {"type", false, Align::left, [](const Engagement& e) -> Value { return domain::to_string(e.type); },
       [](Fields& f, Cell v) { f.type = v.value_or(""); },
       [](const Engagement& e) { return explicit_only(e.type_source, domain::to_string(e.type)); }},
      {"notice_days", false, Align::right, [](const Engagement& e) { return integer_cell(e.notice_days); },
       [](Fields& f, Cell v) { f.notice_days = std::move(v); }},
      {"auto_renew", false, Align::left, [](const Engagement& e) -> Value { return e.auto_renew; },
       [](Fields& f, Cell v) { f.auto_renew = std::move(v); }},
      {"value", false, Align::right, [](const Engagement& e) { return amount_cell(e.value); },
       [](Fields& f, Cell v) { f.value = std::move(v); }},
      {"currency", false, Align::left, [](const Engagement& e) -> Value { return e.currency; },
       [](Fields& f, Cell v) { f.currency = std::move(v); }},
      {"status", false, Align::left, [](const Engagement& e) -> Value { return e.status; },
       [](Fields& f, Cell v) { f.status = nonempty(std::move(v)); }},
      {"owner", false, Align::left, [](const Engagement& e) { return text_cell(e.owner); },
       [](Fields& f, Cell v) { f.owner = std::move(v); }},
      {"notes", false, Align::left, [](const Engagement& e) { return text_cell(e.notes); },
       [](Fields& f, Cell v) { f.notes = std::move(v); }},
      {"model_source", false, Align::left,
       [](const Engagement& e) -> Value { return domain::to_string(e.model_source); }},
      {"type_source", false, Align::left,
       [](const Engagement& e) -> Value { return domain::to_string(e.type_source); }},
    },
    [](const Engagement& e) { return e.id; },
    [](store::Catalogue& catalogue, const std::function<void(const Engagement&)>& visit) {
      for (const auto& engagement : store::list_engagements(catalogue, {})) {
        visit(engagement);
      }
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
  };
  return kind;
}

} // namespace vendorcat::io
