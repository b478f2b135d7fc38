// End-to-end scenarios for renewal terms: --renewal-months on engagements and
// in import/export, `report renewals` on the current term (rolled forward
// when an engagement renews automatically), and overdue engagements
// (`engagement list --overdue` and the hint on stderr). Every date below is
// counted by hand in the comments.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>

using namespace vendorcat::test;

namespace {

using Refs = std::vector<std::string>;

// The engagements, all active unless said (ref, end date, notice days, auto-renew, renewal months):
//   M-JAN31      2025-01-31  -    auto  1
//   LEAP12       2024-02-29  -    auto  (default 12)
//   LEAP48       2024-02-29  -    auto  48
//   DUE-TODAY    2025-06-30  29   no
//   ROLLED       2020-03-31  30   auto  6
//   LONG-NOTICE  2025-01-31  90   auto  1     (the notice is longer than a term)
//   PAST-END     2025-03-31  30   no          (overdue from 2025-04-01)
//   OLD-ENDED    2025-01-31  -    no          status ended: never overdue, never listed
//   NO-END       -           30   auto        never listed
class RenewalsE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Tallinn Ops", "--country", "EE"});
    add("M-JAN31", "2025-01-31", {"--auto-renew", "--renewal-months", "1"});
    add("LEAP12", "2024-02-29", {"--auto-renew"});
    add("LEAP48", "2024-02-29", {"--auto-renew", "--renewal-months", "48"});
    add("DUE-TODAY", "2025-06-30", {"--notice-days", "29"});
    add("ROLLED", "2020-03-31", {"--auto-renew", "--renewal-months", "6", "--notice-days", "30"});
    add("LONG-NOTICE", "2025-01-31", {"--auto-renew", "--renewal-months", "1", "--notice-days", "90"});
    add("PAST-END", "2025-03-31", {"--notice-days", "30"});
    add("OLD-ENDED", "2025-01-31", {"--status", "ended"});
    add("NO-END", "", {"--auto-renew", "--notice-days", "30"});
  }

  void add(const std::string& ref, const std::string& end, std::vector<std::string> extra) const
  {
    std::vector<std::string> args{"engagement",  "add",       ref,         "--provider",
                                  "Tallinn Ops", "--service", "payroll",   "--delivery-country",
                                  "EE",          "--start",   "2019-01-01"};
    if (!end.empty()) {
      args.insert(args.end(), {"--end", end});
    }
    args.insert(args.end(), extra.begin(), extra.end());
    cli.ok(args);
  }

  nlohmann::ordered_json renewals(const std::string& on, const std::string& within) const
  {
    return cli.json({"report", "renewals", "--on", on, "--within", within});
  }

  static Refs refs(const nlohmann::ordered_json& rows)
  {
    Refs found;
    for (const auto& row : rows) {
      found.push_back(row["ref"]);
    }
    return found;
  }

  static nlohmann::ordered_json row(const nlohmann::ordered_json& rows, const std::string& ref)
  {
    for (const auto& r : rows) {
      if (r["ref"] == ref) {
        return r;
      }
    }
    ADD_FAILURE() << "no row " << ref;
    return {};
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST_F(RenewalsE2E, RenewalMonthsAreShownSetAndCleared)
{
  std::map<std::string, nlohmann::ordered_json> by_ref;
  for (const auto& r : cli.json({"engagement", "list"})) {
    by_ref[r["ref"]] = r;
  }
  EXPECT_EQ(by_ref["M-JAN31"]["renewal_months"], 1);
  EXPECT_EQ(by_ref["LEAP48"]["renewal_months"], 48);
  EXPECT_TRUE(by_ref["LEAP12"]["renewal_months"].is_null()); // stored NULL: the default 12
  const auto keys = [](const nlohmann::ordered_json& r) {
    std::vector<std::string> k;
    for (const auto& item : r.items()) {
      k.push_back(item.key());
    }
    return k;
  };
  const auto list_keys = keys(by_ref["M-JAN31"]);
  const auto notes = std::find(list_keys.begin(), list_keys.end(), "notes");
  ASSERT_NE(notes, list_keys.end());
  EXPECT_EQ(*(notes + 1), "renewal_months");
  EXPECT_EQ(cli.json({"engagement", "show", "LEAP48"})["renewal_months"], 48);

  cli.ok({"engagement", "update", "LEAP48", "--renewal-months", "24"});
  EXPECT_EQ(cli.sql("SELECT renewal_months FROM engagement WHERE ref = 'LEAP48'"), "24");
  cli.ok({"engagement", "update", "LEAP48", "--renewal-months", ""});
  EXPECT_EQ(cli.sql("SELECT count(*) FROM engagement WHERE ref = 'LEAP48' AND renewal_months IS NULL"), "1");
  EXPECT_EQ(cli.sql("SELECT count(*) FROM audit_log WHERE entity = 'engagement' AND action = 'update'"), "2");
}

TEST_F(RenewalsE2E, BadRenewalMonthsExitTwoAndWriteNothing)
{
  const auto audit = cli.count("audit_log");
  for (const char* bad : {"0", "1201", "abc", "-3", "1.5"}) {
    const auto out = cli.run({"engagement", "update", "M-JAN31", "--renewal-months", bad});
    EXPECT_EQ(out.status, 2) << bad;
    EXPECT_EQ(out.err, fmt::format(
                         "vendorcat: error: invalid renewal months '{}': give a whole number of months, 1 to "
                         "1200\n",
                         bad));
  }
  EXPECT_EQ(cli
              .run({"engagement", "add", "X-1", "--provider", "Tallinn Ops", "--service", "payroll",
                    "--delivery-country", "EE", "--start", "2025-01-01", "--renewal-months", "0"})
              .status,
            2);
  EXPECT_EQ(cli.count("audit_log"), audit);
  EXPECT_EQ(cli.sql("SELECT renewal_months FROM engagement WHERE ref = 'M-JAN31'"), "1");
  cli.ok({"engagement", "update", "M-JAN31", "--renewal-months", "1200"}); // the limit itself
}

TEST_F(RenewalsE2E, ExportAndImportCarryRenewalMonths)
{
  const auto csv = cli.ok({"export", "engagements", "--format", "csv"});
  const auto header = lines_of(csv).at(0);
  EXPECT_NE(header.find(",notes,renewal_months"), std::string::npos) << header;
  std::ofstream(dir / "e.csv") << csv;
  TempDir other;
  Cli copy{other / "d.db"};
  copy.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  copy.ok({"provider", "add", "Tallinn Ops", "--country", "EE"});
  copy.ok({"import", "engagements", (dir / "e.csv").string()});
  EXPECT_EQ(
    copy.sql("SELECT ref, renewal_months FROM engagement WHERE renewal_months IS NOT NULL ORDER BY ref"),
    "LEAP48|48\nLONG-NOTICE|1\nM-JAN31|1\nROLLED|6");
  EXPECT_EQ(copy.ok({"export", "engagements", "--format", "csv"}), csv);
}

// --on 2025-02-01 --within 30: the window is 2025-02-01..2025-03-03.
//   M-JAN31:     2025-01-31 + 1 month = 2025-02-28 (clamped), ending, 27 days
//   LEAP12:      2024-02-29 + 12 months = 2025-02-28, ending, 27
//   LONG-NOTICE: term 2025-02-28, deadline 2025-02-28 - 90 = 2024-11-30 passed: notice-missed, 27
//   PAST-END:    not rolled (no auto-renew), deadline 2025-03-31 - 30 = 2025-03-01: notice-due, 28
//   ROLLED:      2020-03-31 + 60 months = 2025-03-31, deadline 2025-03-01: notice-due, 28
//   Not: LEAP48 (2028-02-29), DUE-TODAY (deadline 2025-06-01), NO-END, OLD-ENDED.
TEST_F(RenewalsE2E, JanuaryThirtyFirstPlusOneMonth)
{
  const auto rows = renewals("2025-02-01", "30");
  EXPECT_EQ(refs(rows), (Refs{"LEAP12", "LONG-NOTICE", "M-JAN31", "PAST-END", "ROLLED"}));
  const auto jan = row(rows, "M-JAN31");
  EXPECT_EQ(jan["end_date"], "2025-01-31"); // as stored
  EXPECT_EQ(jan["term_end"], "2025-02-28");
  EXPECT_EQ(jan["state"], "ending");
  EXPECT_EQ(jan["days_left"], 27);
  EXPECT_TRUE(jan["notice_deadline"].is_null());
  EXPECT_EQ(row(rows, "LEAP12")["term_end"], "2025-02-28");
  EXPECT_EQ(row(rows, "LONG-NOTICE")["state"], "notice-missed");
  EXPECT_EQ(row(rows, "LONG-NOTICE")["notice_deadline"], "2024-11-30");
  EXPECT_EQ(row(rows, "PAST-END")["state"], "notice-due");
  EXPECT_EQ(row(rows, "PAST-END")["term_end"], "2025-03-31");
  EXPECT_EQ(row(rows, "ROLLED")["term_end"], "2025-03-31");
  EXPECT_EQ(row(rows, "ROLLED")["notice_deadline"], "2025-03-01");
  EXPECT_EQ(row(rows, "ROLLED")["days_left"], 28);
  // Every key, the existing ones first.
  std::vector<std::string> keys;
  for (const auto& item : jan.items()) {
    keys.push_back(item.key());
  }
  EXPECT_EQ(keys, (Refs{"ref", "provider", "end_date", "notice_deadline", "days_left", "auto_renew", "value",
                        "currency", "state", "term_end"}));
}

// --on 2025-03-01 --within 30: the window is 2025-03-01..2025-03-31.
//   PAST-END: deadline 2025-03-01 is D itself: notice-due, 0
//   ROLLED:   term 2025-03-31, deadline 2025-03-01 = D: notice-due, 0
//   LONG-NOTICE: 2025-02-28 is before D, so 2025-01-31 + 2 months = 2025-03-31,
//                deadline 2024-12-31: notice-missed, 30
//   M-JAN31:  2025-01-31 + 2 months = 2025-03-31 (from the original end, not 2025-02-28 + 1 =
//             2025-03-28): ending, 30
//   Not: LEAP12 (next term 2026-02-28).
TEST_F(RenewalsE2E, TheSecondRenewalCountsFromTheOriginalEnd)
{
  const auto rows = renewals("2025-03-01", "30");
  EXPECT_EQ(refs(rows), (Refs{"PAST-END", "ROLLED", "LONG-NOTICE", "M-JAN31"}));
  EXPECT_EQ(row(rows, "M-JAN31")["term_end"], "2025-03-31");
  EXPECT_EQ(row(rows, "M-JAN31")["days_left"], 30);
  EXPECT_EQ(row(rows, "PAST-END")["days_left"], 0);
  EXPECT_EQ(row(rows, "ROLLED")["days_left"], 0);
  EXPECT_EQ(row(rows, "LONG-NOTICE")["notice_deadline"], "2024-12-31");
}

// --on 2028-02-01 --within 30: the window is 2028-02-01..2028-03-02.
//   LEAP12:  2024-02-29 + 48 months (k = 4) = 2028-02-29 (again the 29th, not chained from
//            2025-02-28): ending, 28
//   LEAP48:  2024-02-29 + 48 months = 2028-02-29: ending, 28
//   LONG-NOTICE: 2025-01-31 + 37 months = 2028-02-29, deadline 2027-12-01: notice-missed, 28
//   M-JAN31: 2028-02-29 likewise: ending, 28
//   ROLLED:  2020-03-31 + 96 months = 2028-03-31, deadline 2028-03-01: notice-due,
//            29 (February 2028 has 29 days)
//   Not: DUE-TODAY and PAST-END, which ended in 2025 without renewing.
TEST_F(RenewalsE2E, TwentyNinthOfFebruary)
{
  const auto rows = renewals("2028-02-01", "30");
  EXPECT_EQ(refs(rows), (Refs{"LEAP12", "LEAP48", "LONG-NOTICE", "M-JAN31", "ROLLED"}));
  for (const char* ref : {"LEAP12", "LEAP48", "LONG-NOTICE", "M-JAN31"}) {
    EXPECT_EQ(row(rows, ref)["term_end"], "2028-02-29") << ref;
    EXPECT_EQ(row(rows, ref)["days_left"], 28) << ref;
  }
  EXPECT_EQ(row(rows, "LEAP12")["end_date"], "2024-02-29");
  EXPECT_EQ(row(rows, "ROLLED")["term_end"], "2028-03-31");
  EXPECT_EQ(row(rows, "ROLLED")["days_left"], 29);
}

// --on 2025-06-01 --within 0: DUE-TODAY's deadline 2025-06-30 - 29 = 2025-06-01 is the report
// date itself: notice-due, days_left 0. Nothing else falls on 2025-06-01 (M-JAN31 2025-06-30,
// ROLLED 2025-09-30 with deadline 2025-08-31, LONG-NOTICE 2025-06-30 with deadline 2025-04-01).
TEST_F(RenewalsE2E, ANoticeDeadlineOnTheReportDate)
{
  const auto rows = renewals("2025-06-01", "0");
  ASSERT_EQ(refs(rows), Refs{"DUE-TODAY"});
  EXPECT_EQ(rows[0]["state"], "notice-due");
  EXPECT_EQ(rows[0]["notice_deadline"], "2025-06-01");
  EXPECT_EQ(rows[0]["term_end"], "2025-06-30");
  EXPECT_EQ(rows[0]["days_left"], 0);
}

// --on 2022-05-15 --within 120: the window is 2022-05-15..2022-09-12. ROLLED has renewed five
// times: 2020-09-30, 2021-03-31, 2021-09-30, 2022-03-31 are before D, 2022-09-30 is not;
// deadline 2022-09-30 - 30 = 2022-08-31, in the window: 16 + 30 + 31 + 31 = 108 days. The
// term end itself is past the window.
TEST_F(RenewalsE2E, ATermRolledForwardSeveralTimes)
{
  const auto rows = renewals("2022-05-15", "120");
  ASSERT_EQ(refs(rows), Refs{"ROLLED"});
  EXPECT_EQ(rows[0]["end_date"], "2020-03-31");
  EXPECT_EQ(rows[0]["term_end"], "2022-09-30");
  EXPECT_EQ(rows[0]["notice_deadline"], "2022-08-31");
  EXPECT_EQ(rows[0]["state"], "notice-due");
  EXPECT_EQ(rows[0]["days_left"], 108);
  EXPECT_EQ(rows[0]["auto_renew"], true);
}

// --on 2025-06-10 --within 30: the window is 2025-06-10..2025-07-10.
//   DUE-TODAY:   deadline 2025-06-01 passed, ends 2025-06-30: notice-missed, 20
//   LONG-NOTICE: 1-month terms, 90 days' notice: term 2025-06-30 (k = 5), deadline 2025-04-01,
//                before the term even began: notice-missed, 20 (a notice longer than a term is
//                always missed once the engagement has renewed)
//   M-JAN31:     2025-06-30: ending, 20
//   Not: PAST-END (ended 2025-03-31, not renewing).
TEST_F(RenewalsE2E, ANoticeLongerThanTheTerm)
{
  const auto rows = renewals("2025-06-10", "30");
  EXPECT_EQ(refs(rows), (Refs{"DUE-TODAY", "LONG-NOTICE", "M-JAN31"}));
  const auto long_notice = row(rows, "LONG-NOTICE");
  EXPECT_EQ(long_notice["term_end"], "2025-06-30");
  EXPECT_EQ(long_notice["notice_deadline"], "2025-04-01");
  EXPECT_EQ(long_notice["state"], "notice-missed");
  EXPECT_EQ(long_notice["days_left"], 20);
  EXPECT_EQ(row(rows, "DUE-TODAY")["state"], "notice-missed");
  EXPECT_EQ(row(rows, "DUE-TODAY")["days_left"], 20);
}

TEST_F(RenewalsE2E, CsvCarriesStateAndTermEnd)
{
  const auto csv = cli.ok({"report", "renewals", "--on", "2025-06-01", "--within", "0", "--format", "csv"});
  EXPECT_EQ(csv, "ref,provider,end_date,notice_deadline,days_left,auto_renew,value,currency,state,term_end\n"
                 "DUE-TODAY,Tallinn Ops,2025-06-30,2025-06-01,0,false,,EUR,notice-due,2025-06-30\n");
}

// Overdue: active, not auto-renewing, ended before the date. On 2025-04-10 only PAST-END
// (ended 2025-03-31); on 2025-07-01 DUE-TODAY (ended 2025-06-30) too. OLD-ENDED is marked
// ended already; the auto-renewing ones roll forward and never are.
TEST_F(RenewalsE2E, OverdueListsExactlyTheEndedActiveOnes)
{
  const auto refs_of = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"engagement", "list"});
    return refs(cli.json(args));
  };
  EXPECT_EQ(refs_of({"--overdue", "--on", "2025-04-10"}), Refs{"PAST-END"});
  EXPECT_EQ(refs_of({"--overdue", "--on", "2025-03-31"}), Refs{}); // ends that day: not yet
  EXPECT_EQ(refs_of({"--overdue", "--on", "2025-07-01"}), (Refs{"DUE-TODAY", "PAST-END"}));
  // Today (from the clock) is after 2025: the same two.
  EXPECT_EQ(refs_of({"--overdue"}), (Refs{"DUE-TODAY", "PAST-END"}));
  cli.ok({"engagement", "update", "PAST-END", "--status", "ended"});
  EXPECT_EQ(refs_of({"--overdue"}), Refs{"DUE-TODAY"});
  EXPECT_EQ(cli.run({"engagement", "list", "--on", "2025-01-01"}).status, 2); // --on needs a filter
}

// The hint goes to stderr, never stdout: with --status active in any format, and with a plain
// listing in the table format. Today is after 2025, so DUE-TODAY and PAST-END are overdue.
TEST_F(RenewalsE2E, ActiveListingsHintAtOverdueOnStderr)
{
  const std::string hint = "vendorcat: 2 active engagements ended before ";
  const std::string command = "'vendorcat engagement update REF --status ended'";
  auto out = cli.run({"engagement", "list", "--status", "active", "--format", "json"});
  ASSERT_EQ(out.status, 0);
  EXPECT_EQ(nlohmann::json::parse(out.out).size(), 8U); // every active one, the overdue included
  EXPECT_NE(out.err.find(hint), std::string::npos) << out.err;
  EXPECT_NE(out.err.find(command), std::string::npos) << out.err;
  EXPECT_NE(out.err.find("'vendorcat engagement list --overdue'"), std::string::npos) << out.err;
  EXPECT_EQ(out.out.find("overdue"), std::string::npos);

  out = cli.run({"engagement", "list"});
  ASSERT_EQ(out.status, 0);
  EXPECT_NE(out.err.find(hint), std::string::npos) << out.err;
  EXPECT_NE(out.out.find("PAST-END"), std::string::npos);
  EXPECT_EQ(out.out.find("overdue"), std::string::npos);

  EXPECT_EQ(cli.run({"engagement", "list", "--format", "csv"}).err, "");   // scripts: no hint
  EXPECT_EQ(cli.run({"engagement", "list", "--status", "ended"}).err, ""); // nothing to hint at
  EXPECT_EQ(cli.run({"engagement", "list", "--status", "active", "--quiet"}).err, "");
  EXPECT_EQ(cli.run({"engagement", "list", "--overdue"}).err, ""); // they are the listing
  cli.ok({"engagement", "update", "PAST-END", "--status", "ended"});
  EXPECT_NE(cli.run({"engagement", "list"}).err.find("vendorcat: 1 active engagement ended before "),
            std::string::npos);
}
