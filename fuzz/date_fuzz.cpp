// Fuzzes domain::Date::parse and domain::Month::parse with the input as text.
// Expected: a value or a ValidationError. Properties of an accepted text: the
// parsers take only the exact forms YYYY-MM-DD and YYYY-MM, so to_string()
// gives the text back; the value survives a trip through its day count or
// month index, and a month's first and last days lie in it.

#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "fuzz_support.hpp"

#include <optional>

namespace {

using namespace vendorcat;

void check_date(std::string_view text)
{
  std::optional<domain::Date> date;
  try {
    date = domain::Date::parse(text);
  } catch (const ValidationError&) {
    return;
  }
  if (date->to_string() != text) {
    fuzz::finding(fmt::format("Date::parse('{}').to_string() is '{}'", text, date->to_string()));
  }
  if (domain::Date::from_days(date->days_since_epoch()) != *date) {
    fuzz::finding(fmt::format("Date '{}' does not survive its day count {}", text, date->days_since_epoch()));
  }
  if (date->add_days(0) != *date || domain::Month::of(*date).to_string() != text.substr(0, 7)) {
    fuzz::finding(fmt::format("Date '{}': add_days(0) or Month::of disagree", text));
  }
}

void check_month(std::string_view text)
{
  std::optional<domain::Month> month;
  try {
    month = domain::Month::parse(text);
  } catch (const ValidationError&) {
    return;
  }
  if (month->to_string() != text) {
    fuzz::finding(fmt::format("Month::parse('{}').to_string() is '{}'", text, month->to_string()));
  }
  if (domain::Month::from_index(month->index()) != *month) {
    fuzz::finding(fmt::format("Month '{}' does not survive its index {}", text, month->index()));
  }
  const auto first = month->first_day();
  const auto last = month->last_day();
  if (domain::Month::of(first) != *month || domain::Month::of(last) != *month || first > last ||
      last.day() < 28) {
    fuzz::finding(fmt::format("Month '{}': first day {} or last day {} is wrong", text, first, last));
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  return fuzz::run([text = fuzz::as_text(data, size)] {
    check_date(text);
    check_month(text);
  });
}
