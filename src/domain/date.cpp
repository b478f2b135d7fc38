// Dates and months. Parsing is strict (YYYY-MM-DD / YYYY-MM, zero-padded, no
// surrounding text) and every constructor validates, so a Date or Month always
// names a real day or month in 1900..9999. Calendar arithmetic (leap years,
// month lengths, day counts) is delegated to std::chrono::year_month_day.

#include "domain/date.hpp"

#include "domain/ascii.hpp"
#include "domain/errors.hpp"

#include <chrono>
#include <cstdint>

namespace vendorcat::domain {

namespace {

namespace chr = std::chrono;

// Day counts of 1900-01-01 and 9999-12-31 relative to 1970-01-01.
constexpr int min_days = -25567;
constexpr int max_days = 2932896;

constexpr int min_month_index = Date::min_year * 12;
constexpr int max_month_index = Date::max_year * 12 + 11;

chr::year_month_day to_ymd(int year, int month, int day)
{
  return chr::year_month_day{chr::year{year}, chr::month{static_cast<unsigned>(month)},
                             chr::day{static_cast<unsigned>(day)}};
}

// Why YEAR-MONTH-DAY is not a date in range, or an empty string when it is.
std::string date_problem(int year, int month, int day)
{
  if (year < Date::min_year || year > Date::max_year) {
    return fmt::format("year must be between {} and {}", Date::min_year, Date::max_year);
  }
  if (month < 1 || month > 12) {
    return "no such month";
  }
  if (day < 1 || day > 31 || !to_ymd(year, month, day).ok()) {
    return "no such day";
  }
  return {};
}

// Why YEAR-MONTH is not a month in range, or an empty string when it is.
std::string month_problem(int year, int month)
{
  return date_problem(year, month, 1);
}

bool has_shape(std::string_view text, std::string_view shape)
{
  if (text.size() != shape.size()) {
    return false;
  }
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 'D' ? !ascii_is_digit(text[i]) : text[i] != shape[i]) {
      return false;
    }
  }
  return true;
}

} // namespace

Date::Date(int year, int month, int day) : m_year(year), m_month(month), m_day(day)
{
  if (const std::string problem = date_problem(year, month, day); !problem.empty()) {
    throw ValidationError(fmt::format("invalid date '{:04}-{:02}-{:02}': {}", year, month, day, problem));
  }
}

Date Date::parse(std::string_view text)
{
  if (!has_shape(text, "DDDD-DD-DD")) {
    throw ValidationError(fmt::format("invalid date '{}': expected YYYY-MM-DD", text));
  }
  const int year = ascii_digits_value(text.substr(0, 4));
  const int month = ascii_digits_value(text.substr(5, 2));
  const int day = ascii_digits_value(text.substr(8, 2));
  if (const std::string problem = date_problem(year, month, day); !problem.empty()) {
    throw ValidationError(fmt::format("invalid date '{}': {}", text, problem));
  }
  return Date(year, month, day);
}

Date Date::from_days(int days)
{
  if (days < min_days || days > max_days) {
    throw ValidationError(fmt::format(
      "date out of range: {} days from 1970-01-01 is outside {}-01-01..{}-12-31", days, min_year, max_year));
  }
  const chr::year_month_day ymd{chr::sys_days{chr::days{days}}};
  return Date(static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day())));
}

Date Date::today()
{
  const auto now = chr::floor<chr::days>(chr::system_clock::now());
  return from_days(static_cast<int>(now.time_since_epoch().count()));
}

std::string Date::to_string() const
{
  // By hand rather than through fmt: imports format a date per spend line.
  // Years are 1900 to 9999, so always four digits.
  std::string text = "0000-00-00";
  const auto put = [&text](std::size_t end, int value) {
    for (std::size_t i = end; value > 0; value /= 10) {
      text[--i] = static_cast<char>('0' + value % 10);
    }
  };
  put(4, m_year);
  put(7, m_month);
  put(10, m_day);
  return text;
}

int Date::days_since_epoch() const
{
  return static_cast<int>(chr::sys_days{to_ymd(m_year, m_month, m_day)}.time_since_epoch().count());
}

Date Date::add_days(int days) const
{
  const std::int64_t target = std::int64_t{days_since_epoch()} + days;
  if (target < min_days || target > max_days) {
    throw ValidationError(fmt::format("date out of range: {} plus {} days is outside {}-01-01..{}-12-31",
                                      to_string(), days, min_year, max_year));
  }
  return from_days(static_cast<int>(target));
}

Month::Month(int year, int month) : m_year(year), m_month(month)
{
  if (const std::string problem = month_problem(year, month); !problem.empty()) {
    throw ValidationError(fmt::format("invalid month '{:04}-{:02}': {}", year, month, problem));
  }
}

Month Month::parse(std::string_view text)
{
  if (!has_shape(text, "DDDD-DD")) {
    throw ValidationError(fmt::format("invalid month '{}': expected YYYY-MM", text));
  }
  const int year = ascii_digits_value(text.substr(0, 4));
  const int month = ascii_digits_value(text.substr(5, 2));
  if (const std::string problem = month_problem(year, month); !problem.empty()) {
    throw ValidationError(fmt::format("invalid month '{}': {}", text, problem));
  }
  return Month(year, month);
}

Month Month::of(const Date& date)
{
  return Month(date.year(), date.month());
}

Month Month::from_index(int index)
{
  if (index < min_month_index || index > max_month_index) {
    throw ValidationError(fmt::format("month out of range: index {} is outside {}-01..{}-12", index,
                                      Date::min_year, Date::max_year));
  }
  return Month(index / 12, index % 12 + 1);
}

std::string Month::to_string() const
{
  return fmt::format("{:04}-{:02}", m_year, m_month);
}

Date Month::first_day() const
{
  return Date(m_year, m_month, 1);
}

Date Month::last_day() const
{
  const chr::year_month_day_last last{chr::year{m_year},
                                      chr::month_day_last{chr::month{static_cast<unsigned>(m_month)}}};
  return Date(m_year, m_month, static_cast<int>(static_cast<unsigned>(last.day())));
}

int Month::quarter() const
{
  return (m_month - 1) / 3 + 1;
}

Month Month::next() const
{
  return from_index(index() + 1);
}

Month Month::previous() const
{
  return from_index(index() - 1);
}

int Month::index() const
{
  return m_year * 12 + m_month - 1;
}

void check_range(const Date& from, const Date& to)
{
  if (to < from) {
    throw ValidationError(fmt::format("invalid range: --from {} is after --to {}", from, to));
  }
}

} // namespace vendorcat::domain
