// The import pipeline: checks the header against the kind's columns, feeds
// each record to the kind's importer, and collects every bad row (file, line,
// column, value) instead of stopping at the first. The caller owns the
// transaction, so a failed import writes nothing.

#include "io/import.hpp"

#include "domain/ascii.hpp"
#include "domain/utf8.hpp"
#include "io/import_kinds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace vendorcat::io {

namespace {

constexpr std::array kind_names{"providers",   "locations", "services", "offerings",
                                "engagements", "spend",     "fx"};
constexpr std::size_t progress_every = 100'000;

std::string joined(const std::vector<std::string>& names)
{
  std::string text;
  for (const auto& name : names) {
    text += (text.empty() ? "" : ", ") + name;
  }
  return text;
}

// "column: " for the first column whose value the message quotes, for
// errors that do not name their field (e.g. "unknown country code 'QQ'").
std::string column_prefix(std::string_view message, const std::vector<std::string>& names, const Row& row)
{
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (row[i] && !row[i]->empty() && message.find("'" + *row[i] + "'") != std::string_view::npos) {
      return names[i] + ": ";
    }
  }
  return {};
}

// Bad rows, kept in file order: those found row by row, and those an
// importer finds only after the last row (merged by line when thrown). Of
// each, the first max_errors are enough to give the first max_errors of all.
class Errors
{
public:
  void add(std::size_t line, std::string message) { keep(m_rows, line, std::move(message)); }
  void add_late(std::size_t line, std::string message) { keep(m_late, line, std::move(message)); }

  void throw_if_any()
  {
    if (m_total == 0) {
      return;
    }
    std::vector<Entry> all;
    std::merge(m_rows.begin(), m_rows.end(), m_late.begin(), m_late.end(), std::back_inserter(all),
               [](const Entry& a, const Entry& b) { return a.first < b.first; });
    std::vector<std::string> kept;
    for (auto& entry : all) {
      if (kept.size() == ImportFailed::max_errors) {
        break;
      }
      kept.push_back(std::move(entry.second));
    }
    throw ImportFailed(std::move(kept), m_total);
  }

private:
  using Entry = std::pair<std::size_t, std::string>;

  void keep(std::vector<Entry>& list, std::size_t line, std::string message)
  {
    ++m_total;
    if (list.size() < ImportFailed::max_errors) {
      list.emplace_back(line, std::move(message));
    }
  }

  std::vector<Entry> m_rows;
  std::vector<Entry> m_late;
  std::size_t m_total = 0;
};

// Reports every cell of ROW that is not text the catalogue can keep (invalid
// UTF-8, a NUL byte); true when there is none.
bool text_is_valid(const Row& row, const std::vector<std::string>& names, const RecordReader& reader,
                   std::size_t line, Errors& errors)
{
  bool valid = true;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i]) {
      if (const auto problem = domain::text_problem(*row[i])) {
        errors.add(line, fmt::format("{}: {}: {}", reader.location(line), names[i], *problem));
        valid = false;
      }
    }
  }
  return valid;
}

// For each of the kind's columns, its index among the file's columns.
std::vector<std::optional<std::size_t>> match_header(const KindColumns& spec, RecordReader& reader,
                                                     Errors& errors)
{
  std::vector<std::optional<std::size_t>> index(spec.names.size());
  const auto where = reader.location(1);
  const auto& columns = reader.columns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (const auto problem = domain::text_problem(columns[i])) {
      errors.add(1, fmt::format("{}: a column name is {}", where, *problem));
      continue;
    }
    // Header names match ignoring letter case and surrounding spaces.
    const auto name = domain::ascii_lower(domain::trim(columns[i]));
    const auto it = std::find(spec.names.begin(), spec.names.end(), name);
    if (it == spec.names.end()) {
      errors.add(1,
                 fmt::format("{}: unknown column '{}' (columns: {})", where, columns[i], joined(spec.names)));
      continue;
    }
    auto& slot = index[static_cast<std::size_t>(it - spec.names.begin())];
    if (slot) {
      errors.add(1, fmt::format("{}: column '{}' appears twice", where, columns[i]));
    }
    slot = i;
  }
  for (std::size_t i = 0; i < spec.required; ++i) {
    if (!index[i]) {
      errors.add(1, fmt::format("{}: required column '{}' is missing", where, spec.names[i]));
    }
  }
  return index;
}

} // namespace

Kind parse_kind(std::string_view text)
{
  for (std::size_t i = 0; i < kind_names.size(); ++i) {
    if (text == kind_names[i]) {
      return static_cast<Kind>(i);
    }
  }
  throw UsageError(fmt::format(
    "unknown kind '{}': expected providers, locations, services, offerings, engagements, spend or fx", text));
}

std::string_view to_string(Kind kind)
{
  return kind_names[static_cast<std::size_t>(kind)];
}

const KindColumns& columns_of(Kind kind)
{
  static const std::array<KindColumns, kind_names.size()> columns{{
    {{"name", "hq_country", "legal_name", "hq_city", "website", "status", "risk", "next_review", "notes"}, 2},
    {{"provider", "country", "city", "name"}, 2},
    {{"code", "name", "type", "parent"}, 3},
    {{"provider", "service"}, 2},
    {{"ref", "provider", "service", "delivery_country", "start_date", "end_date", "title", "client_unit",
      "delivery_model", "type", "notice_days", "auto_renew", "value", "currency", "status", "owner", "notes"},
     5},
    {{"engagement", "date", "amount", "currency", "reference"}, 3},
    {{"currency", "month", "rate"}, 3},
  }};
  return columns[static_cast<std::size_t>(kind)];
}

store::ForeignKeys foreign_keys_for(Kind kind)
{
  return kind == Kind::spend ? store::ForeignKeys::checked_by_caller : store::ForeignKeys::enforced;
}

ImportFailed::ImportFailed(std::vector<std::string> errors, std::size_t total)
  : ValidationError(fmt::format("{}{}", errors.empty() ? "import failed" : errors.front(),
                                total > 1 ? fmt::format(" (and {} more errors)", total - 1) : "")),
    m_errors(std::move(errors)), m_total(total)
{
}

ImportSummary import_records(store::Catalogue& catalogue, Kind kind, RecordReader& reader,
                             OnConflict on_conflict, const Progress& progress)
{
  const auto& spec = columns_of(kind);
  if (reader.columns().empty()) {
    return {}; // a JSON file without records, as an export of nothing writes it
  }
  Errors errors;
  const auto index = match_header(spec, reader, errors);
  errors.throw_if_any();

  auto importer = kind == Kind::spend ? make_spend_importer(catalogue, on_conflict)
                                      : make_importer(catalogue, kind, on_conflict);
  ImportSummary summary;
  Record record;
  Row row(spec.names.size());
  std::size_t rows = 0;
  while (true) {
    try {
      if (!reader.next(record)) {
        break;
      }
    } catch (const BadRecord& error) {
      // This record only: the next one can be read. It lies after the last
      // record read, which is all its line needs to be for the ordering.
      errors.add(record.line + 1, error.what());
      continue;
    } catch (const InputError& error) {
      // A malformed file: nothing after it can be read reliably.
      errors.add(record.line + 1, error.what());
      break;
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (!row[i]) {
        row[i].emplace();
      }
      if (!index[i] || !record.take(*index[i], *row[i])) {
        row[i].reset();
      }
    }
    if (!text_is_valid(row, spec.names, reader, record.line, errors)) {
      continue;
    }
    try {
      summary.count(importer->import(row, record.line));
    } catch (const FieldError& error) {
      errors.add(record.line,
                 fmt::format("{}: {}: {}", reader.location(record.line), error.field(), error.what()));
    } catch (const InputError& error) {
      errors.add(record.line, fmt::format("{}: {}{}", reader.location(record.line),
                                          column_prefix(error.what(), spec.names, row), error.what()));
    }
    if (progress && ++rows % progress_every == 0) {
      progress(rows);
    }
  }
  importer->check([&](std::size_t line, const std::string& column, const std::string& message) {
    errors.add_late(line, fmt::format("{}: {}: {}", reader.location(line), column, message));
  });
  errors.throw_if_any();
  importer->finish(summary);
  return summary;
}

} // namespace vendorcat::io
