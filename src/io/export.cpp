// Streaming export. A RowWriter writes one record at a time in csv (RFC 4180,
// via the renderers' field writer), json (an array, one object per line) or
// jsonl; every value is text or null, which is what import reads back.

#include "io/export.hpp"

#include "domain/errors.hpp"
#include "table/text.hpp"
#include "store/engagements.hpp"
#include "store/fx.hpp"
#include "store/locations.hpp"
#include "store/providers.hpp"
#include "store/services.hpp"
#include "store/spend.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>

namespace vendorcat::io {

namespace {

using Cells = std::vector<std::optional<std::string>>;

class RowWriter
{
public:
  RowWriter(table::Format format, std::ostream& out, const std::vector<std::string>& columns)
    : m_format(format == table::Format::table ? table::Format::csv : format), m_out(out), m_columns(columns)
  {
    if (m_format == table::Format::csv) {
      for (std::size_t i = 0; i < columns.size(); ++i) {
        m_out << (i == 0 ? "" : ",");
        table::write_csv_field(m_out, columns[i]);
      }
      m_out << '\n';
    } else if (m_format == table::Format::json) {
      m_out << '[';
    }
  }

  void write(const Cells& cells)
  {
    ++m_rows;
    if (m_format == table::Format::csv) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        m_out << (i == 0 ? "" : ",");
        table::write_csv_field(m_out, cells[i].value_or(""));
      }
      m_out << '\n';
      return;
    }
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      object[m_columns[i]] = cells[i] ? nlohmann::ordered_json(*cells[i]) : nlohmann::ordered_json();
    }
    const auto text = object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    if (m_format == table::Format::json) {
      m_out << (m_rows == 1 ? "\n  " : ",\n  ") << text;
    } else {
      m_out << text << '\n';
    }
  }

  std::size_t finish()
  {
    if (m_format == table::Format::json) {
      m_out << (m_rows == 0 ? "]\n" : "\n]\n");
    }
    return m_rows; // a failed write is reported by whoever owns the stream
  }

private:
  table::Format m_format;
  std::ostream& m_out;
  const std::vector<std::string>& m_columns;
  std::size_t m_rows = 0;
};

std::optional<std::string> text(std::string value)
{
  return value;
}

} // namespace

std::size_t export_records(store::Catalogue& catalogue, Kind kind, table::Format format, std::ostream& out)
{
  RowWriter writer(format, out, columns_of(kind).names);
  switch (kind) {
  case Kind::providers:
    for (const auto& p : store::list_providers(catalogue, {})) {
      writer.write(
        {p.name, p.hq_country, p.legal_name, p.hq_city, p.website, p.status, p.risk, p.next_review, p.notes});
    }
    break;
  case Kind::locations:
    for (const auto& l : store::list_locations(catalogue, std::nullopt, "")) {
      writer.write({l.provider, l.country, l.city, l.name});
    }
    break;
  case Kind::services:
    // Only those added to the built-in taxonomy, which every catalogue has,
    // each after its parent.
    for (const auto& s : store::list_custom_services(catalogue)) {
      writer.write({s.code, s.name, text(domain::to_string(s.default_type)),
                    s.parent.empty() ? std::nullopt : text(s.parent)});
    }
    break;
  case Kind::offerings:
    for (const auto& o : store::list_offerings(catalogue, std::nullopt, std::nullopt)) {
      writer.write({o.provider, o.service});
    }
    break;
  case Kind::engagements:
    for (const auto& e : store::list_engagements(catalogue, {})) {
      const bool explicit_model = e.model_source == domain::Source::explicit_;
      const bool explicit_type = e.type_source == domain::Source::explicit_;
      writer.write({e.ref, e.provider, e.service, e.delivery_country, e.start_date, e.end_date, e.title,
                    e.client_unit, explicit_model ? text(domain::to_string(e.delivery_model)) : std::nullopt,
                    explicit_type ? text(domain::to_string(e.type)) : std::nullopt,
                    e.notice_days ? text(std::to_string(*e.notice_days)) : std::nullopt,
                    text(e.auto_renew ? "true" : "false"), e.value, e.currency, e.status, e.owner, e.notes});
    }
    break;
  case Kind::spend:
    // In the order recorded (an import's file order): streams without a sort.
    store::each_spend(
      catalogue, {},
      [&](const store::SpendLine& line) {
        writer.write({line.engagement, line.date, line.amount, line.currency, line.reference});
      },
      store::SpendOrder::as_recorded);
    break;
  case Kind::fx:
    for (const auto& rate : store::list_fx_rates(catalogue, "")) {
      writer.write({rate.currency, rate.month, rate.rate});
    }
    break;
  }
  return writer.finish();
}

} // namespace vendorcat::io
