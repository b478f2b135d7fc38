#pragma once

// The shape every report takes before it is rendered: named columns and rows
// of typed cells. Renderers (render.hpp) turn a Table into table, CSV, JSON or
// JSON Lines text.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace vendorcat::table {

// One cell. monostate is null (an absent value); double is only used for
// ratios such as a share of 0.7778, which every renderer shows with at most 4
// decimals. Amounts are preformatted strings such as "1050.00".
using Value = std::variant<std::monostate, std::string, std::int64_t, double, bool>;

// How the table renderer pads a column; other formats ignore it.
enum class Align
{
  left,
  right,
};

// What a column's text cells hold.
enum class Content
{
  text,
  json, // a JSON text: one cell in table and csv, the value itself in json and jsonl
};

// A column: KEY is its header in every format (the object key in JSON).
struct Column
{
  std::string key;
  Align align = Align::left;
  Content content = Content::text;
  // Left out first when a table is fitted to a narrow terminal (free text,
  // contacts, sources): the columns that say what a row is stay.
  bool spare = false;
};

// A report: every row has exactly one cell per column, in column order.
struct Table
{
  std::vector<Column> columns;
  std::vector<std::vector<Value>> rows;

  // Appends ROW; throws std::invalid_argument (a programming error) when it
  // does not have one cell per column.
  void add_row(std::vector<Value> row)
  {
    if (row.size() != columns.size()) {
      throw std::invalid_argument("report row has " + std::to_string(row.size()) + " cells, table has " +
                                  std::to_string(columns.size()) + " columns");
    }
    rows.push_back(std::move(row));
  }
};

// Returns normally when every row of TABLE has one cell per column; throws
// std::invalid_argument (a programming error) naming the first row that does not.
inline void check_shape(const Table& table)
{
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    if (table.rows[i].size() != table.columns.size()) {
      throw std::invalid_argument("report row " + std::to_string(i + 1) + " has " +
                                  std::to_string(table.rows[i].size()) + " cells, table has " +
                                  std::to_string(table.columns.size()) + " columns");
    }
  }
}

} // namespace vendorcat::table
