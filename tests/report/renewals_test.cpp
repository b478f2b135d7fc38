// report::compute_renewals and renewals_table (report/renewals.hpp) on an
// in-memory catalogue; `on` is fixed so that the windows do not move.

#include "domain/errors.hpp"
#include "report/renewals.hpp"
#include "support/catalogue_fixture.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

using namespace vendorcat;

namespace {

struct Contract
{
  std::string ref;
  std::string status;
  std::optional<std::string> end_date;
  std::optional<std::string> notice_days = std::nullopt;
};

store::Catalogue catalogue_with(const std::vector<Contract>& contracts)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Acme Oy", "FI");
  for (const auto& contract : contracts) {
    store::EngagementFields fields;
    fields.ref = contract.ref;
    fields.provider = "Acme Oy";
    fields.service = "payroll";
    fields.delivery_country = "EE";
    fields.start_date = "2024-01-01";
    fields.end_date = contract.end_date;
    fields.notice_days = contract.notice_days;
    fields.status = contract.status;
    store::add_engagement(catalogue, fields);
  }
  return catalogue;
}

std::vector<std::string> refs(const std::vector<report::Renewal>& renewals)
{
  std::vector<std::string> refs;
  for (const auto& renewal : renewals) {
    refs.push_back(renewal.ref);
  }
  return refs;
}

using Strings = std::vector<std::string>;

} // namespace

TEST(Renewals, OnlyPlannedAndActiveEngagementsAreListed)
{
  auto catalogue = catalogue_with({{"A-ACTIVE", "active", "2025-06-20"},
                                   {"B-PLANNED", "planned", "2025-06-20"},
                                   {"C-ENDED", "ended", "2025-06-20"},
                                   {"D-TERMINATED", "terminated", "2025-06-20"}});
  EXPECT_EQ(refs(report::compute_renewals(catalogue, 60, "2025-06-01")), (Strings{"A-ACTIVE", "B-PLANNED"}));
}

TEST(Renewals, TheWindowIsOnTheEndDateInclusiveOfBothEnds)
{
  auto catalogue = catalogue_with({{"BEFORE", "active", "2025-05-31"},
                                   {"FIRST-DAY", "active", "2025-06-01"},
                                   {"LAST-DAY", "active", "2025-07-31"},
                                   {"AFTER", "active", "2025-08-01"},
                                   {"OPEN-ENDED", "active", std::nullopt}});
  const auto renewals = report::compute_renewals(catalogue, 60, "2025-06-01");
  EXPECT_EQ(refs(renewals), (Strings{"FIRST-DAY", "LAST-DAY"}));
  ASSERT_EQ(renewals.size(), 2U);
  EXPECT_EQ(renewals[0].days_left, 0);
  EXPECT_EQ(renewals[1].days_left, 60);
  EXPECT_EQ(renewals[1].notice_deadline, std::nullopt);
}

TEST(Renewals, ANoticeDeadlineInTheWindowBringsInALaterEndDate)
{
  // 2025-12-31 less 180 days is 2025-07-04, in the window; 2026-03-31 less
  // 30 days is 2026-03-01, not.
  auto catalogue = catalogue_with(
    {{"DEADLINE-IN", "planned", "2025-12-31", "180"}, {"DEADLINE-OUT", "active", "2026-03-31", "30"}});
  const auto renewals = report::compute_renewals(catalogue, 60, "2025-06-01");
  ASSERT_EQ(refs(renewals), Strings{"DEADLINE-IN"});
  EXPECT_EQ(renewals[0].end_date, domain::Date::parse("2025-12-31"));
  EXPECT_EQ(renewals[0].notice_deadline, domain::Date::parse("2025-07-04"));
  EXPECT_EQ(renewals[0].days_left, 33); // to the deadline, while it is ahead
}

TEST(Renewals, DaysLeftCountToTheEndDateOnceTheDeadlineHasPassed)
{
  auto catalogue = catalogue_with(
    {{"PASSED", "active", "2025-06-20", "30"}, {"DEADLINE-TODAY", "active", "2025-07-01", "30"}});
  const auto renewals = report::compute_renewals(catalogue, 60, "2025-06-01");
  ASSERT_EQ(refs(renewals), (Strings{"DEADLINE-TODAY", "PASSED"}));
  EXPECT_EQ(renewals[0].notice_deadline, domain::Date::parse("2025-06-01"));
  EXPECT_EQ(renewals[0].days_left, 0); // the deadline is today: still ahead
  EXPECT_EQ(renewals[1].notice_deadline, domain::Date::parse("2025-05-21"));
  EXPECT_EQ(renewals[1].days_left, 19); // 2025-06-01 to the end date 2025-06-20
}

TEST(Renewals, SoonestFirstThenByRef)
{
  auto catalogue = catalogue_with({{"E-LATE", "active", "2025-07-15"},
                                   {"E-NOTICE", "planned", "2025-12-31", "180"},
                                   {"E-B", "active", "2025-06-20"},
                                   {"E-A", "active", "2025-06-20"}});
  const auto renewals = report::compute_renewals(catalogue, 60, "2025-06-01");
  EXPECT_EQ(refs(renewals), (Strings{"E-A", "E-B", "E-NOTICE", "E-LATE"}));
  std::vector<std::int64_t> days;
  for (const auto& renewal : renewals) {
    days.push_back(renewal.days_left);
  }
  EXPECT_EQ(days, (std::vector<std::int64_t>{19, 19, 33, 44}));
}

TEST(Renewals, AZeroWindowIsTodayOnly)
{
  auto catalogue = catalogue_with({{"TODAY", "active", "2025-06-01"}, {"TOMORROW", "active", "2025-06-02"}});
  EXPECT_EQ(refs(report::compute_renewals(catalogue, 0, "2025-06-01")), Strings{"TODAY"});
}

TEST(Renewals, ANegativeWindowOrABadDateIsRefused)
{
  auto catalogue = catalogue_with({});
  EXPECT_THROW(report::compute_renewals(catalogue, -1, "2025-06-01"), ValidationError);
  EXPECT_THROW(report::compute_renewals(catalogue, 30, "2025-13-01"), ValidationError);
  EXPECT_TRUE(report::compute_renewals(catalogue, 30, "2025-06-01").empty());
}

TEST(Renewals, CarriesAutoRenewValueAndCurrency)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Acme Oy", "FI");
  store::EngagementFields fields;
  fields.ref = "E-1";
  fields.provider = "Acme Oy";
  fields.service = "payroll";
  fields.delivery_country = "EE";
  fields.start_date = "2024-01-01";
  fields.end_date = "2025-06-30";
  fields.auto_renew = "true";
  fields.value = "120000.50";
  fields.currency = "USD";
  store::add_engagement(catalogue, fields);
  const auto renewals = report::compute_renewals(catalogue, 60, "2025-06-01");
  ASSERT_EQ(renewals.size(), 1U);
  EXPECT_EQ(renewals[0].provider, "Acme Oy");
  EXPECT_TRUE(renewals[0].auto_renew);
  ASSERT_TRUE(renewals[0].value);
  EXPECT_EQ(renewals[0].value->to_string(), "120000.50");
  EXPECT_EQ(renewals[0].currency, "USD");
}

TEST(Renewals, TableHasOneColumnPerFieldAndNullsForAbsentOnes)
{
  report::Renewal with_notice{"E-1",
                              "Acme Oy",
                              domain::Date::parse("2025-12-31"),
                              domain::Date::parse("2025-07-04"),
                              33,
                              true,
                              domain::Amount{10000, 2},
                              "EUR",
                              domain::RenewalState::notice_due,
                              domain::Date::parse("2025-12-31")};
  report::Renewal without{"E-2",
                          "Beta",
                          domain::Date::parse("2025-06-20"),
                          std::nullopt,
                          19,
                          false,
                          std::nullopt,
                          "USD",
                          domain::RenewalState::ending,
                          domain::Date::parse("2025-06-20")};
  const auto table = report::renewals_table({with_notice, without});
  std::vector<std::string> keys;
  for (const auto& column : table.columns) {
    keys.push_back(column.key);
  }
  EXPECT_EQ(keys, (Strings{"ref", "provider", "end_date", "notice_deadline", "days_left", "auto_renew",
                           "value", "currency", "state", "term_end"}));
  EXPECT_EQ(table.columns[4].align, table::Align::right);
  EXPECT_EQ(table.columns[6].align, table::Align::right);
  ASSERT_EQ(table.rows.size(), 2U);
  EXPECT_EQ(table.rows[0][3], table::Value(std::string("2025-07-04")));
  EXPECT_EQ(table.rows[0][4], table::Value(std::int64_t{33}));
  EXPECT_EQ(table.rows[0][5], table::Value(true));
  EXPECT_EQ(table.rows[0][6], table::Value(std::string("100.00")));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[1][3]));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[1][6]));
  EXPECT_EQ(table.rows[1][7], table::Value(std::string("USD")));
  EXPECT_EQ(table.rows[0][8], table::Value(std::string("notice-due")));
  EXPECT_EQ(table.rows[1][8], table::Value(std::string("ending")));
  EXPECT_EQ(table.rows[1][9], table::Value(std::string("2025-06-20")));
  EXPECT_TRUE(report::renewals_table({}).rows.empty());
}
