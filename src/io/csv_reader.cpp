// CsvReader: libcsv in strict mode, fed from a fixed-size buffer.
//
// libcsv reports fields and record ends through callbacks but not where in
// the input they happened. To know the physical line of each record, the
// buffer is handed to libcsv in pieces that end right after a CR or LF, so
// each piece lies on one line and the line count can be advanced between
// pieces (CRLF counts once, line breaks inside quoted fields count too). A
// record starts on the line of the first piece, after the previous record
// ended, that is not a bare line break. A piece ends at most one record, so
// at most one parsed record waits at any time. Field vectors and strings are
// swapped between the parser and the caller rather than allocated per record.
//
// A piece that is a whole line without a quote, starting a record, is split
// on the delimiter (a comma unless told otherwise) directly (the same fields libcsv would give, much faster);
// every other piece goes through libcsv.
//
// libcsv options: CSV_STRICT (a quote inside an unquoted field, or anything
// but the delimiter or a line end after a closing quote, is an error) and
// CSV_STRICT_FINI (a quoted field still open at the end is an error); its
// default space handling trims unquoted fields, so a space function that
// accepts nothing keeps spaces as RFC 4180 asks.

#include "io/csv_reader.hpp"

#include "domain/counted.hpp"
#include "domain/errors.hpp"

#include <csv.h>
#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace vendorcat::io {

namespace {

struct Row
{
  std::size_t line = 0;
  std::vector<std::string> fields;
};

// The UTF-8 byte-order mark.
constexpr std::string_view bom = "\xEF\xBB\xBF";

// How much of a header's text fail() looks at.
constexpr std::size_t max_header_text = 64 * 1024;

// The least libcsv grows its field buffer by.
constexpr std::size_t min_block_size = 4096;

int no_space(unsigned char)
{
  return 0;
}

bool is_line_break(char c)
{
  return c == '\r' || c == '\n';
}

// `SOURCE:LINE`, or `line LINE` when SOURCE is empty.
std::string format_location(const std::string& source, std::size_t line)
{
  if (source.empty()) {
    return fmt::format("line {}", line);
  }
  return fmt::format("{}:{}", source, line);
}

// SOURCE, or `input` when it is empty.
std::string source_or_input(const std::string& source)
{
  return source.empty() ? std::string("input") : source;
}

} // namespace

std::string delimiter_hint(char found, char used)
{
  const auto name = [](char delimiter) {
    return delimiter == '\t' ? std::string("tabs") : fmt::format("'{}'", delimiter);
  };
  const auto advice = found == ','    ? std::string("leave out --delimiter")
                      : found == '\t' ? std::string("give --delimiter tab")
                                      : fmt::format("give --delimiter '{}'", found);
  return fmt::format("the header splits on {}, not {}: {}", name(found), name(used), advice);
}

class CsvReader::Parser
{
public:
  Parser(std::istream& in, std::string source_name, std::size_t chunk_size, char delimiter)
    : m_in(in), m_source_name(std::move(source_name)), m_chunk_size(std::max<std::size_t>(chunk_size, 1)),
      m_buffer(std::max<std::size_t>(chunk_size, bom.size())), m_delimiter(delimiter)
  {
    if (delimiter == '"' || is_line_break(delimiter) || delimiter == ' ') {
      throw Error(fmt::format("unsupported CSV delimiter '{}'", delimiter));
    }
    if (csv_init(&m_csv, CSV_STRICT | CSV_STRICT_FINI) != 0) {
      throw Error("cannot initialise the CSV parser");
    }
    csv_set_space_func(&m_csv, no_space);
    csv_set_delim(&m_csv, static_cast<unsigned char>(delimiter));
  }

  ~Parser() { csv_free(&m_csv); }

  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // The next record, or false at the end of the input. ROW's previous
  // fields are taken back for reuse.
  bool next(Row& row)
  {
    while (!m_row_ready && !m_finished) {
      if (m_pos < m_end) {
        feed_piece();
      } else if (!m_eof) {
        read_chunk();
      } else {
        finish();
      }
    }
    if (!m_row_ready) {
      return false;
    }
    row.line = m_ready.line;
    row.fields.swap(m_ready.fields);
    m_row_ready = false;
    return true;
  }

private:
  void read_chunk()
  {
    // The first read asks for a whole byte-order mark even with tiny chunks.
    const std::size_t wanted = m_first_chunk ? m_buffer.size() : m_chunk_size;
    m_in.read(m_buffer.data(), static_cast<std::streamsize>(wanted));
    if (m_in.bad() || (m_in.fail() && !m_in.eof())) {
      throw IoError(fmt::format("{}: cannot read the CSV input", source_or_input(m_source_name)));
    }
    m_pos = 0;
    m_end = static_cast<std::size_t>(m_in.gcount());
    m_eof = m_in.eof() || m_end == 0;
    if (m_first_chunk) {
      m_first_chunk = false;
      if (std::string_view(m_buffer.data(), m_end).starts_with(bom)) {
        m_pos = bom.size();
      }
    }
  }

  // Parses the buffer up to and including the next CR or LF.
  void feed_piece()
  {
    // The piece ends after the first CR or LF: memchr finds the LF, then the
    // text before it is checked for a CR (rare) and for quotes.
    const std::string_view rest(m_buffer.data() + m_pos, m_end - m_pos);
    const auto lf = rest.find('\n');
    std::string_view piece = lf == std::string_view::npos ? rest : rest.substr(0, lf + 1);
    if (const auto cr = piece.find('\r'); cr != std::string_view::npos) {
      piece = piece.substr(0, cr + 1);
    }
    const bool has_quote = piece.find('"') != std::string_view::npos;
    m_pos += piece.size();

    const bool starts_record = m_between_rows && !is_line_break(piece.front());
    if (starts_record) {
      m_between_rows = false;
      m_row_line = m_line;
      m_row_bytes = 0;
    }
    if (!m_between_rows) {
      m_row_bytes += piece.size();
      if (m_row_bytes > max_record_bytes) {
        throw ValidationError(fmt::format("{}: record is larger than {} MiB (is a quote left open?)",
                                          location(m_row_line), max_record_bytes / (1024 * 1024)));
      }
    }

    if (starts_record && is_line_break(piece.back()) && !has_quote) {
      take_plain_line(piece.substr(0, piece.size() - 1));
    } else {
      // libcsv grows its field buffer by a fixed block; growing by the
      // current size instead keeps long fields from costing quadratic copying.
      csv_set_blk_size(&m_csv, std::max(min_block_size, csv_get_buffer_size(&m_csv)));
      const bool in_header = !m_any_row;
      const std::size_t parsed = csv_parse(&m_csv, piece.data(), piece.size(), on_field, on_row, this);
      if (in_header) {
        // What fail() looks at is the header up to the byte libcsv stopped
        // at, whatever the pieces, so its hint never depends on the chunk size.
        keep_header_text(piece.substr(0, std::min(parsed + 1, piece.size())));
      }
      if (parsed != piece.size()) {
        fail(m_line);
      }
    }

    const char last = piece.back();
    if (last == '\r') {
      ++m_line;
      m_after_cr = true;
    } else {
      if (last == '\n' && !(m_after_cr && piece.size() == 1)) {
        ++m_line;
      }
      m_after_cr = false;
    }
  }

  void finish()
  {
    m_finished = true;
    if (csv_fini(&m_csv, on_field, on_row, this) != 0) {
      if (csv_error(&m_csv) == CSV_EPARSE) {
        throw ValidationError(fmt::format("{}: a quoted field is never closed", location(m_row_line)));
      }
      fail(m_line);
    }
  }

  // A header whose quoted names another delimiter separates is told so.
  [[noreturn]] void fail(std::size_t line)
  {
    const int status = csv_error(&m_csv);
    if (status != CSV_EPARSE) {
      throw IoError(fmt::format("{}: {}", location(line), csv_strerror(status)));
    }
    std::string message =
      fmt::format("{}: malformed quoting (a field with a quote must be quoted as a whole, "
                  "with inner quotes doubled, and a closing quote must be followed by {} or a line end)",
                  location(line),
                  m_delimiter == ','    ? std::string("a comma")
                  : m_delimiter == '\t' ? std::string("a tab")
                                        : fmt::format("the delimiter '{}'", m_delimiter));
    if (line != m_row_line && !m_between_rows) {
      message += fmt::format(" in the record starting at line {}", m_row_line);
    }
    for (const char other : {',', ';', '\t'}) {
      if (!m_any_row && other != m_delimiter && m_header.find(std::string{'"', other}) != std::string::npos) {
        message += fmt::format("; {}", delimiter_hint(other, m_delimiter));
        break;
      }
    }
    throw ValidationError(message);
  }

  std::string location(std::size_t line) const { return format_location(m_source_name, line); }

  // Keeps TEXT of the header for fail(), up to max_header_text in all.
  void keep_header_text(std::string_view text)
  {
    m_header.append(text.substr(0, max_header_text - std::min(max_header_text, m_header.size())));
  }

  // A whole line with no quote in it, starting a record: its fields are the
  // bytes between delimiters, which is what libcsv would give, so it is
  // split here without libcsv's callback per character (most lines of a
  // large import are like this).
  void take_plain_line(std::string_view line)
  {
    for (std::size_t start = 0;;) {
      const auto comma = line.find(m_delimiter, start);
      add_field(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (comma == std::string_view::npos) {
        break;
      }
      start = comma + 1;
    }
    on_row(0, this);
  }

  void add_field(std::string_view value)
  {
    if (m_field_count < m_fields.size()) {
      m_fields[m_field_count].assign(value);
    } else {
      m_fields.emplace_back(value);
    }
    ++m_field_count;
  }

  static void on_field(void* data, std::size_t size, void* context)
  {
    auto& self = *static_cast<Parser*>(context);
    self.add_field(data == nullptr ? std::string_view()
                                   : std::string_view(static_cast<const char*>(data), size));
  }

  static void on_row(int, void* context)
  {
    auto& self = *static_cast<Parser*>(context);
    self.m_fields.resize(self.m_field_count);
    self.m_ready.line = self.m_row_line;
    self.m_ready.fields.swap(self.m_fields);
    self.m_row_ready = true;
    self.m_any_row = true;
    self.m_field_count = 0;
    self.m_between_rows = true;
  }

  std::istream& m_in;
  std::string m_source_name;
  csv_parser m_csv{};
  std::size_t m_chunk_size;
  std::vector<char> m_buffer;
  char m_delimiter;
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
  bool m_first_chunk = true;
  bool m_eof = false;
  bool m_finished = false;

  std::size_t m_line = 1;            // the physical line of the next byte
  bool m_after_cr = false;           // the last piece ended with CR
  bool m_between_rows = true;        // no record is in progress
  std::size_t m_row_line = 0;        // where the record in progress started
  std::size_t m_row_bytes = 0;       // its size so far
  std::vector<std::string> m_fields; // of the record in progress; the first
  std::size_t m_field_count = 0;     // m_field_count are its own
  Row m_ready;                       // the record parsed and not yet taken
  bool m_row_ready = false;
  bool m_any_row = false; // the header has been read
  std::string m_header;   // its text libcsv read, up to where it stopped, for fail()
};

CsvReader::CsvReader(std::istream& in, std::string source_name, std::size_t chunk_size,
                     TrailingComma trailing, char delimiter)
  : m_source_name(std::move(source_name)),
    m_parser(std::make_unique<Parser>(in, m_source_name, chunk_size, delimiter)), m_delimiter(delimiter)
{
  Row header;
  if (!m_parser->next(header)) {
    throw ValidationError(
      fmt::format("{}: empty file, expected a header line", source_or_input(m_source_name)));
  }
  if (trailing == TrailingComma::drop && header.fields.size() > 1 && header.fields.back().empty()) {
    header.fields.pop_back();
    m_drop_last = true;
  }
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string& name = header.fields[i];
    if (name.empty()) {
      throw ValidationError(
        fmt::format("{}: column {} of the header has no name", location(header.line), i + 1));
    }
    if (!seen.insert(name).second) {
      throw ValidationError(
        fmt::format("{}: column '{}' appears twice in the header", location(header.line), name));
    }
  }
  m_columns = std::move(header.fields);
}

CsvReader::~CsvReader() = default;
CsvReader::CsvReader(CsvReader&&) noexcept = default;
CsvReader& CsvReader::operator=(CsvReader&&) noexcept = default;

const std::vector<std::string>& CsvReader::columns() const
{
  return m_columns;
}

bool CsvReader::next(Record& record)
{
  Row row{0, std::move(record.values)}; // the record's old values go back for reuse
  if (!m_parser->next(row)) {
    return false;
  }
  const std::size_t fields = m_columns.size() + (m_drop_last ? 1 : 0);
  if (row.fields.size() != fields) {
    throw BadRecord(fmt::format("{}: {}, header has {}", location(row.line),
                                domain::counted(row.fields.size(), "field"), fields));
  }
  if (m_drop_last) {
    if (!row.fields.back().empty()) {
      throw BadRecord(fmt::format("{}: a value '{}' after the last column, which has no name",
                                  location(row.line), row.fields.back()));
    }
    row.fields.pop_back();
  }
  record.line = row.line;
  record.values = std::move(row.fields);
  record.present.assign(record.values.size(), true);
  return true;
}

std::string CsvReader::location(std::size_t line) const
{
  return format_location(m_source_name, line);
}

} // namespace vendorcat::io
