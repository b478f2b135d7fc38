// Golden-file end-to-end tests of every report in every format, on the report
// catalogue (support/report_catalogue.hpp): each report's stdout is compared
// byte for byte with tests/golden/<name>.<ext>; VENDORCAT_UPDATE_GOLDEN=1
// (re)writes them instead.

#include "support/report_catalogue.hpp"

#include <gtest/gtest.h>

using namespace vendorcat::test;

// --- Golden files -------------------------------------------------------

// report spend (--by type --period quarter), figures in EUR:
//   2025-Q1 BPO: lines 1,2,3,5,6 = 1000.00 + 500.00 + 2000.00 USD × 0.95 + 10000.00 SEK × 0.09
//                − 200.00 = 1000 + 500 + 1900 + 900 − 200 = 4100.00 (5 lines),
//                share 4100/7100 = 0.5775
//   2025-Q1 KPO: line 4 = 3000.00 (1 line), share 3000/7100 = 0.4225; total 7100.00 (6 lines)
//   2025-Q2 BPO: lines 9,10,11 = 1086.4128 + 800.00 + 1074.07329 = 2960.48609 → 2960.49 (3 lines)
//                (rounding each line first would give 1086.41 + 800.00 + 1074.07 = 2960.48)
//   2025-Q2 KPO: lines 7,8 = 4000.00 + 5000.00 SEK × 0.088 = 4440.00 (2 lines)
//                total 7400.49; shares 2960.49/7400.49 = 0.40004 → 0.4000, 4440/7400.49 → 0.6000
//   2026-Q1 BPO: lines 12,13 = 1100.00 + 2500.00 USD × 0.84 = 3200.00; share 3200/7700 = 0.4156
//   2026-Q1 KPO: line 14 = 4500.00; share 4500/7700 = 0.5844; total 7700.00
TEST_F(ReportGolden, SpendByTypeQuarter)
{
  const auto& spend = spend_case("spend_by_type_quarter");
  check_all_formats(spend.name, spend.args);
}

// report spend --by model,type --period year (rows sorted by model, then type):
//   2025 nearshore BPO: 900.00 + 1074.07329 = 1974.07329 → 1974.07 (2 lines)
//   2025 nearshore KPO: 3000.00 + 440.00 = 3440.00 (2)
//   2025 offshore  BPO: 1900.00 + 1086.4128 = 2986.4128 → 2986.41 (2)
//   2025 offshore  KPO: 4000.00 (1)
//   2025 onshore   BPO: 1000 + 500 − 200 + 800 = 2100.00 (4)
//   2025 total: 1974.07 + 3440 + 2986.41 + 4000 + 2100 = 14500.48 (11 lines): the total row adds
//     the rounded cells shown above it, so it is 14500.48 here while `--by type` gives
//     7060.49 + 7440.00 = 14500.49 for the same year (the exact sum is 14500.48609).
//   2026 offshore BPO 2100.00, offshore KPO 4500.00, onshore BPO 1100.00; total 7700.00 (3)
//   shares 2025: 1974.07/14500.48 = 0.1361, 3440/… = 0.2372, 2986.41/… = 0.2060,
//     4000/… = 0.2759, 2100/… = 0.1448; 2026: 0.2727, 0.5844, 0.1429
TEST_F(ReportGolden, SpendByModelTypeYear)
{
  const auto& spend = spend_case("spend_by_model_type_year");
  check_all_formats(spend.name, spend.args);
}

// report spend --by provider --period all (rows sorted by name, byte order):
//   Acme, Inc.:       1900.00 + 1086.4128 + 2100.00 = 5086.4128 → 5086.41 (3 lines)
//   Kraków Analytics: 3000.00 + 440.00 = 3440.00 (2)
//   Mumbai Insights:  4000.00 + 4500.00 = 8500.00 (2)
//   Nordic Ops Oy:    1000 + 500 + 900 − 200 + 800 + 1074.07329 + 1100 = 5174.07329 → 5174.07 (7)
//   total 22200.48 (14 lines); shares 0.2291, 0.1550, 0.3829, 0.2331 (these add to 1.0001)
// The csv quotes "Acme, Inc."; every format keeps `Kraków` as UTF-8.
TEST_F(ReportGolden, SpendByProviderAll)
{
  const auto& spend = spend_case("spend_by_provider_all");
  check_all_formats(spend.name, spend.args);
}

// report spend --by region,unit --period month --from 2025-02-15 --to 2025-05-10:
// February and May are cut: line 2 (02-10) and line 10 (05-20) are left out.
//   2025-02 Americas (none):  line 3 = 1900.00 (1)
//   2025-03 Europe Finance:   line 4 = 3000.00; Europe HR: line 5 = 900.00;
//           Europe Retail:    line 6 = −200.00 (credit note; share −200/3700 = −0.0541);
//           total 3700.00, shares 0.8108 + 0.2432 − 0.0541 = 0.9999 (rounding)
//   2025-04 Asia Retail:      line 7 = 4000.00 (share 4000/4440 = 0.9009);
//           Europe Finance:   line 8 = 440.00 (0.0991); total 4440.00
//   2025-05 Americas (none):  line 9 = 1086.4128 → 1086.41 (1)
TEST_F(ReportGolden, SpendByRegionUnitMonthPartial)
{
  const auto& spend = spend_case("spend_by_region_unit_month_partial");
  check_all_formats(spend.name, spend.args);
}

// report spend --currency USD: USD lines count as they are; every other line goes
// to EUR with its month's rate and then to USD by dividing by the USD rate of
// the same month; the cell is rounded once.
//   2025-Q1 BPO: 2000.00 + 1000/0.96 + 500/0.95 + (900 − 200)/0.92
//              = 2000 + 1041.6667 + 526.3158 + 760.8696 = 4328.8520 → 4328.85
//   2025-Q1 KPO: 3000/0.92 = 3260.8696 → 3260.87; total 7589.72
//   2025-Q2 BPO: 1234.56 + 800/0.88 + 1074.07329/0.86 = 1234.56 + 909.0909 + 1248.9224
//              = 3392.5733 → 3392.57
//   2025-Q2 KPO: (4000 + 440)/0.9 = 4933.3333 → 4933.33; total 8325.90
//   2026-Q1 BPO: 1100/0.85 + 2500.00 = 1294.1176 + 2500 = 3794.1176 → 3794.12
//   2026-Q1 KPO: 4500/0.8 = 5625.00; total 9419.12
TEST_F(ReportGolden, SpendInUsd)
{
  const auto& spend = spend_case("spend_in_usd");
  check_all_formats(spend.name, spend.args);
}

// report renewals --on 2026-01-15 --within 90: the window is 2026-01-15..2026-04-15.
//   US-SUPPORT: ends 2026-02-28, deadline 2026-02-28 − 60 = 2025-12-30 is past, so days_left counts
//               to the end: 16 (rest of Jan) + 28 = 44
//   FI-HELP:    deadline 2026-03-31 − 30 = 2026-03-01: 16 + 28 + 1 = 45
//   SE-PAYROLL: no notice, ends 2026-04-10: 16 + 28 + 31 + 10 = 85; no value (empty / null)
//   PL-DATA:    deadline 2026-07-14 − 90 = 2026-04-15, the last day of the window: 90; auto-renews
//   Not listed: PL-OLD (ended), IN-RESEARCH (deadline 2027-01-30, end 2027-03-31).
// state: US-SUPPORT notice-missed (its deadline passed, the term runs to 2026-02-28), FI-HELP and
// PL-DATA notice-due, SE-PAYROLL ending (no notice period); nothing is rolled forward (PL-DATA
// auto-renews but ends after D), so term_end is each end_date.
TEST_F(ReportGolden, Renewals)
{
  check_all_formats("renewals", {"report", "renewals", "--on", "2026-01-15", "--within", "90"});
}

// report concentration --top 2 (by provider, all time, EUR), from the provider
// cells above sorted by amount:
//   1 Mumbai Insights 8500.00 (8500/22200.48 = 0.3829), 2 Nordic Ops Oy 5174.07 (0.2331),
//   rest (2): 5086.41 + 3440.00 = 8526.41 (0.3841); total 22200.48
//   hhi = 38.2875² + 23.3061² + 22.9113² + 15.4952² = 1465.93 + 543.17 + 524.93 + 240.10
//       = 2774.13 → 2774.1
// The csv format is the record's fields alone (by, currency, total, hhi): sections
// are left out by design (render_record), so the shares are not in it.
TEST_F(ReportGolden, Concentration)
{
  check_all_formats("concentration_top2", {"report", "concentration", "--top", "2"});
}

// --- Independent checks ---------------------------------------------------

// The all-time total per type and overall against sqlite3 over the raw lines:
// each line × its month's rate (rates have at most 4 decimals, so cents × rate
// × 10^4 is an exact integer in 10^-6 EUR), summed, then rounded once,
// half to even, at cents.
//   BPO: 1000 + 500 + 1900 + 900 − 200 + 1086.4128 + 800 + 1074.07329 + 1100 + 2100
//        = 10260.48609 → 10260.49
//   KPO: 3000 + 4000 + 440 + 4500 = 11940.00
//   all: 22200.48609 → 22200.49 = 10260.49 + 11940.00
