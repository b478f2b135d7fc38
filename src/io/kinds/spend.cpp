// Spend lines as a record kind. They load through the store's bulk loader
// (store/spend_load.hpp), which resolves and checks each line and applies
// the --on-conflict policy to invoice references. The export writes lines in
// the order recorded, which streams without a sort.

#include "io/kinds.hpp"

namespace vendorcat::io {

namespace {

using Line = store::SpendLine;
using Fields = store::SpendFields;

class SpendLoader : public Loader<Fields>
{
public:
  SpendLoader(store::Catalogue& catalogue, store::OnConflict on_conflict) : m_load(catalogue, on_conflict) {}

  store::Outcome add(Fields& fields, std::size_t line) override { return m_load.add(fields, line); }
  void check(const store::LateError& late) override { m_load.check(late); }
  void finish(const store::LateError& warn) override { m_load.finish(warn); }

private:
  store::SpendLoad m_load;
};

} // namespace

const SpendKind& spend_kind()
{
  using table::Align;
  using table::Value;
  static const SpendKind kind{
    Kind::spend,
    {
      {"engagement", true, Align::left, [](const Line& l) -> Value { return l.engagement; },
       &Fields::engagement, Cell::as_given},
      {"date", true, Align::left, [](const Line& l) -> Value { return l.date.to_string(); }, &Fields::date,
       Cell::as_given},
      {"amount", true, Align::right, [](const Line& l) -> Value { return l.amount.to_string(); },
       &Fields::amount, Cell::as_given},
      {"currency", false, Align::left, [](const Line& l) -> Value { return l.currency; }, &Fields::currency,
       Cell::as_given},
      {"reference", false, Align::left, [](const Line& l) { return text_cell(l.reference); },
       &Fields::reference, Cell::as_given},
    },
    [](const Line& l) { return l.id; },
    [](store::Catalogue& catalogue, const std::function<void(const Line&)>& visit) {
      store::each_spend(catalogue, {}, visit, store::SpendOrder::as_recorded);
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<SpendLoader>(catalogue, on_conflict);
    },
  };
  return kind;
}

} // namespace vendorcat::io
