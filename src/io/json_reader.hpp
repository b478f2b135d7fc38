#pragma once

// A reader for imports given as a JSON array of flat objects.

#include "io/record.hpp"

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace vendorcat::io {

// Reads a whole JSON document, an array of objects such as
// `[{"name": "Acme", "amount": "1050.00"}, ...]`, and yields one record per
// object. The file is parsed at once (imports in JSON are small).
//
// Columns are the union of the objects' keys in first-seen order. Values:
// strings as they are; numbers as their text in the file (`1234.50` stays
// `1234.50`, `1e3` stays `1e3`; still, amounts are best given as strings);
// booleans as `true`/`false`; null or a missing key is absent (present is
// false). Record::line is the physical line of the object's opening brace;
// messages also name the object as `record N` (1-based). Errors are
// ValidationError messages of the form `SOURCE:LINE: ...` (or `line LINE: ...`
// when no source name is given).
class JsonReader : public RecordReader
{
public:
  // Reads and checks all of IN right away. SOURCE_NAME (e.g. the file name)
  // prefixes error messages. Throws ValidationError when the input is empty,
  // is not valid JSON, is not an array of objects, or an object repeats a key
  // or holds a nested array or object; IoError when reading fails.
  explicit JsonReader(std::istream& in, std::string source_name = {});

  // The union of the objects' keys in first-seen order. Never fails.
  const std::vector<std::string>& columns() const override;

  // Fills RECORD with the next object and returns true, or returns false
  // after the last one. Never throws.
  bool next(Record& record) override;

  // `SOURCE:LINE`, or `line LINE` without a source name. Never fails.
  std::string location(std::size_t line) const override;

private:
  std::string m_source_name;
  std::vector<std::string> m_columns;
  std::vector<Record> m_records;
  std::size_t m_next = 0;
};

// Reads JSON Lines (one object per line, as `export --format jsonl` writes),
// one line at a time, so memory stays flat however long the file. Values as
// JsonReader reads them; blank lines are skipped. The columns are the first
// object's keys; a later object with another key is an error (ValidationError
// naming the line), as is any line that is not one flat object.
class JsonLinesReader : public RecordReader
{
public:
  // Reads the first object from IN right away; IN must outlive the reader.
  // Throws ValidationError or IoError as next() does.
  explicit JsonLinesReader(std::istream& in, std::string source_name = {});
  ~JsonLinesReader() override;

  const std::vector<std::string>& columns() const override;
  bool next(Record& record) override;
  std::string location(std::size_t line) const override;

private:
  class Parser;

  bool read(Record& record);

  std::istream& m_in;
  std::string m_source_name;
  std::unique_ptr<Parser> m_parser;
  std::vector<std::string> m_columns;
  Record m_first;
  bool m_has_first = false;
  std::size_t m_line = 0;
};

} // namespace vendorcat::io
