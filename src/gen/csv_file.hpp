#pragma once

// A CSV file written row by row through a memory buffer that is flushed every
// MiB, so memory stays flat however many rows are written.

#include <fmt/format.h>

#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>

namespace vendorcat::gen {

class CsvFile
{
public:
  // Creates or truncates PATH and writes the HEADER row; throws IoError when
  // the file cannot be created.
  CsvFile(std::string path, std::initializer_list<std::string_view> header);

  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  // The next field, quoted per RFC 4180 when it holds a comma, a double quote
  // or a line break.
  CsvFile& field(std::string_view text);

  // The next field: MINOR units written with 2 decimals, e.g. -8000 as -80.00.
  CsvFile& amount(std::int64_t minor);

  // The next field: PREFIX then VALUE zero-padded to WIDTH digits (GEN-000042).
  CsvFile& numbered(std::string_view prefix, std::uint64_t value, std::size_t width);

  // The next field: YEAR-MONTH-DAY as YYYY-MM-DD; the caller ensures the date exists.
  CsvFile& date(int year, int month, int day);

  // Ends the current row with LF; flushes when the buffer is full.
  void end_row();

  // Flushes everything; throws IoError when writing failed. Returns the number
  // of rows written, not counting the header.
  std::uint64_t close();

private:
  void separate();
  void append_padded(std::uint64_t value, std::size_t width);
  void flush();

  std::string m_path;
  std::ofstream m_out;
  fmt::memory_buffer m_buffer;
  std::uint64_t m_rows = 0;
  bool m_row_started = false;
};

} // namespace vendorcat::gen
