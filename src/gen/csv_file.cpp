// CSV output. Rows are formatted into one memory buffer that goes to the
// stream in chunks of about a MiB; RFC 4180 quoting is applied only where a
// field needs it, and lines end with LF whatever the platform.

#include "gen/csv_file.hpp"

#include "domain/errors.hpp"

#include <utility>

namespace vendorcat::gen {

namespace {

constexpr std::size_t flush_threshold = std::size_t{1} << 20;

bool needs_quotes(std::string_view text)
{
  for (auto c : text) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') {
      return true;
    }
  }
  return false;
}

} // namespace

CsvFile::CsvFile(std::string path, std::initializer_list<std::string_view> header)
  : m_path(std::move(path)), m_out(m_path, std::ios::binary | std::ios::trunc)
{
  if (!m_out) {
    throw IoError(fmt::format("cannot create '{}'", m_path));
  }
  m_buffer.reserve(flush_threshold + 4096);
  for (auto name : header) {
    field(name);
  }
  end_row();
  m_rows = 0;
}

CsvFile& CsvFile::field(std::string_view text)
{
  separate();
  if (!needs_quotes(text)) {
    m_buffer.append(text);
    return *this;
  }
  m_buffer.push_back('"');
  for (auto c : text) {
    if (c == '"') {
      m_buffer.push_back('"');
    }
    m_buffer.push_back(c);
  }
  m_buffer.push_back('"');
  return *this;
}

CsvFile& CsvFile::amount(std::int64_t minor)
{
  separate();
  // Negating through unsigned arithmetic is defined even for INT64_MIN.
  const auto bits = static_cast<std::uint64_t>(minor);
  const auto magnitude = minor < 0 ? ~bits + 1 : bits;
  if (minor < 0) {
    m_buffer.push_back('-');
  }
  append_padded(magnitude / 100, 1);
  m_buffer.push_back('.');
  append_padded(magnitude % 100, 2);
  return *this;
}

CsvFile& CsvFile::numbered(std::string_view prefix, std::uint64_t value, std::size_t width)
{
  separate();
  m_buffer.append(prefix);
  append_padded(value, width);
  return *this;
}

CsvFile& CsvFile::date(int year, int month, int day)
{
  separate();
  append_padded(static_cast<std::uint64_t>(year), 4);
  m_buffer.push_back('-');
  append_padded(static_cast<std::uint64_t>(month), 2);
  m_buffer.push_back('-');
  append_padded(static_cast<std::uint64_t>(day), 2);
  return *this;
}

void CsvFile::end_row()
{
  m_buffer.push_back('\n');
  m_row_started = false;
  ++m_rows;
  if (m_buffer.size() >= flush_threshold) {
    flush();
  }
}

std::uint64_t CsvFile::close()
{
  flush();
  m_out.close();
  if (!m_out) {
    throw IoError(fmt::format("cannot write '{}'", m_path));
  }
  return m_rows;
}

void CsvFile::separate()
{
  if (m_row_started) {
    m_buffer.push_back(',');
  }
  m_row_started = true;
}

void CsvFile::append_padded(std::uint64_t value, std::size_t width)
{
  const fmt::format_int digits(value);
  for (auto i = digits.size(); i < width; ++i) {
    m_buffer.push_back('0');
  }
  m_buffer.append(digits.data(), digits.data() + digits.size());
}

void CsvFile::flush()
{
  m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
  m_buffer.clear();
  if (!m_out) {
    throw IoError(fmt::format("cannot write '{}' (disk full?)", m_path));
  }
}

} // namespace vendorcat::gen
