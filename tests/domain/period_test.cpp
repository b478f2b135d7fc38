#include "domain/errors.hpp"
#include "domain/period.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

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

TEST(ParseGranularity, AcceptsNamesInAnyCase)
{
  EXPECT_EQ(parse_granularity("month"), Granularity::month);
  EXPECT_EQ(parse_granularity("Quarter"), Granularity::quarter);
  EXPECT_EQ(parse_granularity("YEAR"), Granularity::year);
  EXPECT_EQ(parse_granularity("all"), Granularity::all);
}

TEST(ParseGranularity, RejectsOtherNames)
{
  EXPECT_EQ(error_of([] { parse_granularity("week"); }),
            "invalid granularity 'week': expected month, quarter, year or all");
  EXPECT_THROW(parse_granularity(""), ValidationError);
  EXPECT_THROW(parse_granularity("months"), ValidationError);
  EXPECT_THROW(parse_granularity(" month"), ValidationError);
}

TEST(GranularityToString, GivesLowerCaseNames)
{
  EXPECT_EQ(to_string(Granularity::month), "month");
  EXPECT_EQ(to_string(Granularity::quarter), "quarter");
  EXPECT_EQ(to_string(Granularity::year), "year");
  EXPECT_EQ(to_string(Granularity::all), "all");
  EXPECT_EQ(fmt::format("{}", Granularity::quarter), "quarter");
}

TEST(PeriodLabel, LabelsEachGranularity)
{
  EXPECT_EQ(period_label(Month(2025, 3), Granularity::month), "2025-03");
  EXPECT_EQ(period_label(Month(2025, 3), Granularity::quarter), "2025-Q1");
  EXPECT_EQ(period_label(Month(2025, 11), Granularity::quarter), "2025-Q4");
  EXPECT_EQ(period_label(Month(2025, 3), Granularity::year), "2025");
  EXPECT_EQ(period_label(Month(2025, 3), Granularity::all), "all");
}

TEST(Period, DefaultsToAllTime)
{
  EXPECT_TRUE(Period().is_all());
  EXPECT_EQ(Period(), Period::all());
  EXPECT_EQ(Period().to_string(), "all");
}

TEST(Period, ParsesAYear)
{
  const Period period = Period::parse("2026");
  EXPECT_EQ(period.granularity(), Granularity::year);
  EXPECT_EQ(period.first_day(), Date(2026, 1, 1));
  EXPECT_EQ(period.last_day(), Date(2026, 12, 31));
  EXPECT_EQ(period.to_string(), "2026");
}

TEST(Period, ParsesAQuarterInEitherCase)
{
  const Period period = Period::parse("2026-Q1");
  EXPECT_EQ(period.granularity(), Granularity::quarter);
  EXPECT_EQ(period.first_day(), Date(2026, 1, 1));
  EXPECT_EQ(period.last_day(), Date(2026, 3, 31));
  EXPECT_EQ(period.to_string(), "2026-Q1");
  EXPECT_EQ(Period::parse("2026-q1"), period);
  EXPECT_EQ(Period::parse("2024-Q4").first_day(), Date(2024, 10, 1));
  EXPECT_EQ(Period::parse("2024-Q4").last_day(), Date(2024, 12, 31));
  EXPECT_EQ(Period::parse("2024-Q2").last_day(), Date(2024, 6, 30));
}

TEST(Period, ParsesAMonth)
{
  const Period period = Period::parse("2024-02");
  EXPECT_EQ(period.granularity(), Granularity::month);
  EXPECT_EQ(period.first_day(), Date(2024, 2, 1));
  EXPECT_EQ(period.last_day(), Date(2024, 2, 29));
  EXPECT_EQ(period.to_string(), "2024-02");
}

TEST(Period, ParsesAllInAnyCase)
{
  EXPECT_TRUE(Period::parse("all").is_all());
  EXPECT_TRUE(Period::parse("ALL").is_all());
  EXPECT_EQ(Period::parse("all").granularity(), Granularity::all);
  EXPECT_EQ(Period::parse("all").first_day(), std::nullopt);
  EXPECT_EQ(Period::parse("all").last_day(), std::nullopt);
}

TEST(Period, RejectsOtherForms)
{
  for (const char* text : {"", "26", "2026-", "2026-Q", "2026-Q12", "2026-3", "2026-03-01", "2026 ", " 2026",
                           "Q1-2026", "20261", "everything", "2026/03", "2026-H1"}) {
    EXPECT_EQ(error_of([text] { Period::parse(text); }),
              fmt::format("invalid period '{}': expected YYYY, YYYY-QN, YYYY-MM or all", text));
  }
}

TEST(Period, RejectsOutOfRangeParts)
{
  EXPECT_EQ(error_of([] { Period::parse("2026-Q5"); }), "invalid period '2026-Q5': quarter must be 1 to 4");
  EXPECT_EQ(error_of([] { Period::parse("2026-Q0"); }), "invalid period '2026-Q0': quarter must be 1 to 4");
  EXPECT_EQ(error_of([] { Period::parse("2026-13"); }), "invalid period '2026-13': no such month");
  EXPECT_EQ(error_of([] { Period::parse("2026-00"); }), "invalid period '2026-00': no such month");
  EXPECT_EQ(error_of([] { Period::parse("1800"); }),
            "invalid period '1800': year must be between 1900 and 9999");
  EXPECT_EQ(error_of([] { Period::parse("1899-Q4"); }),
            "invalid period '1899-Q4': year must be between 1900 and 9999");
}

TEST(Period, ContainsDatesInsideOnly)
{
  const Period quarter = Period::parse("2026-Q2");
  EXPECT_FALSE(quarter.contains(Date(2026, 3, 31)));
  EXPECT_TRUE(quarter.contains(Date(2026, 4, 1)));
  EXPECT_TRUE(quarter.contains(Date(2026, 6, 30)));
  EXPECT_FALSE(quarter.contains(Date(2026, 7, 1)));

  const Period month = Period::parse("2026-02");
  EXPECT_FALSE(month.contains(Date(2026, 1, 31)));
  EXPECT_TRUE(month.contains(Date(2026, 2, 28)));
  EXPECT_FALSE(month.contains(Date(2026, 3, 1)));

  const Period year = Period::parse("2026");
  EXPECT_FALSE(year.contains(Date(2025, 12, 31)));
  EXPECT_TRUE(year.contains(Date(2026, 1, 1)));
  EXPECT_TRUE(year.contains(Date(2026, 12, 31)));
  EXPECT_FALSE(year.contains(Date(2027, 1, 1)));
}

TEST(Period, AllTimeContainsEveryDate)
{
  EXPECT_TRUE(Period::all().contains(Date(1900, 1, 1)));
  EXPECT_TRUE(Period::all().contains(Date(9999, 12, 31)));
}

TEST(Period, OfAMonthNormalisesToTheStart)
{
  EXPECT_EQ(Period::of(Month(2026, 5), Granularity::month), Period::parse("2026-05"));
  EXPECT_EQ(Period::of(Month(2026, 5), Granularity::quarter), Period::parse("2026-Q2"));
  EXPECT_EQ(Period::of(Month(2026, 5), Granularity::year), Period::parse("2026"));
  EXPECT_EQ(Period::of(Month(2026, 5), Granularity::all), Period::all());
  EXPECT_NE(Period::parse("2026"), Period::parse("2026-01"));
}

TEST(Period, RoundTripsThroughToString)
{
  for (const char* text : {"2026", "2026-Q3", "2026-09", "all"}) {
    EXPECT_EQ(Period::parse(text).to_string(), text);
  }
}

TEST(Period, FormatsWithFmt)
{
  EXPECT_EQ(fmt::format("{}", Period::parse("2026-q3")), "2026-Q3");
  EXPECT_EQ(fmt::format("[{:>8}]", Period::all()), "[     all]");
}
