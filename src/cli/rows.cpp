#include "cli/rows.hpp"

namespace vendorcat::cli {

using table::Align;
using table::Value;

Value optional_cell(const std::optional<std::string>& value)
{
  return value ? Value(*value) : Value();
}

report::Record record_of_row(const table::Table& table)
{
  report::Record record;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    record.fields.emplace_back(table.columns[i].key, table.rows.at(0)[i]);
  }
  return record;
}

table::Table provider_table(const std::vector<store::Provider>& providers)
{
  table::Table table{{{"id", Align::right},
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

table::Table location_table(const std::vector<store::Location>& locations)
{
  table::Table table{{{"id", Align::right}, {"provider"}, {"country"}, {"city"}, {"name"}}, {}};
  for (const auto& l : locations) {
    table.add_row({l.id, l.provider, l.country, optional_cell(l.city), optional_cell(l.name)});
  }
  return table;
}

table::Table offering_table(const std::vector<store::Offering>& offerings)
{
  table::Table table{{{"id", Align::right}, {"provider"}, {"service"}}, {}};
  for (const auto& o : offerings) {
    table.add_row({o.id, o.provider, o.service});
  }
  return table;
}

table::Table engagement_table(const std::vector<store::Engagement>& engagements)
{
  table::Table table{{{"id", Align::right},
                       {"ref"},
                       {"provider"},
                       {"service"},
                       {"delivery_country"},
                       {"start_date"},
                       {"end_date"},
                       {"title"},
                       {"client_unit"},
                       {"delivery_model"},
                       {"type"},
                       {"notice_days", Align::right},
                       {"auto_renew"},
                       {"value", Align::right},
                       {"currency"},
                       {"status"},
                       {"owner"},
                       {"notes"},
                       {"model_source"},
                       {"type_source"}},
                      {}};
  for (const auto& e : engagements) {
    table.add_row({e.id, e.ref, e.provider, e.service, e.delivery_country, e.start_date,
                   optional_cell(e.end_date), optional_cell(e.title), optional_cell(e.client_unit),
                   domain::to_string(e.delivery_model), domain::to_string(e.type),
                   e.notice_days ? Value(*e.notice_days) : Value(), e.auto_renew, optional_cell(e.value),
                   e.currency, e.status, optional_cell(e.owner), optional_cell(e.notes),
                   domain::to_string(e.model_source), domain::to_string(e.type_source)});
  }
  return table;
}

table::Table spend_table(const std::vector<store::SpendLine>& lines)
{
  table::Table table{{{"id", Align::right},
                       {"engagement"},
                       {"date"},
                       {"amount", Align::right},
                       {"currency"},
                       {"reference"}},
                      {}};
  for (const auto& line : lines) {
    table.add_row({line.id, line.engagement, line.date, line.amount, line.currency,
                   optional_cell(line.reference)});
  }
  return table;
}

table::Table fx_table(const std::vector<store::FxRate>& rates)
{
  table::Table table{{{"currency"}, {"month"}, {"rate", Align::right}}, {}};
  for (const auto& rate : rates) {
    table.add_row({rate.currency, rate.month, rate.rate});
  }
  return table;
}

} // namespace vendorcat::cli
