// domain::current_term and add_months (domain/renewal.hpp), table-driven: each
// case gives the stored terms, the date D and what the current term must be.

#include "domain/renewal.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace vendorcat::domain;

namespace {

struct Case
{
  std::string name;
  std::optional<std::string> end_date;
  std::optional<std::int64_t> notice_days;
  bool auto_renew;
  std::optional<std::int64_t> renewal_months;
  std::string on;
  // Expected: nullopt term_end means no term at all.
  std::optional<std::string> term_end;
  std::optional<std::string> notice_deadline;
  std::string state;
  int days_left;
  int renewals;
};

std::optional<Date> date_of(const std::optional<std::string>& text)
{
  return text ? std::optional<Date>(Date::parse(*text)) : std::nullopt;
}

const std::vector<Case> cases{
  // Jan 31 + 1 month is Feb 28 (2025 is no leap year); D 2025-02-10, no notice.
  {"JanuaryEndPlusOneMonth", "2025-01-31", std::nullopt, true, 1, "2025-02-10", "2025-02-28", std::nullopt,
   "ending", 18, 1},
  // + 2 months from the ORIGINAL end is Mar 31, not Mar 28 (no chaining of the clamped Feb 28):
  // D 2025-03-01: Feb 28 is before D, so k = 2; 31 - 1 = 30 days to go.
  {"SecondRenewalCountsFromTheOriginalEnd", "2025-01-31", std::nullopt, true, 1, "2025-03-01", "2025-03-31",
   std::nullopt, "ending", 30, 2},
  // 2024-02-29 + 12 months = 2025-02-28; D 2025-01-01: 31 + 27 = 58 days.
  {"LeapDayPlusTwelveMonths", "2024-02-29", std::nullopt, true, std::nullopt, "2025-01-01", "2025-02-28",
   std::nullopt, "ending", 58, 1},
  // D 2027-03-01: + 12 = 2025-02-28, + 24 = 2026-02-28, + 36 = 2027-02-28 are all before D;
  // + 48 = 2028-02-29 (a leap year again, from the original 29th): k = 4.
  // 2027-03-01 to 2028-02-29 is 365 days (2028-02-29 is the 365th day after).
  {"LeapDayPlusFortyEightMonths", "2024-02-29", std::nullopt, true, 12, "2027-03-01", "2028-02-29",
   std::nullopt, "ending", 365, 4},
  // The notice deadline is D itself: notice-due with 0 days left. 2025-06-30 - 29 = 2025-06-01.
  {"DeadlineOnTheReportDate", "2025-06-30", 29, false, std::nullopt, "2025-06-01", "2025-06-30", "2025-06-01",
   "notice-due", 0, 0},
  // Rolled several times: ends 2020-03-31, 6-month terms: 2020-09-30, 2021-03-31, 2021-09-30,
  // 2022-03-31, 2022-09-30 (k = 5) is the first on or after D 2022-05-15. Notice 30 days:
  // 2022-09-30 - 30 = 2022-08-31, ahead: notice-due, 16 (rest of May) + 30 + 31 + 31 = 108 days.
  {"RolledForwardSeveralTimes", "2020-03-31", 30, true, 6, "2022-05-15", "2022-09-30", "2022-08-31",
   "notice-due", 108, 5},
  // The same on D 2022-09-05: the deadline 2022-08-31 has passed, the term has not ended:
  // notice-missed, 25 days to the term's end.
  {"RolledTermWithTheDeadlinePassed", "2020-03-31", 30, true, 6, "2022-09-05", "2022-09-30", "2022-08-31",
   "notice-missed", 25, 5},
  // Notice longer than the term: 1-month terms and 90 days' notice. Every term's deadline falls
  // before the term begins, so once rolled the state is always notice-missed. Ends 2025-01-31;
  // D 2025-06-10: 02-28, 03-31, 04-30, 05-31 are before D, 2025-06-30 (k = 5) is not;
  // 2025-06-30 - 90 = 2025-04-01; 20 days to the term's end.
  {"NoticeLongerThanTheTerm", "2025-01-31", 90, true, 1, "2025-06-10", "2025-06-30", "2025-04-01",
   "notice-missed", 20, 5},
  // Not auto-renewing and past its end: the term has ended, nothing is rolled forward;
  // 2025-03-31 - 2025-04-10 = -10.
  {"NotRenewingPastItsEnd", "2025-03-31", 30, false, 1, "2025-04-10", "2025-03-31", "2025-03-01", "ended",
   -10, 0},
  // Before its end an auto-renewing engagement is on its original term: 2025-12-31 - 60 =
  // 2025-11-01; D 2025-10-01: 31 days to the deadline.
  {"AutoRenewingBeforeItsEnd", "2025-12-31", 60, true, 12, "2025-10-01", "2025-12-31", "2025-11-01",
   "notice-due", 31, 0},
  // The end date is D: not before D, so not rolled forward; ending, 0 days.
  {"EndsOnTheReportDate", "2025-06-01", std::nullopt, true, 12, "2025-06-01", "2025-06-01", std::nullopt,
   "ending", 0, 0},
  // No end date: no term.
  {"NoEndDate", std::nullopt, 30, true, 12, "2025-06-01", std::nullopt, std::nullopt, "", 0, 0},
  // A rolled end past 9999-12-31 cannot be represented: no term.
  {"RolledPastTheLastDate", "9950-06-30", std::nullopt, true, 1200, "9999-01-01", std::nullopt, std::nullopt,
   "", 0, 0},
};

class CurrentTerm : public testing::TestWithParam<Case>
{
};

} // namespace

TEST_P(CurrentTerm, IsAsComputedByHand)
{
  const auto& c = GetParam();
  const auto on = Date::parse(c.on);
  const auto term = current_term({date_of(c.end_date), c.notice_days, c.auto_renew, c.renewal_months}, on);
  if (!c.term_end) {
    EXPECT_EQ(term, std::nullopt);
    return;
  }
  ASSERT_TRUE(term);
  EXPECT_EQ(term->end.to_string(), *c.term_end);
  EXPECT_EQ(term->notice_deadline, date_of(c.notice_deadline));
  EXPECT_EQ(to_string(term->state), c.state);
  EXPECT_EQ(days_left(*term, on), c.days_left);
  EXPECT_EQ(term->renewals, c.renewals);
}

INSTANTIATE_TEST_SUITE_P(Cases, CurrentTerm, testing::ValuesIn(cases),
                         [](const testing::TestParamInfo<Case>& param) { return param.param.name; });

TEST(AddMonths, ClampsToTheMonthsLastDay)
{
  EXPECT_EQ(add_months(Date::parse("2025-01-31"), 1).to_string(), "2025-02-28");
  EXPECT_EQ(add_months(Date::parse("2025-01-31"), 2).to_string(), "2025-03-31");
  EXPECT_EQ(add_months(Date::parse("2024-01-31"), 1).to_string(), "2024-02-29");
  EXPECT_EQ(add_months(Date::parse("2024-02-29"), 12).to_string(), "2025-02-28");
  EXPECT_EQ(add_months(Date::parse("2024-02-29"), 48).to_string(), "2028-02-29");
  EXPECT_EQ(add_months(Date::parse("2025-11-15"), 3).to_string(), "2026-02-15");
  EXPECT_EQ(add_months(Date::parse("2025-03-31"), -1).to_string(), "2025-02-28");
}
