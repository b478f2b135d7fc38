// Reporting periods. A Period is stored as its granularity and its first month,
// normalised so that equal periods compare equal (a quarter starts in January,
// April, July or October; a year in January; all time at 1970-01), which makes
// first_day(), last_day() and contains() simple month arithmetic.

#include "domain/period.hpp"

#include "domain/ascii.hpp"
#include "domain/errors.hpp"

namespace vendorcat::domain {

namespace {

[[noreturn]] void reject(std::string_view text, std::string_view reason)
{
  throw ValidationError(fmt::format("invalid period '{}': {}", text, reason));
}

// The last month of a period of GRANULARITY starting at FIRST (not all time).
Month last_month(const Month& first, Granularity granularity)
{
  switch (granularity) {
  case Granularity::month:
    return first;
  case Granularity::quarter:
    return Month(first.year(), first.month() + 2);
  case Granularity::year:
  case Granularity::all:
    break;
  }
  return Month(first.year(), 12);
}

// The year in the four digits of TEXT's prefix, checked against the Date range.
int parse_year(std::string_view text)
{
  const int year = ascii_digits_value(text.substr(0, 4));
  if (year < Date::min_year || year > Date::max_year) {
    reject(text, fmt::format("year must be between {} and {}", Date::min_year, Date::max_year));
  }
  return year;
}

} // namespace

Granularity parse_granularity(std::string_view text)
{
  for (const Granularity granularity :
       {Granularity::month, Granularity::quarter, Granularity::year, Granularity::all}) {
    if (ascii_iequals(text, to_string(granularity))) {
      return granularity;
    }
  }
  throw ValidationError(fmt::format("invalid granularity '{}': expected month, quarter, year or all", text));
}

std::string to_string(Granularity granularity)
{
  switch (granularity) {
  case Granularity::month:
    return "month";
  case Granularity::quarter:
    return "quarter";
  case Granularity::year:
    return "year";
  case Granularity::all:
    break;
  }
  return "all";
}

std::string period_label(const Month& month, Granularity granularity)
{
  switch (granularity) {
  case Granularity::month:
    return month.to_string();
  case Granularity::quarter:
    return fmt::format("{:04}-Q{}", month.year(), month.quarter());
  case Granularity::year:
    return fmt::format("{:04}", month.year());
  case Granularity::all:
    break;
  }
  return "all";
}

Period Period::parse(std::string_view text)
{
  constexpr std::string_view expected = "expected YYYY, YYYY-QN, YYYY-MM or all";
  if (ascii_iequals(text, "all")) {
    return all();
  }
  if (text.size() < 4 || !ascii_all_digits(text.substr(0, 4))) {
    reject(text, expected);
  }
  if (text.size() == 4) {
    return Period(Granularity::year, Month(parse_year(text), 1));
  }
  if (text.size() == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') && ascii_is_digit(text[6])) {
    const int year = parse_year(text);
    const int quarter = text[6] - '0';
    if (quarter < 1 || quarter > 4) {
      reject(text, "quarter must be 1 to 4");
    }
    return Period(Granularity::quarter, Month(year, (quarter - 1) * 3 + 1));
  }
  if (text.size() == 7 && text[4] == '-' && ascii_all_digits(text.substr(5, 2))) {
    const int year = parse_year(text);
    const int month = ascii_digits_value(text.substr(5, 2));
    if (month < 1 || month > 12) {
      reject(text, "no such month");
    }
    return Period(Granularity::month, Month(year, month));
  }
  reject(text, expected);
}

Period Period::all()
{
  return Period();
}

Period Period::of(const Month& month, Granularity granularity)
{
  switch (granularity) {
  case Granularity::month:
    return Period(granularity, month);
  case Granularity::quarter:
    return Period(granularity, Month(month.year(), (month.quarter() - 1) * 3 + 1));
  case Granularity::year:
    return Period(granularity, Month(month.year(), 1));
  case Granularity::all:
    break;
  }
  return all();
}

std::optional<Date> Period::first_day() const
{
  if (is_all()) {
    return std::nullopt;
  }
  return m_first.first_day();
}

std::optional<Date> Period::last_day() const
{
  if (is_all()) {
    return std::nullopt;
  }
  return last_month(m_first, m_granularity).last_day();
}

bool Period::contains(const Date& date) const
{
  if (is_all()) {
    return true;
  }
  const Month month = Month::of(date);
  return month >= m_first && month <= last_month(m_first, m_granularity);
}

std::string Period::to_string() const
{
  return period_label(m_first, m_granularity);
}

} // namespace vendorcat::domain
