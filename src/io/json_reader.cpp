// JsonReader: the document is read into memory and parsed with nlohmann-json's
// SAX interface rather than into a DOM, for two reasons: number_float hands
// over a number's text as written in the file, so `1234.50` is not turned into
// `1234.5`; and the events arrive in file order, so an iterator that counts
// the line breaks it walks past tells the line of each object's opening brace
// (the lexer has read exactly up to the brace when start_object is called).

#include "io/json_reader.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <istream>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace vendorcat::io {

namespace {

using nlohmann::json;

// A pointer into the document that counts the line feeds it moves past.
class LineCountingIterator
{
public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  LineCountingIterator() = default;

  LineCountingIterator(const char* position, std::size_t* line_feeds)
    : m_position(position), m_line_feeds(line_feeds)
  {
  }

  reference operator*() const
  {
    return *m_position;
  }

  LineCountingIterator& operator++()
  {
    if (*m_position == '\n') {
      ++*m_line_feeds;
    }
    ++m_position;
    return *this;
  }

  LineCountingIterator operator++(int)
  {
    LineCountingIterator before = *this;
    ++*this;
    return before;
  }

  bool operator==(const LineCountingIterator& other) const
  {
    return m_position == other.m_position;
  }

private:
  const char* m_position = nullptr;
  std::size_t* m_line_feeds = nullptr;
};

// Builds the records from the SAX events of the whole document.
class Handler
{
public:
  Handler(const RecordReader& owner, const std::size_t& line_feeds,
          std::vector<std::string>& columns, std::vector<Record>& records)
    : m_owner(owner), m_line_feeds(line_feeds), m_columns(columns), m_records(records)
  {
  }

  bool null()
  {
    return scalar("null", std::nullopt);
  }

  bool boolean(bool value)
  {
    return scalar("a boolean", std::string(value ? "true" : "false"));
  }

  bool number_integer(std::int64_t value)
  {
    return scalar("a number", std::to_string(value));
  }

  bool number_unsigned(std::uint64_t value)
  {
    return scalar("a number", std::to_string(value));
  }

  bool number_float(double, const std::string& text)
  {
    return scalar("a number", text);
  }

  bool string(std::string& value)
  {
    return scalar("a string", std::move(value));
  }

  bool binary(json::binary_t&)
  {
    return scalar("binary data", std::nullopt);
  }

  bool start_object(std::size_t)
  {
    if (m_depth == 1) {
      m_records.push_back({line(), {}, {}});
      m_keys.clear();
    } else {
      unexpected("an object");
    }
    ++m_depth;
    return true;
  }

  bool key(std::string& name)
  {
    auto [it, added] = m_column_index.try_emplace(name, m_columns.size());
    if (added) {
      m_columns.push_back(name);
    }
    m_key_index = it->second;
    m_key = name;
    if (!m_keys.insert(m_key_index).second) {
      throw ValidationError(fmt::format("{}: record {} has the key \"{}\" twice",
                                        m_owner.location(line()), m_records.size(), name));
    }
    return true;
  }

  bool end_object()
  {
    --m_depth;
    return true;
  }

  bool start_array(std::size_t)
  {
    if (m_depth == 0) {
      m_depth = 1;
      m_seen_array = true;
      return true;
    }
    unexpected("an array");
  }

  bool end_array()
  {
    --m_depth;
    return true;
  }

  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error)
  {
    // "[json.exception.parse_error.101] parse error at line 2, column 5: syntax
    // error ..." (or "[json.exception.out_of_range.406] number overflow ...")
    // loses its prefixes: the location comes first in our messages.
    std::string message = error.what();
    if (message.starts_with("[json.exception.")) {
      if (const auto end = message.find("] "); end != std::string::npos) {
        message.erase(0, end + 2);
      }
    }
    if (message.starts_with("parse error")) {
      if (const auto colon = message.find(": "); colon != std::string::npos) {
        message.erase(0, colon + 2);
      }
    }
    if (message.starts_with("number overflow parsing")) {
      message.replace(0, std::string_view("number overflow parsing").size(), "number out of range:");
    }
    throw ValidationError(fmt::format("{}: invalid JSON: {}", m_owner.location(line()), message));
  }

  // Takes the records completed so far, for a reader of one object per line.
  std::vector<Record>& records() { return m_records; }

  // True once the top-level array was seen.
  bool seen_array() const
  {
    return m_seen_array;
  }

private:
  std::size_t line() const
  {
    return m_line_feeds + 1;
  }

  bool scalar(std::string_view kind, std::optional<std::string> value)
  {
    if (m_depth != 2) {
      unexpected(kind);
    }
    Record& record = m_records.back();
    if (record.values.size() <= m_key_index) {
      record.values.resize(m_key_index + 1);
      record.present.resize(m_key_index + 1, false);
    }
    if (value) {
      record.values[m_key_index] = std::move(*value);
      record.present[m_key_index] = true;
    }
    return true;
  }

  [[noreturn]] void unexpected(std::string_view kind) const
  {
    if (m_depth == 0) {
      throw ValidationError(fmt::format("{}: expected a JSON array of objects, found {}",
                                        m_owner.location(line()), kind));
    }
    if (m_depth == 1) {
      throw ValidationError(fmt::format("{}: record {} is {}, expected an object",
                                        m_owner.location(line()), m_records.size() + 1, kind));
    }
    throw ValidationError(fmt::format(
      "{}: record {}: \"{}\" is {}; values must be strings, numbers, booleans or null",
      m_owner.location(line()), m_records.size(), m_key, kind));
  }

  const RecordReader& m_owner;
  const std::size_t& m_line_feeds;
  std::vector<std::string>& m_columns;
  std::vector<Record>& m_records;
  std::unordered_map<std::string, std::size_t> m_column_index;
  std::unordered_set<std::size_t> m_keys; // the keys of the current object
  std::size_t m_key_index = 0;
  std::string m_key;
  int m_depth = 0;
  bool m_seen_array = false;
};

bool is_blank(std::string_view text)
{
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

JsonReader::JsonReader(std::istream& in, std::string source_name)
  : m_source_name(std::move(source_name))
{
  const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) {
    throw IoError(fmt::format("{}: cannot read the JSON input",
                              m_source_name.empty() ? "input" : m_source_name));
  }
  if (is_blank(content)) {
    throw ValidationError(fmt::format("{}: empty file, expected a JSON array of objects",
                                      m_source_name.empty() ? "input" : m_source_name));
  }

  std::size_t line_feeds = 0;
  Handler handler(*this, line_feeds, m_columns, m_records);
  const char* begin = content.data();
  json::sax_parse(LineCountingIterator(begin, &line_feeds),
                  LineCountingIterator(begin + content.size(), &line_feeds), &handler);
  if (!handler.seen_array()) {
    throw ValidationError(fmt::format("{}: expected a JSON array of objects", location(1)));
  }
  for (Record& record : m_records) {
    record.values.resize(m_columns.size());
    record.present.resize(m_columns.size(), false);
  }
}

const std::vector<std::string>& JsonReader::columns() const
{
  return m_columns;
}

bool JsonReader::next(Record& record)
{
  if (m_next >= m_records.size()) {
    return false;
  }
  record = std::move(m_records[m_next]);
  ++m_next;
  return true;
}

std::string JsonReader::location(std::size_t line) const
{
  if (m_source_name.empty()) {
    return RecordReader::location(line);
  }
  return fmt::format("{}:{}", m_source_name, line);
}

// JsonLinesReader: each line is parsed on its own by the same handler, which
// is put inside its array once, so that a line is read like one element of
// an array and every message is the same as for a JSON file.
class JsonLinesReader::Parser
{
public:
  Parser(const RecordReader& owner) : m_handler(owner, m_line_feeds, m_columns, m_records)
  {
    m_handler.start_array(0);
  }

  // Parses LINE (line NUMBER of the file) into the next record.
  Record parse(const std::string& line, std::size_t number)
  {
    m_line_feeds = number - 1;
    json::sax_parse(line.begin(), line.end(), &m_handler);
    Record record = std::move(m_records.back());
    m_records.clear();
    record.values.resize(m_columns.size());
    record.present.resize(m_columns.size(), false);
    return record;
  }

  const std::vector<std::string>& columns() const { return m_columns; }

private:
  std::size_t m_line_feeds = 0;
  std::vector<std::string> m_columns;
  std::vector<Record> m_records;
  Handler m_handler;
};

JsonLinesReader::JsonLinesReader(std::istream& in, std::string source_name)
  : m_in(in), m_source_name(std::move(source_name)), m_parser(std::make_unique<Parser>(*this))
{
  if (read(m_first)) {
    m_has_first = true;
    m_columns = m_parser->columns();
  }
}

JsonLinesReader::~JsonLinesReader() = default;

const std::vector<std::string>& JsonLinesReader::columns() const
{
  return m_columns;
}

bool JsonLinesReader::next(Record& record)
{
  if (m_has_first) {
    record = std::move(m_first);
    m_has_first = false;
    return true;
  }
  if (!read(record)) {
    return false;
  }
  if (m_parser->columns().size() != m_columns.size()) {
    const auto& key = m_parser->columns()[m_columns.size()];
    throw ValidationError(fmt::format("{}: key \"{}\" is not one of the first line's keys: every line "
                                      "must use the first line's keys",
                                      location(record.line), key));
  }
  return true;
}

bool JsonLinesReader::read(Record& record)
{
  std::string line;
  while (std::getline(m_in, line)) {
    ++m_line;
    if (m_line == 1 && line.starts_with("\xEF\xBB\xBF")) {
      line.erase(0, 3);
    }
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.find_first_not_of(" \t") == std::string::npos) {
      continue;
    }
    record = m_parser->parse(line, m_line);
    return true;
  }
  if (m_in.bad()) {
    throw IoError(fmt::format("{}: cannot read the input", m_source_name.empty() ? "input" : m_source_name));
  }
  return false;
}

std::string JsonLinesReader::location(std::size_t line) const
{
  if (m_source_name.empty()) {
    return RecordReader::location(line);
  }
  return fmt::format("{}:{}", m_source_name, line);
}

} // namespace vendorcat::io
