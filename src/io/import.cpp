// The import pipeline, one template for every kind: the header is matched
// against the kind's file columns, each record's cells are set on the kind's
// fields (every missing required cell and every cell that is not UTF-8 text
// reported), and the fields go to the kind's loader. Every bad row is
// collected (file, line, column, value) instead of stopping at the first;
// the caller owns the transaction, so a failed import writes nothing.

#include "io/import.hpp"

#include "domain/ascii.hpp"
#include "domain/counted.hpp"
#include "domain/suggest.hpp"
#include "domain/utf8.hpp"
#include "io/csv_reader.hpp"
#include "io/kinds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace vendorcat::io {

namespace {

constexpr std::size_t progress_every = 100'000;

// Bad rows, kept in file order: those found row by row, and those a loader
// finds only after the last row (merged by line when thrown). Of each, the
// first max_errors are enough to give the first max_errors of all.
class Errors
{
public:
  void add(std::size_t line, std::string message) { keep(m_rows, line, std::move(message)); }
  void add_late(std::size_t line, std::string message) { keep(m_late, line, std::move(message)); }
  bool any() const { return m_total > 0; }

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

// "column: " for the first column whose value the message quotes, for
// errors that do not name their field (e.g. "unknown country code 'QQ'").
std::string column_prefix(std::string_view message, const std::vector<std::string>& names,
                          const std::vector<const std::optional<std::string>*>& cells)
{
  for (std::size_t i = 0; i < names.size(); ++i) {
    const auto& cell = *cells[i];
    if (cell && !cell->empty() && message.find("'" + *cell + "'") != std::string_view::npos) {
      return names[i] + ": ";
    }
  }
  return {};
}

// A header name as it is matched: ignoring letter case and surrounding
// spaces.
std::string normalized(std::string_view name)
{
  return domain::ascii_lower(domain::trim(name));
}

// "the header splits on ';', not ','": for a CSV header read as one column
// that another delimiter would split into names of which one at least is
// one of NAMES.
std::optional<std::string> delimiter_problem(const std::vector<std::string>& names,
                                             const RecordReader& reader)
{
  const auto used = reader.delimiter();
  const auto& columns = reader.columns();
  if (!used || columns.size() != 1) {
    return std::nullopt;
  }
  for (const char other : {',', ';', '\t'}) {
    if (other == *used || columns[0].find(other) == std::string::npos) {
      continue;
    }
    bool known = false;
    std::string_view rest = columns[0];
    while (true) {
      const auto end = rest.find(other);
      known = known || std::find(names.begin(), names.end(), normalized(rest.substr(0, end))) != names.end();
      if (end == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(end + 1);
    }
    if (known) {
      return delimiter_hint(other, *used);
    }
  }
  return std::nullopt;
}

// For each of the kind's file columns, its index among the file's columns.
// An unknown column is one error with the closest column that the file
// lacks, if any is close; the first one also lists the kind's columns. A
// required column that such a suggestion names is not reported missing too.
std::vector<std::optional<std::size_t>> match_header(Kind kind, const std::vector<std::string>& names,
                                                     std::size_t required, RecordReader& reader,
                                                     Errors& errors)
{
  std::vector<std::optional<std::size_t>> index(names.size());
  const auto where = reader.location(1);
  if (const auto problem = delimiter_problem(names, reader)) {
    errors.add(1, fmt::format("{}: {}", where, *problem));
    return index;
  }
  const auto& columns = reader.columns();
  std::vector<std::size_t> unknown;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (const auto problem = domain::text_problem(columns[i])) {
      errors.add(1, fmt::format("{}: a column name is {}", where, *problem));
      continue;
    }
    const auto it = std::find(names.begin(), names.end(), normalized(columns[i]));
    if (it == names.end()) {
      unknown.push_back(i);
      continue;
    }
    auto& slot = index[static_cast<std::size_t>(it - names.begin())];
    if (slot) {
      errors.add(1, fmt::format("{}: column '{}' appears twice", where, columns[i]));
    }
    slot = i;
  }
  std::vector<std::string> absent;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!index[i]) {
      absent.push_back(names[i]);
    }
  }
  std::vector<std::string> suggested;
  for (const auto i : unknown) {
    const auto match = domain::closest_match(normalized(columns[i]), absent);
    if (match) {
      suggested.push_back(*match);
    }
    errors.add(1, fmt::format("{}: unknown column '{}'{}{}", where, columns[i],
                              match ? fmt::format(" (did you mean '{}'?)", *match) : std::string(),
                              i == unknown.front() ? fmt::format("; the columns of {} are {} (* required)",
                                                                 to_string(kind), column_summary(kind))
                                                   : std::string()));
  }
  for (std::size_t i = 0; i < required; ++i) {
    if (!index[i] && std::find(suggested.begin(), suggested.end(), names[i]) == suggested.end()) {
      errors.add(1, fmt::format("{}: required column '{}' is missing", where, names[i]));
    }
  }
  return index;
}

template<typename KindT>
ImportSummary import_kind(store::Catalogue& catalogue, const KindT& kind, RecordReader& reader,
                          OnConflict on_conflict, const Progress& progress)
{
  using Fields = typename KindT::FieldsType;
  Record record;
  // A JSON file without records, as an export of nothing writes it, has no
  // columns and nothing to import; one whose objects have no keys is checked.
  bool pending = false;
  if (reader.columns().empty()) {
    if (!reader.next(record)) {
      return {};
    }
    pending = true;
  }
  std::vector<const ColumnOf<typename KindT::RecordType, Fields>*> columns;
  for (const auto& column : kind.columns) {
    if (column.in_files()) {
      columns.push_back(&column);
    }
  }
  const auto names = kind.file_columns();
  Errors errors;
  const auto index = match_header(kind.kind, names, kind.required_columns(), reader, errors);
  errors.throw_if_any();

  auto loader = kind.loader(catalogue, on_conflict);
  ImportSummary summary;
  // The fields are kept from row to row: each cell is swapped into its field,
  // so the reader reuses the field's old text buffer for its next record.
  Fields fields;
  std::vector<const std::optional<std::string>*> cells;
  for (const auto* column : columns) {
    cells.push_back(&(fields.*(column->field)));
  }
  std::size_t rows = 0;
  while (true) {
    try {
      if (pending) {
        pending = false;
      } else if (!reader.next(record)) {
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
    bool valid = true;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      auto& cell = fields.*(columns[i]->field);
      if (!cell) {
        cell.emplace();
      }
      if (!index[i] || !record.take(*index[i], *cell)) {
        cell.reset();
      }
      const auto problem = cell ? domain::text_problem(*cell) : std::nullopt;
      if (problem) {
        errors.add(record.line, fmt::format("{}: {}: {}", reader.location(record.line), names[i], *problem));
        valid = false;
      } else if (columns[i]->required && (!cell || cell->empty())) {
        errors.add(record.line,
                   fmt::format("{}: {}: a value is required", reader.location(record.line), names[i]));
        valid = false;
      }
      columns[i]->settle(fields);
    }
    if (valid) {
      try {
        summary.count(loader->add(fields, record.line));
      } catch (const FieldErrors& problems) {
        for (const auto& problem : problems.problems()) {
          errors.add(record.line,
                     fmt::format("{}: {}: {}", reader.location(record.line), problem.field, problem.message));
        }
      } catch (const FieldError& error) {
        errors.add(record.line,
                   fmt::format("{}: {}: {}", reader.location(record.line), error.field(), error.what()));
      } catch (const InputError& error) {
        errors.add(record.line, fmt::format("{}: {}{}", reader.location(record.line),
                                            column_prefix(error.what(), names, cells), error.what()));
      }
    }
    if (progress && ++rows % progress_every == 0) {
      progress(rows);
    }
  }
  loader->check([&](std::size_t line, const std::string& column, const std::string& message) {
    errors.add_late(line, fmt::format("{}: {}: {}", reader.location(line), column, message));
  });
  errors.throw_if_any();
  loader->finish([&](std::size_t line, const std::string& column, const std::string& message) {
    if (summary.warnings.size() < ImportSummary::max_warnings) {
      summary.warnings.push_back(fmt::format("{}: {}: {}", reader.location(line), column, message));
    }
    ++summary.warnings_total;
  });
  return summary;
}

} // namespace

ImportFailed::ImportFailed(std::vector<std::string> errors, std::size_t total)
  : ValidationError(
      fmt::format("{}{}", errors.empty() ? "import failed" : errors.front(),
                  total > 1 ? fmt::format(" (and {})", domain::counted(total - 1, "more error")) : "")),
    m_errors(std::move(errors)), m_total(total)
{
}

ImportSummary import_records(store::Catalogue& catalogue, Kind kind, RecordReader& reader,
                             OnConflict on_conflict, const Progress& progress)
{
  return visit_kind(kind, [&](const auto& description) {
    return import_kind(catalogue, description, reader, on_conflict, progress);
  });
}

} // namespace vendorcat::io
