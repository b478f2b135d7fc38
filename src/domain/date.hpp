#pragma once

// Calendar dates (YYYY-MM-DD) and months (YYYY-MM) in the proleptic Gregorian
// calendar, limited to the years 1900..9999.

#include <fmt/format.h>

#include <compare>
#include <string>
#include <string_view>

namespace vendorcat::domain {

// A valid calendar date between 1900-01-01 and 9999-12-31.
class Date
{
public:
  static constexpr int min_year = 1900;
  static constexpr int max_year = 9999;

  // 1970-01-01; never fails.
  Date() = default;

  // The date YEAR-MONTH-DAY; throws ValidationError when the year is outside
  // 1900..9999 or there is no such month or day (e.g. 2025-02-29).
  Date(int year, int month, int day);

  // The date written exactly as YYYY-MM-DD (zero-padded, nothing around it);
  // throws ValidationError on any other form or on a day that does not exist.
  static Date parse(std::string_view text);

  // The date DAYS days after 1970-01-01 (negative: before); throws
  // ValidationError when that falls outside 1900..9999.
  static Date from_days(int days);

  // Today's date in UTC from the system clock; never fails in practice.
  static Date today();

  // The date as YYYY-MM-DD; never fails.
  std::string to_string() const;

  // Days since 1970-01-01, negative before it; never fails.
  int days_since_epoch() const;

  // The date DAYS days later (earlier when negative); throws ValidationError
  // when the result falls outside 1900..9999.
  Date add_days(int days) const;

  // The year, month (1..12) and day (1..31); never fail.
  int year() const { return m_year; }
  int month() const { return m_month; }
  int day() const { return m_day; }

  // Chronological order; never fails.
  auto operator<=>(const Date&) const = default;

private:
  int m_year = 1970;
  int m_month = 1;
  int m_day = 1;
};

// Throws ValidationError when FROM is after TO: a range given as --from and
// --to must not be reversed (an empty result would hide the mistake).
void check_range(const Date& from, const Date& to);

// A calendar month between 1900-01 and 9999-12.
class Month
{
public:
  // 1970-01; never fails.
  Month() = default;

  // The month YEAR-MONTH; throws ValidationError when the year is outside
  // 1900..9999 or MONTH is not 1..12.
  Month(int year, int month);

  // The month written exactly as YYYY-MM; throws ValidationError on any other
  // form or on a month that does not exist.
  static Month parse(std::string_view text);

  // The month DATE falls in; never fails.
  static Month of(const Date& date);

  // The month with the given index() value; throws ValidationError when that
  // falls outside 1900-01..9999-12.
  static Month from_index(int index);

  // The month as YYYY-MM; never fails.
  std::string to_string() const;

  // The first and last day of the month (leap years included); never fail.
  Date first_day() const;
  Date last_day() const;

  // The quarter the month belongs to, 1..4; never fails.
  int quarter() const;

  // The following and the preceding month; throw ValidationError past
  // 9999-12 or before 1900-01.
  Month next() const;
  Month previous() const;

  // year * 12 + month - 1, so consecutive months differ by one; never fails.
  int index() const;

  // The year and the month (1..12); never fail.
  int year() const { return m_year; }
  int month() const { return m_month; }

  // Chronological order; never fails.
  auto operator<=>(const Month&) const = default;

private:
  int m_year = 1970;
  int m_month = 1;
};

} // namespace vendorcat::domain

template<>
struct fmt::formatter<vendorcat::domain::Date> : fmt::formatter<std::string_view>
{
  auto format(const vendorcat::domain::Date& date, format_context& ctx) const
  {
    return formatter<std::string_view>::format(date.to_string(), ctx);
  }
};

template<>
struct fmt::formatter<vendorcat::domain::Month> : fmt::formatter<std::string_view>
{
  auto format(const vendorcat::domain::Month& month, format_context& ctx) const
  {
    return formatter<std::string_view>::format(month.to_string(), ctx);
  }
};
