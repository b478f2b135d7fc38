#pragma once

// Records read from an import file (CSV or JSON), one at a time, as values
// keyed by the file's column names.

#include "domain/errors.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::io {

// One record of an import file. VALUES and PRESENT are aligned with the
// reader's columns(). LINE is the physical line (1-based) where the record
// starts: in CSV the header is line 1 and a record may span several lines
// when a quoted field holds line breaks; in JSON it is the line of the
// object's opening brace.
struct Record
{
  std::size_t line = 0;
  std::vector<std::string> values;
  // False when the value is absent: a JSON object without the key, or with
  // null. Always true in CSV, where an empty field is an empty string.
  std::vector<bool> present;

  // The value at INDEX, or nullopt when it is absent or INDEX is out of
  // range; the view lives as long as the record is unchanged. Never fails.
  std::optional<std::string_view> value(std::size_t index) const
  {
    if (index >= values.size() || index >= present.size() || !present[index]) {
      return std::nullopt;
    }
    return values[index];
  }

  // Moves the value at INDEX into INTO (whose old text takes its place, for
  // the reader to reuse) and returns true, or returns false when the value is
  // absent, as value() would say. Never fails.
  bool take(std::size_t index, std::string& into)
  {
    if (!value(index)) {
      return false;
    }
    into.swap(values[index]);
    return true;
  }
};

// A record that is bad on its own (a CSV record with the wrong number of
// fields) in an input that can still be read after it: the reader may go on.
class BadRecord : public ValidationError
{
public:
  using ValidationError::ValidationError;
};

// A source of records with a fixed set of columns.
class RecordReader
{
public:
  virtual ~RecordReader() = default;

  // The column names, in file order; they are unique. Never fails.
  virtual const std::vector<std::string>& columns() const = 0;

  // Fills RECORD with the next record and returns true, or returns false at
  // the end of the input. Throws BadRecord for a record that is bad on its
  // own (reading may go on), ValidationError on malformed input (the message
  // names the source and line) and IoError when reading fails.
  virtual bool next(Record& record) = 0;

  // Where LINE is, for messages: `source:LINE`, or `line LINE` when the
  // reader has no source name. Never fails.
  virtual std::string location(std::size_t line) const;

  // The field delimiter of a delimited text file (CSV), nullopt for other
  // formats. Never fails.
  virtual std::optional<char> delimiter() const { return std::nullopt; }

  // The index of the column called NAME (exact match), or nullopt when there
  // is none. Never fails.
  std::optional<std::size_t> find_column(std::string_view name) const;
};

} // namespace vendorcat::io
