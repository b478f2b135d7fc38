// Streaming export, one template for every kind. A RowWriter writes one
// record at a time in csv (RFC 4180, through the shared field writer), json
// (an array, one object per line) or jsonl; every value is text, a boolean
// or null, which is what import reads back.

#include "io/export.hpp"

#include "io/kinds.hpp"
#include "table/text.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string_view>
#include <variant>

namespace vendorcat::io {

namespace {

class RowWriter
{
public:
  RowWriter(table::Format format, std::ostream& out, std::vector<std::string> columns)
    : m_format(format == table::Format::table ? table::Format::csv : format), m_out(out),
      m_columns(std::move(columns))
  {
    if (m_format == table::Format::csv) {
      for (std::size_t i = 0; i < m_columns.size(); ++i) {
        m_out << (i == 0 ? "" : ",");
        table::write_csv_field(m_out, m_columns[i]);
      }
      m_out << '\n';
    } else if (m_format == table::Format::json) {
      m_out << '[';
    }
  }

  void write(const std::vector<table::Value>& cells)
  {
    ++m_rows;
    if (m_format == table::Format::csv) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        m_out << (i == 0 ? "" : ",");
        table::write_csv_field(m_out, table::plain_text(cells[i]));
      }
      m_out << '\n';
      return;
    }
    nlohmann::ordered_json object = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      auto& value = object[m_columns[i]];
      if (const auto* flag = std::get_if<bool>(&cells[i])) {
        value = *flag;
      } else if (!std::holds_alternative<std::monostate>(cells[i])) {
        value = table::plain_text(cells[i]);
      }
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
  std::vector<std::string> m_columns;
  std::size_t m_rows = 0;
};

template<typename KindT>
std::size_t export_kind(store::Catalogue& catalogue, const KindT& kind, table::Format format,
                        std::ostream& out, TextCells text_cells)
{
  RowWriter writer(format, out, kind.file_columns());
  std::vector<table::Value> cells;
  kind.each(catalogue, [&](const typename KindT::RecordType& record) {
    cells.clear();
    for (const auto& column : kind.columns) {
      if (!column.in_files()) {
        continue;
      }
      auto cell = column.exported ? column.exported(record) : column.read(record);
      if (auto* text = std::get_if<std::string>(&cell);
          text != nullptr && text_cells == TextCells::spreadsheet_safe && !column.numeric()) {
        *text = spreadsheet_safe(std::move(*text));
      }
      cells.push_back(std::move(cell));
    }
    writer.write(cells);
  });
  return writer.finish();
}

} // namespace

std::string spreadsheet_safe(std::string text)
{
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    text.insert(text.begin(), '\'');
  }
  return text;
}

std::size_t export_records(store::Catalogue& catalogue, Kind kind, table::Format format, std::ostream& out,
                           TextCells text_cells)
{
  return visit_kind(kind, [&](const auto& description) {
    return export_kind(catalogue, description, format, out, text_cells);
  });
}

} // namespace vendorcat::io
