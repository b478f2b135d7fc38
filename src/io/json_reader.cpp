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
  Handler(const JsonReader& owner, const std::size_t& line_feeds,
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
    // error ..." loses its prefix: the location comes first in our messages.
    std::string message = error.what();
    if (const auto start = message.find("parse error"); start != std::string::npos) {
      if (const auto colon = message.find(": ", start); colon != std::string::npos) {
        message.erase(0, colon + 2);
      }
    }
    throw ValidationError(fmt::format("{}: invalid JSON: {}", m_owner.location(line()), message));
  }

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

  const JsonReader& m_owner;
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

} // namespace vendorcat::io
