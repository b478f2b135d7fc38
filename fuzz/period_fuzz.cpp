// Fuzzes domain::Period::parse (`2026`, `2026-Q1`, `2026-03`, `all`, any
// case) and domain::parse_granularity with the input as text. Expected: a
// value or a ValidationError. Properties of an accepted text: to_string()
// parses back to the same period and equals the text up to letter case; a
// period other than all time contains its first and last days and not the
// days just outside them.

#include "domain/ascii.hpp"
#include "domain/errors.hpp"
#include "domain/period.hpp"
#include "fuzz_support.hpp"

#include <optional>

namespace {

using namespace vendorcat;

void check_bounds(std::string_view text, const domain::Period& period)
{
  const auto first = period.first_day();
  const auto last = period.last_day();
  if (!first || !last || *first > *last || !period.contains(*first) || !period.contains(*last)) {
    fuzz::finding(fmt::format("period '{}': its first or last day is missing or outside it", text));
  }
  if (first->year() > domain::Date::min_year && period.contains(first->add_days(-1))) {
    fuzz::finding(fmt::format("period '{}' contains the day before its first", text));
  }
  if (last->year() < domain::Date::max_year && period.contains(last->add_days(1))) {
    fuzz::finding(fmt::format("period '{}' contains the day after its last", text));
  }
}

void check_period(std::string_view text)
{
  std::optional<domain::Period> period;
  try {
    period = domain::Period::parse(text);
  } catch (const ValidationError&) {
    return;
  }
  const auto label = period->to_string();
  if (!domain::ascii_iequals(label, text)) {
    fuzz::finding(fmt::format("Period::parse('{}').to_string() is '{}'", text, label));
  }
  if (domain::Period::parse(label) != *period) {
    fuzz::finding(fmt::format("period '{}' does not survive its label '{}'", text, label));
  }
  if (period->is_all() != (period->granularity() == domain::Granularity::all)) {
    fuzz::finding(fmt::format("period '{}': is_all() and granularity() disagree", text));
  }
  if (!period->is_all()) {
    check_bounds(text, *period);
  }
}

void check_granularity(std::string_view text)
{
  try {
    const auto granularity = domain::parse_granularity(text);
    if (!domain::ascii_iequals(domain::to_string(granularity), text)) {
      fuzz::finding(fmt::format("parse_granularity('{}') is '{}'", text, domain::to_string(granularity)));
    }
  } catch (const ValidationError&) {
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  return fuzz::run([text = fuzz::as_text(data, size)] {
    check_period(text);
    check_granularity(text);
  });
}
