// printable_message: a quoted value is a `'` that opens after a space, a
// bracket or the start and closes before a space, punctuation or the end;
// anything between (quotes included) is the value. That matches how every
// message of vendorcat quotes what it was given.

#include "cli/message.hpp"

#include "domain/utf8.hpp"

namespace vendorcat::cli {

namespace {

bool opens_quote(std::string_view text, std::size_t pos)
{
  return text[pos] == '\'' &&
         (pos == 0 || text[pos - 1] == ' ' || text[pos - 1] == '(' || text[pos - 1] == '[');
}

bool closes_quote(std::string_view text, std::size_t pos)
{
  if (text[pos] != '\'') {
    return false;
  }
  if (pos + 1 == text.size()) {
    return true;
  }
  const char next = text[pos + 1];
  return next == ' ' || next == ':' || next == ',' || next == ';' || next == ')' || next == ']' ||
         next == '.';
}

} // namespace

std::string printable_message(std::string_view message)
{
  std::string shortened;
  std::size_t pos = 0;
  while (pos < message.size()) {
    if (!opens_quote(message, pos)) {
      shortened += message[pos++];
      continue;
    }
    std::size_t end = pos + 1;
    while (end < message.size() && !closes_quote(message, end)) {
      ++end;
    }
    if (end == message.size()) { // no closing quote: not a quoted value
      shortened += message[pos++];
      continue;
    }
    const auto value = message.substr(pos + 1, end - pos - 1);
    shortened += '\'';
    shortened += domain::shorten(value, max_quoted_code_points);
    shortened += '\'';
    pos = end + 1;
  }
  return domain::shorten(domain::escape_for_terminal(shortened), max_message_code_points);
}

} // namespace vendorcat::cli
