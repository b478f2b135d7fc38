#include "domain/date.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <climits>
#include <string>

using namespace vendorcat;
using namespace vendorcat::domain;

namespace {

// The ValidationError message of CALL, or "no error".
template<typename Call>
std::string error_of(Call call)
{
  try {
    call();
  } catch (const ValidationError& error) {
    return error.what();
  }
  return "no error";
}

} // namespace

TEST(Date, DefaultsToTheEpoch)
{
  EXPECT_EQ(Date().to_string(), "1970-01-01");
  EXPECT_EQ(Date().days_since_epoch(), 0);
}

TEST(Date, ParsesIsoDates)
{
  const Date date = Date::parse("2026-03-15");
  EXPECT_EQ(date.year(), 2026);
  EXPECT_EQ(date.month(), 3);
  EXPECT_EQ(date.day(), 15);
  EXPECT_EQ(date.to_string(), "2026-03-15");
}

TEST(Date, ParsesTheRangeLimits)
{
  EXPECT_EQ(Date::parse("1900-01-01").to_string(), "1900-01-01");
  EXPECT_EQ(Date::parse("9999-12-31").to_string(), "9999-12-31");
}

TEST(Date, HandlesLeapYears)
{
  EXPECT_EQ(Date::parse("2024-02-29").to_string(), "2024-02-29");
  EXPECT_EQ(Date::parse("2000-02-29").to_string(), "2000-02-29");
  EXPECT_EQ(error_of([] { Date::parse("2025-02-29"); }), "invalid date '2025-02-29': no such day");
  EXPECT_EQ(error_of([] { Date::parse("1900-02-29"); }), "invalid date '1900-02-29': no such day");
}

TEST(Date, RejectsDaysThatDoNotExist)
{
  EXPECT_EQ(error_of([] { Date::parse("2026-02-30"); }), "invalid date '2026-02-30': no such day");
  EXPECT_EQ(error_of([] { Date::parse("2026-04-31"); }), "invalid date '2026-04-31': no such day");
  EXPECT_EQ(error_of([] { Date::parse("2026-01-00"); }), "invalid date '2026-01-00': no such day");
  EXPECT_EQ(error_of([] { Date::parse("2026-01-32"); }), "invalid date '2026-01-32': no such day");
}

TEST(Date, RejectsMonthsThatDoNotExist)
{
  EXPECT_EQ(error_of([] { Date::parse("2026-13-01"); }), "invalid date '2026-13-01': no such month");
  EXPECT_EQ(error_of([] { Date::parse("2026-00-01"); }), "invalid date '2026-00-01': no such month");
}

TEST(Date, RejectsYearsOutOfRange)
{
  EXPECT_EQ(error_of([] { Date::parse("1899-12-31"); }),
            "invalid date '1899-12-31': year must be between 1900 and 9999");
  EXPECT_EQ(error_of([] { Date::parse("0000-01-01"); }),
            "invalid date '0000-01-01': year must be between 1900 and 9999");
}

TEST(Date, RejectsOtherForms)
{
  EXPECT_EQ(error_of([] { Date::parse("2026/01/01"); }), "invalid date '2026/01/01': expected YYYY-MM-DD");
  for (const char* text : {"", "2026-1-01", "2026-01-1", "26-01-01", "20260101", "2026-01-01 ", " 2026-01-01",
                           "2026-01-01T00:00", "12026-01-01", "2026-0a-01", "+026-01-01", "01.01.2026"}) {
    EXPECT_EQ(error_of([text] { Date::parse(text); }),
              fmt::format("invalid date '{}': expected YYYY-MM-DD", text));
  }
}

TEST(Date, ConstructorValidates)
{
  EXPECT_EQ(Date(2024, 2, 29).to_string(), "2024-02-29");
  EXPECT_EQ(error_of([] { Date(2025, 2, 29); }), "invalid date '2025-02-29': no such day");
  EXPECT_EQ(error_of([] { Date(2025, 13, 1); }), "invalid date '2025-13-01': no such month");
  EXPECT_EQ(error_of([] { Date(10000, 1, 1); }),
            "invalid date '10000-01-01': year must be between 1900 and 9999");
}

TEST(Date, CountsDaysSinceTheEpoch)
{
  EXPECT_EQ(Date(1970, 1, 2).days_since_epoch(), 1);
  EXPECT_EQ(Date(1969, 12, 31).days_since_epoch(), -1);
  EXPECT_EQ(Date(2000, 3, 1).days_since_epoch(), 11017);
  EXPECT_EQ(Date(2026, 1, 1).days_since_epoch(), 20454);
  EXPECT_EQ(Date(1900, 1, 1).days_since_epoch(), -25567);
  EXPECT_EQ(Date(9999, 12, 31).days_since_epoch(), 2932896);
}

TEST(Date, FromDaysInvertsDaysSinceEpoch)
{
  EXPECT_EQ(Date::from_days(0), Date());
  EXPECT_EQ(Date::from_days(11016), Date(2000, 2, 29));
  EXPECT_EQ(Date::from_days(-25567), Date(1900, 1, 1));
  EXPECT_EQ(Date::from_days(2932896), Date(9999, 12, 31));
  for (int days = -25567; days <= 2932896; days += 997) {
    EXPECT_EQ(Date::from_days(days).days_since_epoch(), days);
  }
}

TEST(Date, FromDaysRejectsOutOfRange)
{
  EXPECT_THROW(Date::from_days(-25568), ValidationError);
  EXPECT_THROW(Date::from_days(2932897), ValidationError);
  EXPECT_THROW(Date::from_days(INT_MIN), ValidationError);
}

TEST(Date, AddsDays)
{
  EXPECT_EQ(Date(2024, 2, 28).add_days(1), Date(2024, 2, 29));
  EXPECT_EQ(Date(2025, 2, 28).add_days(1), Date(2025, 3, 1));
  EXPECT_EQ(Date(2025, 12, 31).add_days(1), Date(2026, 1, 1));
  EXPECT_EQ(Date(2026, 1, 1).add_days(-1), Date(2025, 12, 31));
  EXPECT_EQ(Date(2026, 1, 1).add_days(0), Date(2026, 1, 1));
  EXPECT_EQ(Date(2026, 1, 1).add_days(365), Date(2027, 1, 1));
}

TEST(Date, AddDaysRejectsOutOfRange)
{
  EXPECT_EQ(error_of([] { Date(9999, 12, 31).add_days(1); }),
            "date out of range: 9999-12-31 plus 1 days is outside 1900-01-01..9999-12-31");
  EXPECT_THROW(Date(1900, 1, 1).add_days(-1), ValidationError);
  EXPECT_THROW(Date(2026, 1, 1).add_days(INT_MAX), ValidationError);
  EXPECT_THROW(Date(2026, 1, 1).add_days(INT_MIN), ValidationError);
}

TEST(Date, ComparesChronologically)
{
  EXPECT_LT(Date(2025, 12, 31), Date(2026, 1, 1));
  EXPECT_LT(Date(2026, 1, 31), Date(2026, 2, 1));
  EXPECT_LT(Date(2026, 2, 1), Date(2026, 2, 2));
  EXPECT_EQ(Date::parse("2026-02-02"), Date(2026, 2, 2));
  EXPECT_NE(Date(2026, 2, 2), Date(2026, 2, 3));
  EXPECT_GE(Date(2026, 2, 2), Date(2026, 2, 2));
}

TEST(Date, TodayIsInRange)
{
  const Date today = Date::today();
  EXPECT_GE(today, Date(2024, 1, 1));
  EXPECT_EQ(Date::parse(today.to_string()), today);
}

TEST(Date, FormatsWithFmt)
{
  EXPECT_EQ(fmt::format("{}", Date(2026, 3, 5)), "2026-03-05");
  EXPECT_EQ(fmt::format("[{:>12}]", Date(2026, 3, 5)), "[  2026-03-05]");
}

TEST(Month, DefaultsToJanuary1970)
{
  EXPECT_EQ(Month().to_string(), "1970-01");
}

TEST(Month, ParsesYearMonth)
{
  const Month month = Month::parse("2026-03");
  EXPECT_EQ(month.year(), 2026);
  EXPECT_EQ(month.month(), 3);
  EXPECT_EQ(month.to_string(), "2026-03");
}

TEST(Month, RejectsOtherForms)
{
  for (const char* text :
       {"", "2026-3", "2026/03", "202603", "2026-03-01", " 2026-03", "2026-03 ", "2026-Q1"}) {
    EXPECT_EQ(error_of([text] { Month::parse(text); }),
              fmt::format("invalid month '{}': expected YYYY-MM", text));
  }
}

TEST(Month, RejectsMonthsThatDoNotExist)
{
  EXPECT_EQ(error_of([] { Month::parse("2026-13"); }), "invalid month '2026-13': no such month");
  EXPECT_EQ(error_of([] { Month::parse("2026-00"); }), "invalid month '2026-00': no such month");
  EXPECT_EQ(error_of([] { Month::parse("1899-12"); }),
            "invalid month '1899-12': year must be between 1900 and 9999");
  EXPECT_EQ(error_of([] { Month(2026, 13); }), "invalid month '2026-13': no such month");
}

TEST(Month, IsTheMonthOfADate)
{
  EXPECT_EQ(Month::of(Date(2026, 3, 31)), Month(2026, 3));
}

TEST(Month, HasFirstAndLastDays)
{
  EXPECT_EQ(Month(2026, 3).first_day(), Date(2026, 3, 1));
  EXPECT_EQ(Month(2026, 3).last_day(), Date(2026, 3, 31));
  EXPECT_EQ(Month(2026, 4).last_day(), Date(2026, 4, 30));
  EXPECT_EQ(Month(2024, 2).last_day(), Date(2024, 2, 29));
  EXPECT_EQ(Month(2025, 2).last_day(), Date(2025, 2, 28));
  EXPECT_EQ(Month(1900, 2).last_day(), Date(1900, 2, 28));
  EXPECT_EQ(Month(2000, 2).last_day(), Date(2000, 2, 29));
  EXPECT_EQ(Month(9999, 12).last_day(), Date(9999, 12, 31));
}

TEST(Month, KnowsItsQuarter)
{
  EXPECT_EQ(Month(2026, 1).quarter(), 1);
  EXPECT_EQ(Month(2026, 3).quarter(), 1);
  EXPECT_EQ(Month(2026, 4).quarter(), 2);
  EXPECT_EQ(Month(2026, 6).quarter(), 2);
  EXPECT_EQ(Month(2026, 7).quarter(), 3);
  EXPECT_EQ(Month(2026, 9).quarter(), 3);
  EXPECT_EQ(Month(2026, 10).quarter(), 4);
  EXPECT_EQ(Month(2026, 12).quarter(), 4);
}

TEST(Month, StepsForwardAndBack)
{
  EXPECT_EQ(Month(2026, 3).next(), Month(2026, 4));
  EXPECT_EQ(Month(2025, 12).next(), Month(2026, 1));
  EXPECT_EQ(Month(2026, 1).previous(), Month(2025, 12));
  EXPECT_THROW(Month(9999, 12).next(), ValidationError);
  EXPECT_THROW(Month(1900, 1).previous(), ValidationError);
}

TEST(Month, ConvertsToAndFromIndex)
{
  EXPECT_EQ(Month(2026, 1).index(), 2026 * 12);
  EXPECT_EQ(Month(2026, 12).index(), 2026 * 12 + 11);
  EXPECT_EQ(Month(2026, 3).index() - Month(2025, 3).index(), 12);
  EXPECT_EQ(Month::from_index(2026 * 12 + 2), Month(2026, 3));
  EXPECT_EQ(Month::from_index(Month(1900, 1).index()), Month(1900, 1));
  EXPECT_EQ(Month::from_index(Month(9999, 12).index()), Month(9999, 12));
  EXPECT_THROW(Month::from_index(1900 * 12 - 1), ValidationError);
  EXPECT_THROW(Month::from_index(10000 * 12), ValidationError);
  EXPECT_THROW(Month::from_index(-1), ValidationError);
}

TEST(Month, ComparesChronologically)
{
  EXPECT_LT(Month(2025, 12), Month(2026, 1));
  EXPECT_LT(Month(2026, 1), Month(2026, 2));
  EXPECT_EQ(Month::parse("2026-02"), Month(2026, 2));
}

TEST(Month, FormatsWithFmt)
{
  EXPECT_EQ(fmt::format("{}", Month(2026, 3)), "2026-03");
  EXPECT_EQ(fmt::format("[{:<8}]", Month(2026, 3)), "[2026-03 ]");
}
