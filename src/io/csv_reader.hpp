#pragma once

// A streaming RFC 4180 CSV reader for imports, built on libcsv.

#include "io/record.hpp"

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::io {

// Whether a header may end with an empty name, as when every line of the
// file ends with a comma (the ECB's rate files): the empty last column is
// then dropped from the header and every record, and a value in it is a
// BadRecord.
enum class TrailingComma
{
  refuse,
  drop,
};

// "the header splits on ';', not ',': give --delimiter ';'": what to tell of
// a header that FOUND separates when the file is read with USED. Never fails.
std::string delimiter_hint(char found, char used);

// Reads CSV from a stream in fixed-size chunks, so memory stays flat however
// large the file is, and yields one record at a time.
//
// Accepted: quoted fields with doubled quotes, commas and line breaks inside
// quotes, LF, CRLF or CR line ends, a UTF-8 byte-order mark at the start
// (stripped), a last line without a line end. Blank lines (a bare line break)
// are skipped. Fields are taken byte for byte: spaces are kept (RFC 4180) and
// line breaks inside quoted fields stay as they are in the file (CRLF is not
// turned into LF); an empty field is an empty string, never absent.
//
// The first record is the header: its names must be non-empty (but see
// TrailingComma) and unique.
// Every later record must have as many fields as the header. Errors are
// ValidationError messages of the form `SOURCE:LINE: ...` (or `line LINE: ...`
// when no source name is given), where LINE is the physical line of the file,
// counting line breaks inside quoted fields. A record with a different
// number of fields than the header is a BadRecord, after which reading may go
// on; after any other exception the reader must not be used again.
class CsvReader : public RecordReader
{
public:
  // How many bytes each read from the stream asks for.
  static constexpr std::size_t default_chunk_size = 64 * 1024;

  // The largest record accepted, so that a stray quote cannot make the reader
  // swallow the rest of a huge file into memory.
  static constexpr std::size_t max_record_bytes = 16 * 1024 * 1024;

  // Reads the header from IN right away; IN must outlive the reader.
  // SOURCE_NAME (e.g. the file name) prefixes error messages; CHUNK_SIZE is
  // for tests; TRAILING says whether an empty last header name is dropped;
  // DELIMITER separates the fields (`,`, or `;` or a tab as spreadsheets
  // write them in locales with a decimal comma: what is said of commas
  // above is then said of it). Throws ValidationError when the input is
  // empty or the header is malformed or has an empty or repeated name,
  // IoError when reading fails, Error for a DELIMITER that is a quote, a
  // line break or a space.
  explicit CsvReader(std::istream& in, std::string source_name = {},
                     std::size_t chunk_size = default_chunk_size,
                     TrailingComma trailing = TrailingComma::refuse, char delimiter = ',');
  ~CsvReader() override;
  CsvReader(CsvReader&&) noexcept;
  CsvReader& operator=(CsvReader&&) noexcept;

  // The header's names, in file order. Never fails.
  const std::vector<std::string>& columns() const override;

  // Fills RECORD with the next data record and returns true, or returns false
  // at the end of the input. Throws BadRecord for a record with a different
  // number of fields than the header, ValidationError on malformed quoting
  // or a record larger than max_record_bytes, IoError when reading fails.
  bool next(Record& record) override;

  // `SOURCE:LINE`, or `line LINE` without a source name. Never fails.
  std::string location(std::size_t line) const override;

  // The delimiter given. Never fails.
  std::optional<char> delimiter() const override { return m_delimiter; }

private:
  class Parser;

  std::string m_source_name;
  std::unique_ptr<Parser> m_parser;
  std::vector<std::string> m_columns;
  bool m_drop_last = false; // the header ended with a comma (TrailingComma::drop)
  char m_delimiter = ',';
};

} // namespace vendorcat::io
