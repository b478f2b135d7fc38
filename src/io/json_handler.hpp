#pragma once

// The SAX handler both JSON readers build their records with
// (json_reader.cpp): it checks that the document is an array of flat
// objects, keeps each value's text as written, and names the line of each
// object's opening brace in its messages. For io/ only.

#include "domain/errors.hpp"
#include "io/record.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace vendorcat::io {

// Builds the records from the SAX events of the whole document.
class Handler
{
public:
  Handler(const RecordReader& owner, const std::size_t& line_feeds, std::vector<std::string>& columns,
          std::vector<Record>& records)
    : m_owner(owner), m_line_feeds(line_feeds), m_columns(columns), m_records(records)
  {
  }

  bool null() { return scalar("null", std::nullopt); }

  bool boolean(bool value) { return scalar("a boolean", std::string(value ? "true" : "false")); }

  bool number_integer(std::int64_t value) { return scalar("a number", std::to_string(value)); }

  bool number_unsigned(std::uint64_t value) { return scalar("a number", std::to_string(value)); }

  bool number_float(double, const std::string& text) { return scalar("a number", text); }

  bool string(std::string& value) { return scalar("a string", std::move(value)); }

  bool binary(nlohmann::json::binary_t&) { return scalar("binary data", std::nullopt); }

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
      throw ValidationError(fmt::format("{}: record {} has the key \"{}\" twice", m_owner.location(line()),
                                        m_records.size(), name));
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
  bool seen_array() const { return m_seen_array; }

private:
  std::size_t line() const { return m_line_feeds + 1; }

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
      throw ValidationError(
        fmt::format("{}: expected a JSON array of objects, found {}", m_owner.location(line()), kind));
    }
    if (m_depth == 1) {
      throw ValidationError(fmt::format("{}: record {} is {}, expected an object", m_owner.location(line()),
                                        m_records.size() + 1, kind));
    }
    throw ValidationError(
      fmt::format("{}: record {}: \"{}\" is {}; values must be strings, numbers, booleans or null",
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

} // namespace vendorcat::io
