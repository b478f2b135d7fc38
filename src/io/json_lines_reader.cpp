// JsonLinesReader: each line is parsed on its own by the JSON reader's
// handler, which is put inside its array once, so that a line is read like one
// element of an array and every message is the same as for a JSON file.

#include "io/json_handler.hpp"
#include "io/json_reader.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <istream>

namespace vendorcat::io {

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
    nlohmann::json::sax_parse(line.begin(), line.end(), &m_handler);
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
