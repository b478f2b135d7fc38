// The reader of the hostile corpus's case files: one `key: value` directive a
// line, `#` comments, values kept raw until a run expands them, so that one
// case file describes any bytes (invalid UTF-8, NUL, ESC) in plain text.

#include "support/hostile_case.hpp"

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace vendorcat::test {

namespace {

std::vector<std::string> words_of(std::string_view text)
{
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto begin = text.find_first_not_of(' ', pos);
    if (begin == std::string_view::npos) {
      break;
    }
    const auto end = std::min(text.find(' ', begin), text.size());
    words.emplace_back(text.substr(begin, end - begin));
    pos = end;
  }
  return words;
}

std::string trimmed(std::string_view text)
{
  const auto begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) {
    return {};
  }
  const auto end = text.find_last_not_of(' ');
  return std::string(text.substr(begin, end - begin + 1));
}

int hex_digit(char c)
{
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

std::string unescape(const std::string& text)
{
  std::string result;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      result.push_back(text[i]);
      continue;
    }
    if (++i == text.size()) {
      throw std::runtime_error("a lone backslash at the end of '" + text + "'");
    }
    switch (text[i]) {
    case '\\':
      result.push_back('\\');
      break;
    case 'n':
      result.push_back('\n');
      break;
    case 'r':
      result.push_back('\r');
      break;
    case 't':
      result.push_back('\t');
      break;
    case 'e':
      result.push_back('\x1b');
      break;
    case 'a':
      result.push_back('\a');
      break;
    case '0':
      result.push_back('\0');
      break;
    case 's':
      result.push_back(' ');
      break;
    case 'x': {
      const int high = i + 1 < text.size() ? hex_digit(text[i + 1]) : -1;
      const int low = i + 2 < text.size() ? hex_digit(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        throw std::runtime_error("\\x needs two hex digits in '" + text + "'");
      }
      result.push_back(static_cast<char>(high * 16 + low));
      i += 2;
      break;
    }
    default:
      throw std::runtime_error(std::string("unknown escape \\") + text[i] + " in '" + text + "'");
    }
  }
  return result;
}

std::string substitute(const std::string& raw, const CaseContext& context)
{
  std::string result;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    const auto open = raw.find('{', pos);
    if (open == std::string::npos) {
      result += raw.substr(pos);
      break;
    }
    result += raw.substr(pos, open - pos);
    const std::string_view rest = std::string_view(raw).substr(open);
    if (rest.starts_with("{dir}")) {
      result += context.dir;
      pos = open + 5;
    } else if (rest.starts_with("{db}")) {
      result += context.db;
      pos = open + 4;
    } else if (rest.starts_with("{repeat:")) {
      const auto colon = raw.find(':', open + 8);
      const auto close = raw.find('}', colon == std::string::npos ? open : colon);
      if (colon == std::string::npos || close == std::string::npos) {
        throw std::runtime_error("{repeat:N:TEXT} is not closed in '" + raw + "'");
      }
      const auto count = std::stoul(raw.substr(open + 8, colon - open - 8));
      const auto text = raw.substr(colon + 1, close - colon - 1);
      for (unsigned long i = 0; i < count; ++i) {
        result += text;
      }
      pos = close + 1;
    } else {
      result.push_back('{');
      pos = open + 1;
    }
  }
  return result;
}

// Decodes one UTF-8 sequence at TEXT[POS]; returns its length and sets
// CODE_POINT, or returns 0 when the sequence is malformed.
std::size_t decode(const std::string& text, std::size_t pos, char32_t& code_point)
{
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  std::size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
    code_point = lead & 0x1fu;
    min = 0x80;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    code_point = lead & 0x0fu;
    min = 0x800;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    code_point = lead & 0x07u;
    min = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > text.size()) {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(pos + i) & 0xc0u) != 0x80u) {
      return 0;
    }
    code_point = (code_point << 6) | (byte(pos + i) & 0x3fu);
  }
  if (code_point < min || code_point > 0x10ffff || (code_point >= 0xd800 && code_point <= 0xdfff)) {
    return 0;
  }
  return length;
}

bool must_not_reach_a_terminal(char32_t c)
{
  return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069);
}

int parse_int(const std::string& text, const std::string& what)
{
  std::size_t used = 0;
  const int value = std::stoi(text, &used, 0);
  if (used != text.size()) {
    throw std::runtime_error(what + ": not a number: '" + text + "'");
  }
  return value;
}

} // namespace

std::string expand(const std::string& raw, const CaseContext& context)
{
  return unescape(substitute(raw, context));
}

bool is_utf8(const std::string& text)
{
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t code_point = 0;
    const auto length = decode(text, pos, code_point);
    if (length == 0) {
      return false;
    }
    pos += length;
  }
  return true;
}

std::optional<std::string> raw_control_in(const std::string& text)
{
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t code_point = 0;
    const auto length = decode(text, pos, code_point);
    if (length == 0) {
      ++pos;
      continue;
    }
    if (must_not_reach_a_terminal(code_point)) {
      char name[16];
      std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(code_point));
      return std::string(name) + " at byte " + std::to_string(pos);
    }
    pos += length;
  }
  return std::nullopt;
}

CaseSpec read_case(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  CaseSpec result;
  result.name = path.stem().string();
  std::string sql_db;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    const auto where = path.filename().string() + ":" + std::to_string(number);
    if (line.empty() || line.starts_with('#')) {
      if (line.starts_with('#') && result.summary.empty()) {
        result.summary = trimmed(std::string_view(line).substr(1));
      }
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) {
      throw std::runtime_error(where + ": expected 'key: value'");
    }
    const auto key = line.substr(0, colon);
    auto value = line.substr(colon + 1);
    if (value.starts_with(' ')) {
      value.erase(0, 1);
    }
    try {
      if (key == "make") {
        auto words = words_of(value);
        if (words.size() < 2) {
          throw std::runtime_error("make: needs a kind and a name");
        }
        const auto rest = value.find(words[1], value.find(words[0]) + words[0].size()) + words[1].size();
        result.make.push_back({words[0], words[1], trimmed(std::string_view(value).substr(rest))});
      } else if (key == "file") {
        result.files.push_back({trimmed(value), ""});
      } else if (key == "line" || key == "text") {
        if (result.files.empty()) {
          throw std::runtime_error(key + ": comes before any file:");
        }
        result.files.back().content += key == "line" ? value + "\\n" : value;
      } else if (key == "before") {
        result.before.push_back(words_of(value));
      } else if (key == "before-sql") {
        result.before_sql.push_back(value);
      } else if (key == "env") {
        const auto equals = value.find('=');
        if (equals == std::string::npos) {
          throw std::runtime_error("env: expected NAME=VALUE");
        }
        result.env.emplace_back(value.substr(0, equals), value.substr(equals + 1));
      } else if (key == "unset") {
        result.env.emplace_back(trimmed(value), std::nullopt);
      } else if (key == "args") {
        for (auto& word : words_of(value)) {
          result.args.push_back(std::move(word));
        }
      } else if (key == "arg") {
        result.args.push_back(value);
      } else if (key == "stdin") {
        result.stdin_file = trimmed(value);
      } else if (key == "exit") {
        for (const auto& word : words_of(value)) {
          result.exit_statuses.push_back(parse_int(word, "exit"));
        }
      } else if (key == "stderr-contains") {
        result.stderr_contains.push_back(value);
      } else if (key == "stdout-contains") {
        result.stdout_contains.push_back(value);
      } else if (key == "stdout-lacks") {
        result.stdout_lacks.push_back(value);
      } else if (key == "sql-db") {
        sql_db = trimmed(value);
      } else if (key == "sql") {
        result.sql.push_back({sql_db, value, "", number});
      } else if (key == "expect") {
        if (result.sql.empty() || !result.sql.back().expected.empty()) {
          throw std::runtime_error("expect: must follow a sql: line");
        }
        result.sql.back().expected = value;
      } else if (key == "mode") {
        const auto words = words_of(value);
        if (words.size() != 2) {
          throw std::runtime_error("mode: expected NAME OCTAL");
        }
        result.modes.push_back({words[0], static_cast<unsigned>(std::stoul(words[1], nullptr, 8))});
      } else if (key == "absent") {
        result.absent.push_back(trimmed(value));
      } else if (key == "unchanged") {
        result.unchanged = trimmed(value) == "yes";
      } else if (key == "timeout") {
        result.timeout_seconds = parse_int(trimmed(value), "timeout");
      } else {
        throw std::runtime_error("unknown directive '" + key + "'");
      }
    } catch (const std::logic_error& error) {
      throw std::runtime_error(where + ": " + error.what());
    } catch (const std::runtime_error& error) {
      throw std::runtime_error(where + ": " + error.what());
    }
  }
  if (result.exit_statuses.empty()) {
    throw std::runtime_error(path.filename().string() + ": no exit: line");
  }
  if (result.args.empty()) {
    throw std::runtime_error(path.filename().string() + ": no args: or arg: line");
  }
  return result;
}

} // namespace vendorcat::test
