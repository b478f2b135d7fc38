#include "cli/rows.hpp"

namespace vendorcat::cli {

using report::Align;
using report::Value;

Value optional_cell(const std::optional<std::string>& value)
{
  return value ? Value(*value) : Value();
}

report::Table provider_table(const std::vector<store::Provider>& providers)
{
  report::Table table{{{"id", Align::right},
                       {"name"},
                       {"hq_country"},
                       {"legal_name"},
                       {"hq_city"},
                       {"website"},
                       {"status"},
                       {"risk"},
                       {"next_review"},
                       {"notes"}},
                      {}};
  for (const auto& p : providers) {
    table.add_row({p.id, p.name, p.hq_country, optional_cell(p.legal_name), optional_cell(p.hq_city),
                   optional_cell(p.website), p.status, optional_cell(p.risk),
                   optional_cell(p.next_review), optional_cell(p.notes)});
  }
  return table;
}

report::Table location_table(const std::vector<store::Location>& locations)
{
  report::Table table{{{"id", Align::right}, {"provider"}, {"country"}, {"city"}, {"name"}}, {}};
  for (const auto& l : locations) {
    table.add_row({l.id, l.provider, l.country, optional_cell(l.city), optional_cell(l.name)});
  }
  return table;
}

report::Table offering_table(const std::vector<store::Offering>& offerings)
{
  report::Table table{{{"id", Align::right}, {"provider"}, {"service"}}, {}};
  for (const auto& o : offerings) {
    table.add_row({o.id, o.provider, o.service});
  }
  return table;
}

} // namespace vendorcat::cli
