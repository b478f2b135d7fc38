#pragma once

// One description per record kind: its columns in contract order, which are
// required, how each is read from a stored record (a typed cell) and set on
// the fields of a new or changed one (from a file's text), and how a row
// whose key is already in the catalogue is found, added or changed. Import
// (CSV and JSON), export, the list and show tables and the conflict policies
// all read it, so that a column cannot drift between them.

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "store/catalogue.hpp"
#include "store/load.hpp"
#include "table/table.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::io {

enum class Kind
{
  providers,
  locations,
  services,
  offerings,
  engagements,
  spend,
  fx,
  volumes,
  assessments,
};

// The kind named TEXT (`providers`, ...); throws UsageError listing the kinds.
Kind parse_kind(std::string_view text);
std::string_view to_string(Kind kind);

// "providers, locations, ... or assessments": every kind's name, for messages
// and help.
std::string kind_list();

// Every kind, in the order a catalogue is restored from its exports.
const std::vector<Kind>& all_kinds();

// COUNT records of KIND, with the noun that agrees: `1 provider`, `25 spend
// lines`, `2 exchange rates`. Never fails.
std::string counted_records(Kind kind, std::size_t count);

// The columns that files of KIND have, in contract order, the required ones
// first (io/kinds.hpp has them), as `engagement*, date*, amount*, currency,
// reference`: each required one marked with `*`. Never fails.
std::string column_summary(Kind kind);

// What a file's cell means for its field.
enum class Cell
{
  as_given, // the text as it is: an empty cell is an empty value (clears it)
  nonempty, // an empty cell is no value
  derive,   // an empty or absent cell is "" (derive the value again)
};

// One column of a kind whose stored records are RECORD and whose new or
// changed ones are given as FIELDS (a struct of optional texts).
template<typename Record, typename Fields>
struct ColumnOf
{
  using Field = std::optional<std::string> Fields::*;

  std::string_view name;
  bool required = false;
  table::Align align = table::Align::left;
  // The stored value, as the list and show tables and the export show it.
  table::Value (*read)(const Record&) = nullptr;
  // The field a file's cell sets (nullopt: no such column, or JSON null),
  // and how; nullptr for a column that is listed but not read from files.
  Field field = nullptr;
  Cell cell = Cell::nonempty;
  // What the export writes, when it is not what read() gives.
  table::Value (*exported)(const Record&) = nullptr;

  bool in_files() const { return field != nullptr; }

  // True for a column of numbers: amounts, rates, quantities and whole
  // numbers, which are right-aligned, and only they; every other column
  // holds text (or a boolean). Never fails.
  bool numeric() const { return align == table::Align::right; }

  // Applies the cell rule to this column's field of FIELDS, once set.
  void settle(Fields& fields) const
  {
    auto& value = fields.*field;
    if (cell == Cell::nonempty && value && value->empty()) {
      value.reset();
    } else if (cell == Cell::derive && !value) {
      value.emplace();
    }
  }
};

// Writes rows of a kind as a bulk load (SpendLoad, or ConflictLoad for the
// small kinds): add() throws InputError for a bad row.
template<typename Fields>
class Loader
{
public:
  virtual ~Loader() = default;
  virtual store::Outcome add(Fields& fields, std::size_t line) = 0;
  virtual void check(const store::LateError&) {}
  // After check() found nothing; WARN is told of rows written that look wrong.
  virtual void finish(const store::LateError& /*warn*/) {}
};

template<typename Record, typename Fields>
struct KindOf
{
  using RecordType = Record;
  using FieldsType = Fields;

  Kind kind;
  std::vector<ColumnOf<Record, Fields>> columns; // contract order, required first
  // The record's id, first in the list and show tables; nullptr when the
  // kind has none (exchange rates are keyed by currency and month).
  std::int64_t (*id)(const Record&) = nullptr;
  // Calls VISIT for every stored record, in export order, without holding
  // them all.
  void (*each)(store::Catalogue&, const std::function<void(const Record&)>&) = nullptr;
  // The kind's bulk loader.
  std::unique_ptr<Loader<Fields>> (*loader)(store::Catalogue&, store::OnConflict) = nullptr;
  // The columns a listing on a narrow terminal leaves out first
  // (table::Column::spare).
  std::vector<std::string_view> spare = {};

  // The columns files have, in contract order.
  std::vector<std::string> file_columns() const;
  // How many of them are required (they come first).
  std::size_t required_columns() const;
};

// How a small kind's rows meet the records already there: the existing
// record with the row's key, the message's name for it, and how to add or
// change one. A ConflictLoad applies the --on-conflict policy with them.
template<typename Fields>
struct ConflictRules
{
  std::string_view key_column; // the column a conflict error names
  // The id of the record with FIELDS' key, if any (0 for a kind without ids).
  std::optional<std::int64_t> (*find)(store::Catalogue&, const Fields&) = nullptr;
  // "provider 'Acme'": the existing record, for the conflict message.
  std::string (*describe)(store::Catalogue&, const Fields&, std::int64_t id) = nullptr;
  void (*add)(store::Catalogue&, const Fields&) = nullptr;
  // nullptr when the kind has nothing to update (update then skips).
  void (*update)(store::Catalogue&, std::int64_t id, const Fields&) = nullptr;
};

template<typename Fields>
class ConflictLoad : public Loader<Fields>
{
public:
  ConflictLoad(store::Catalogue& catalogue, store::OnConflict on_conflict, const ConflictRules<Fields>& rules)
    : m_catalogue(catalogue), m_on_conflict(on_conflict), m_rules(rules)
  {
  }

  store::Outcome add(Fields& fields, std::size_t) override;

private:
  store::Catalogue& m_catalogue;
  store::OnConflict m_on_conflict;
  const ConflictRules<Fields>& m_rules;
};

// Throws FieldError on COLUMN: WHAT already exists, with the way out.
[[noreturn]] void throw_conflict(std::string_view column, const std::string& what);

template<typename Fields>
store::Outcome ConflictLoad<Fields>::add(Fields& fields, std::size_t)
{
  const auto existing = m_rules.find(m_catalogue, fields);
  if (!existing) {
    m_rules.add(m_catalogue, fields);
    return store::Outcome::created;
  }
  if (m_on_conflict == store::OnConflict::error) {
    throw_conflict(m_rules.key_column, m_rules.describe(m_catalogue, fields, *existing));
  }
  if (m_on_conflict == store::OnConflict::skip || m_rules.update == nullptr) {
    return store::Outcome::skipped;
  }
  m_rules.update(m_catalogue, *existing, fields);
  return store::Outcome::updated;
}

template<typename Record, typename Fields>
std::vector<std::string> KindOf<Record, Fields>::file_columns() const
{
  std::vector<std::string> names;
  for (const auto& column : columns) {
    if (column.in_files()) {
      names.emplace_back(column.name);
    }
  }
  return names;
}

template<typename Record, typename Fields>
std::size_t KindOf<Record, Fields>::required_columns() const
{
  std::size_t count = 0;
  for (const auto& column : columns) {
    count += column.required ? 1 : 0;
  }
  return count;
}

// The columns of KIND's listings: the id (when the kind has one), then every
// column.
template<typename Record, typename Fields>
std::vector<table::Column> list_columns(const KindOf<Record, Fields>& kind)
{
  std::vector<table::Column> columns;
  if (kind.id) {
    columns.push_back({"id", table::Align::right});
  }
  for (const auto& column : kind.columns) {
    const bool spare = std::find(kind.spare.begin(), kind.spare.end(), column.name) != kind.spare.end();
    columns.push_back({std::string(column.name), column.align, table::Content::text, spare});
  }
  return columns;
}

// RECORD as a row of list_columns(KIND), into ROW (kept from row to row).
template<typename Record, typename Fields>
void list_row(const KindOf<Record, Fields>& kind, const Record& record, std::vector<table::Value>& row)
{
  row.clear();
  if (kind.id) {
    row.emplace_back(kind.id(record));
  }
  for (const auto& column : kind.columns) {
    row.push_back(column.read(record));
  }
}

// The list table of RECORDS.
template<typename Record, typename Fields>
table::Table table_of(const KindOf<Record, Fields>& kind, const std::vector<Record>& records)
{
  table::Table table;
  table.columns = list_columns(kind);
  for (const auto& record : records) {
    std::vector<table::Value> row;
    row.reserve(table.columns.size());
    list_row(kind, record, row);
    table.rows.push_back(std::move(row));
  }
  return table;
}

// Helpers for the descriptions. An empty cell is no value.
inline table::Value text_cell(const std::optional<std::string>& value)
{
  return value ? table::Value(*value) : table::Value();
}
inline table::Value integer_cell(const std::optional<std::int64_t>& value)
{
  return value ? table::Value(*value) : table::Value();
}
inline table::Value date_cell(const std::optional<domain::Date>& value)
{
  return value ? table::Value(value->to_string()) : table::Value();
}
inline table::Value amount_cell(const std::optional<domain::Amount>& value)
{
  return value ? table::Value(value->to_string()) : table::Value();
}

} // namespace vendorcat::io
