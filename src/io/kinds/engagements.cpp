// Engagements as a record kind. delivery_model and type are always filled,
// in files as in tables, and followed by model_source and type_source; an
// import reads a `derived` (or `assessed`) source as "derive it again", so a
// round trip keeps what was explicit while a spreadsheet shows every model
// and type. Without a source column, an empty or absent model or type cell
// means "derive it" and a filled one sets it. With update, a row replaces
// the engagement's fields: an empty cell clears an optional one.

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
    return fmt::format("engagement '{}'", store::engagement_by_id(catalogue, id).ref);
  },
  [](store::Catalogue& catalogue, const Fields& fields) { store::add_engagement(catalogue, fields); },
  [](store::Catalogue& catalogue, std::int64_t id, const Fields& fields) {
    store::update_engagement(catalogue, id, fields);
  },
};

} // namespace

const EngagementKind& engagements_kind()
{
  using table::Align;
  using table::Value;
  static const EngagementKind kind{
    Kind::engagements,
    {
      {"ref", true, Align::left, [](const Engagement& e) -> Value { return e.ref; }, &Fields::ref,
       Cell::nonempty},
      {"provider", true, Align::left, [](const Engagement& e) -> Value { return e.provider; },
       &Fields::provider, Cell::nonempty},
      {"service", true, Align::left, [](const Engagement& e) -> Value { return e.service; }, &Fields::service,
       Cell::nonempty},
      {"delivery_country", true, Align::left, [](const Engagement& e) -> Value { return e.delivery_country; },
       &Fields::delivery_country, Cell::nonempty},
      {"start_date", true, Align::left, [](const Engagement& e) -> Value { return e.start_date.to_string(); },
       &Fields::start_date, Cell::nonempty},
      {"end_date", false, Align::left, [](const Engagement& e) { return date_cell(e.end_date); },
       &Fields::end_date, Cell::as_given},
      {"title", false, Align::left, [](const Engagement& e) { return text_cell(e.title); }, &Fields::title,
       Cell::as_given},
      {"client_unit", false, Align::left, [](const Engagement& e) { return text_cell(e.client_unit); },
       &Fields::client_unit, Cell::as_given},
      {"delivery_model", false, Align::left,
       [](const Engagement& e) -> Value { return domain::to_string(e.delivery_model); },
       &Fields::delivery_model, Cell::derive},
      {"type", false, Align::left, [](const Engagement& e) -> Value { return domain::to_string(e.type); },
       &Fields::type, Cell::derive},
      {"notice_days", false, Align::right, [](const Engagement& e) { return integer_cell(e.notice_days); },
       &Fields::notice_days, Cell::as_given},
      {"auto_renew", false, Align::left, [](const Engagement& e) -> Value { return e.auto_renew; },
       &Fields::auto_renew, Cell::as_given},
      {"value", false, Align::right, [](const Engagement& e) { return amount_cell(e.value); }, &Fields::value,
       Cell::as_given},
      {"currency", false, Align::left, [](const Engagement& e) -> Value { return e.currency; },
       &Fields::currency, Cell::as_given},
      {"status", false, Align::left, [](const Engagement& e) -> Value { return e.status; }, &Fields::status,
       Cell::nonempty},
      {"owner", false, Align::left, [](const Engagement& e) { return text_cell(e.owner); }, &Fields::owner,
       Cell::as_given},
      {"notes", false, Align::left, [](const Engagement& e) { return text_cell(e.notes); }, &Fields::notes,
       Cell::as_given},
      {"renewal_months", false, Align::right,
       [](const Engagement& e) { return integer_cell(e.renewal_months); }, &Fields::renewal_months,
       Cell::as_given},
      {"model_source", false, Align::left,
       [](const Engagement& e) -> Value { return domain::to_string(e.model_source); }, &Fields::model_source,
       Cell::nonempty},
      {"type_source", false, Align::left,
       [](const Engagement& e) -> Value { return domain::to_string(e.type_source); }, &Fields::type_source,
       Cell::nonempty},
    },
    [](const Engagement& e) { return e.id; },
    [](store::Catalogue& catalogue, const std::function<void(const Engagement&)>& visit) {
      store::each_engagement(catalogue, {}, visit);
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
    {"delivery_country", "start_date", "title", "client_unit", "notice_days", "auto_renew", "owner", "notes",
     "renewal_months", "model_source", "type_source"},
  };
  return kind;
}

} // namespace vendorcat::io
