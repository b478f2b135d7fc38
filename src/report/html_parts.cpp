// The pieces of the HTML report's sections (see html_parts.hpp).

#include "report/html_parts.hpp"

#include "report/html_report.hpp"

#include <fmt/format.h>

namespace vendorcat::report {

std::string cell(const std::string& text)
{
  return fmt::format("<td>{}</td>", html_escape(text));
}

std::string num_cell(const std::string& text, bool negative)
{
  return fmt::format("<td class=\"num{}\">{}</td>", negative ? " neg" : "", html_escape(text));
}

std::string nowrap_cell(const std::string& text)
{
  return fmt::format("<td class=\"nowrap\">{}</td>", html_escape(text));
}

std::string swatch(const char* colour)
{
  return fmt::format("<span class=\"swatch\" style=\"background:{}\"></span>", colour);
}

std::string empty_message(const std::string& text)
{
  return fmt::format("<p class=\"empty\">{}</p>\n", html_escape(text));
}

} // namespace vendorcat::report
