// JsonReader: the document is read into memory and parsed with nlohmann-json's
// SAX interface rather than into a DOM, for two reasons: number_float hands
// over a number's text as written in the file, so `1234.50` is not turned into
// `1234.5`; and the events arrive in file order, so an iterator that counts
// the line breaks it walks past tells the line of each object's opening brace
// (the lexer has read exactly up to the brace when start_object is called).

#include "io/json_reader.hpp"

#include "domain/errors.hpp"
#include "io/json_handler.hpp"

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

  reference operator*() const { return *m_position; }

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

  bool operator==(const LineCountingIterator& other) const { return m_position == other.m_position; }

private:
  const char* m_position = nullptr;
  std::size_t* m_line_feeds = nullptr;
};

bool is_blank(std::string_view text)
{
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

} // namespace

JsonReader::JsonReader(std::istream& in, std::string source_name) : m_source_name(std::move(source_name))
{
  const std::string content{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) {
    throw IoError(
      fmt::format("{}: cannot read the JSON input", m_source_name.empty() ? "input" : m_source_name));
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
