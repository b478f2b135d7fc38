// Exchange rates as a record kind, keyed by currency and month (they have no
// id). With update, a row replaces the month's rate.

#include "io/kinds.hpp"

#include <fmt/format.h>

namespace vendorcat::io {

namespace {

using Rate = store::FxRate;
using Fields = FxFields;

const ConflictRules<Fields> rules{
  "month",
  [](store::Catalogue& catalogue, const Fields& fields) -> std::optional<std::int64_t> {
    return store::find_fx_rate(catalogue, *fields.currency, *fields.month) ? std::optional<std::int64_t>(0)
                                                                           : std::nullopt;
  },
  [](store::Catalogue& catalogue, const Fields& fields, std::int64_t) {
    const auto existing = store::find_fx_rate(catalogue, *fields.currency, *fields.month);
    return fmt::format("a rate for {} in {}", existing->currency, existing->month.to_string());
  },
  [](store::Catalogue& catalogue, const Fields& fields) {
    store::set_fx_rate(catalogue, *fields.currency, *fields.month, *fields.rate);
  },
  [](store::Catalogue& catalogue, std::int64_t, const Fields& fields) {
    store::set_fx_rate(catalogue, *fields.currency, *fields.month, *fields.rate);
  },
};

} // namespace

const FxKind& fx_kind()
{
  using table::Align;
  using table::Value;
  static const FxKind kind{
    Kind::fx,
    {
      {"currency", true, Align::left, [](const Rate& r) -> Value { return r.currency; }, &Fields::currency,
       Cell::nonempty},
      {"month", true, Align::left, [](const Rate& r) -> Value { return r.month.to_string(); }, &Fields::month,
       Cell::nonempty},
      {"rate", true, Align::right, [](const Rate& r) -> Value { return r.rate.to_string(); }, &Fields::rate,
       Cell::nonempty},
    },
    nullptr,
    [](store::Catalogue& catalogue, const std::function<void(const Rate&)>& visit) {
      for (const auto& rate : store::list_fx_rates(catalogue, "")) {
        visit(rate);
      }
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
  };
  return kind;
}

} // namespace vendorcat::io
