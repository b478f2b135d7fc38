#pragma once

// A table written row by row as its rows are read, so that a listing or an
// export of a million records holds one row at a time: csv, json and jsonl
// rows go out at once; the table format, whose columns are as wide as their
// widest cell, keeps the rows until finish(). The renderers of whole tables
// (render.hpp) are built on it, so both write the same text.

#include "report/render.hpp"
#include "table/format.hpp"
#include "table/table.hpp"

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <vector>

namespace vendorcat::report {

class RowStream
{
public:
  // Called by finish() when the table format left columns out to fit.
  using FitNotice = std::function<void(const TableFit&)>;

  // Writes nothing yet: the header (csv) or the opening of the array (json)
  // goes to OUT with the first row, or at finish() when there is none. The
  // table format is laid out by LAYOUT; NOTICE (if any) hears what it left
  // out.
  //
  // The html and xlsx formats are written whole, by whoever collects the
  // table: their rows are kept and handed to DONE at finish(), and OUT gets
  // nothing. DONE, when given, is called at finish() in every format with
  // the number of rows (and the table, rows included only for html and xlsx).
  using Done = std::function<void(table::Table&& table, std::size_t rows)>;
  RowStream(std::vector<table::Column> columns, table::Format format, std::ostream& out,
            TableLayout layout = {}, FitNotice notice = {}, Done done = {});

  const std::vector<table::Column>& columns() const { return m_table.columns; }

  // Writes ROW, one cell per column; throws std::invalid_argument (a
  // programming error) when it has not, IoError when OUT fails, UsageError
  // in the xlsx format for a row past what a worksheet holds.
  void add(const std::vector<table::Value>& row);

  // Ends the output (the table format is rendered now); throws IoError when
  // OUT failed. Returns the number of rows.
  std::size_t finish();

private:
  void start();
  void write_csv_line(const std::vector<std::string>& fields);
  void check_stream();

  table::Table m_table; // the columns, and the rows only for the table format
  table::Format m_format;
  std::ostream& m_out;
  TableLayout m_layout;
  FitNotice m_notice;
  Done m_done;
  std::size_t m_rows = 0;
  bool m_started = false;
  std::vector<std::string> m_fields;
};

} // namespace vendorcat::report
