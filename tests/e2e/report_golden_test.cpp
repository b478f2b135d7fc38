// Golden-file end-to-end tests of every report in every format, on one small
// fixed catalogue built through the real binary. Each report's stdout is
// compared byte for byte with tests/golden/<name>.<ext> (txt for the table
// format, csv, json, jsonl). With VENDORCAT_UPDATE_GOLDEN=1 the files are
// (re)written instead and the tests pass, printing what they wrote; read the
// diff before committing it. A few totals are also checked independently of
// the product's arithmetic (sqlite3 over the raw lines and rates), so a
// regenerated golden file cannot silently bless a wrong figure.
//
// The catalogue (home country FI, base currency EUR):
//
// | ref         | provider         | service           | from | model     | type | cur | unit    |
// | ----------- | ---------------- | ----------------- | ---- | --------- | ---- | --- | ------- |
// | FI-HELP     | Nordic Ops Oy    | technical-support | FI   | onshore   | BPO  | EUR | Retail  |
// | PL-DATA     | Kraków Analytics | data-analysis     | PL   | nearshore | KPO  | EUR | Finance |
// | US-SUPPORT  | Acme, Inc.       | customer-service  | US   | offshore  | BPO  | USD | (none)  |
// | SE-PAYROLL  | Nordic Ops Oy    | payroll           | SE   | nearshore | BPO  | SEK | HR      |
// | IN-RESEARCH | Mumbai Insights  | market-research   | IN   | offshore  | KPO  | EUR | Retail  |
// | PL-OLD      | Kraków Analytics | data-analysis     | PL   | nearshore | KPO  | EUR | (none)  |
//
// Rates (1 CUR = rate EUR): USD 2025-01 0.96, 02 0.95, 03 0.92, 04 0.9, 05 0.88,
// 06 0.86, 2026-01 0.85, 02 0.84, 03 0.8; SEK 2025-03 0.09, 04 0.088, 06 0.087.
//
// Spend lines and their value in EUR (exact, before any rounding):
//
//  #  date        engagement     amount        EUR
//  1  2025-01-20  FI-HELP        1000.00 EUR   1000.00
//  2  2025-02-10  FI-HELP         500.00 EUR    500.00
//  3  2025-02-20  US-SUPPORT     2000.00 USD   2000.00 × 0.95  = 1900.00
//  4  2025-03-15  PL-DATA        3000.00 EUR   3000.00
//  5  2025-03-25  SE-PAYROLL    10000.00 SEK  10000.00 × 0.09  =  900.00
//  6  2025-03-28  FI-HELP        -200.00 EUR   -200.00   (credit note)
//  7  2025-04-10  IN-RESEARCH    4000.00 EUR   4000.00
//  8  2025-04-30  PL-DATA        5000.00 SEK   5000.00 × 0.088 =  440.00  (engagement in EUR)
//  9  2025-05-05  US-SUPPORT     1234.56 USD   1234.56 × 0.88  = 1086.4128
// 10  2025-05-20  FI-HELP         800.00 EUR    800.00
// 11  2025-06-30  SE-PAYROLL    12345.67 SEK  12345.67 × 0.087 = 1074.07329
// 12  2026-01-15  FI-HELP        1100.00 EUR   1100.00
// 13  2026-02-10  US-SUPPORT     2500.00 USD   2500.00 × 0.84  = 2100.00
// 14  2026-03-31  IN-RESEARCH    4500.00 EUR   4500.00
//
// Lines 9 and 11 are the only inexact conversions. Their fractions of a cent
// (.28 and .329 of a cent) add up to more than half a cent, so a cell holding
// both shows whether the cell is rounded once (…49) or each line is (…48).

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;
using Args = std::vector<std::string>;
using CentsBy = std::map<std::string, std::int64_t>;

struct OutputFormat
{
  const char* name;      // --format
  const char* extension; // of the golden file
};

constexpr std::array<OutputFormat, 4> formats{{
  {"table", "txt"},
  {"csv", "csv"},
  {"json", "json"},
  {"jsonl", "jsonl"},
}};

fs::path golden_dir()
{
  return fs::path(VENDORCAT_SOURCE_DIR) / "tests" / "golden";
}

bool updating_golden()
{
  const char* value = std::getenv("VENDORCAT_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

// "1234.56" or "-200.00" as cents.
std::int64_t cents(const std::string& amount)
{
  const auto dot = amount.find('.');
  EXPECT_NE(dot, std::string::npos) << amount;
  EXPECT_EQ(amount.size() - dot, 3u) << amount;
  const bool negative = amount.front() == '-';
  const std::int64_t whole = std::stoll(amount.substr(negative ? 1 : 0, dot - (negative ? 1 : 0)));
  const std::int64_t fraction = std::stoll(amount.substr(dot + 1));
  return (negative ? -1 : 1) * (whole * 100 + fraction);
}

std::string amount_text(std::int64_t cents_value)
{
  const bool negative = cents_value < 0;
  const std::int64_t magnitude = negative ? -cents_value : cents_value;
  std::ostringstream text;
  text << (negative ? "-" : "") << magnitude / 100 << '.' << (magnitude % 100 < 10 ? "0" : "")
       << magnitude % 100;
  return text.str();
}

// NUMERATOR / DENOMINATOR rounded half to even, written here rather than
// borrowed from the product so the check stays independent.
std::int64_t divide_half_even(std::int64_t numerator, std::int64_t denominator)
{
  std::int64_t quotient = numerator / denominator;
  std::int64_t remainder = numerator % denominator;
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  }
  if (2 * remainder > denominator || (2 * remainder == denominator && quotient % 2 != 0)) {
    quotient += 1;
  }
  return quotient;
}

// The text as one character per code point (any non-ASCII character becomes
// '?'), so column positions can be compared in a table that holds `Kraków`.
std::string one_byte_per_char(const std::string& line)
{
  std::string out;
  for (const char c : line) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0U) == 0x80U) {
      continue;
    }
    out += byte < 0x80U ? c : '?';
  }
  return out;
}

// A table line split on runs of two or more spaces (cells here hold at most
// single spaces: `Acme, Inc.`).
std::vector<std::string> table_cells(const std::string& line)
{
  std::vector<std::string> cells;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const auto gap = line.find("  ", pos);
    const auto end = gap == std::string::npos ? line.size() : gap;
    if (end > pos) {
      cells.push_back(line.substr(pos, end - pos));
    }
    if (gap == std::string::npos) {
      break;
    }
    pos = line.find_first_not_of(' ', gap);
    if (pos == std::string::npos) {
      break;
    }
  }
  return cells;
}

// One spend report of the golden set: its name, its arguments and its --by dimensions.
struct SpendCase
{
  std::string name;
  Args args;
  std::vector<std::string> dimensions;
};

const std::vector<SpendCase>& spend_cases()
{
  static const std::vector<SpendCase> cases{
    {"spend_by_type_quarter", {"report", "spend"}, {"type"}},
    {"spend_by_model_type_year",
     {"report", "spend", "--by", "model,type", "--period", "year"},
     {"model", "type"}},
    {"spend_by_provider_all", {"report", "spend", "--by", "provider", "--period", "all"}, {"provider"}},
    {"spend_by_region_unit_month_partial",
     {"report", "spend", "--by", "region,unit", "--period", "month", "--from", "2025-02-15", "--to",
      "2025-05-10"},
     {"region", "unit"}},
    {"spend_in_usd", {"report", "spend", "--currency", "USD"}, {"type"}},
  };
  return cases;
}

class ReportGolden : public ::testing::Test
{
protected:
  static void SetUpTestSuite()
  {
    s_dir = std::make_unique<TempDir>();
    s_cli = std::make_unique<Cli>(*s_dir / "golden.db");
    build_catalogue(*s_cli);
  }

  static void TearDownTestSuite()
  {
    s_cli.reset();
    s_dir.reset();
  }

  static void build_catalogue(const Cli& cli)
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Nordic Ops Oy", "--country", "FI"});
    cli.ok({"provider", "add", "Kraków Analytics", "--country", "PL"});
    cli.ok({"provider", "add", "Acme, Inc.", "--country", "US"});
    cli.ok({"provider", "add", "Mumbai Insights", "--country", "IN"});

    const auto engagement = [&](Args args) {
      args.insert(args.begin(), {"engagement", "add"});
      cli.ok(args);
    };
    engagement({"FI-HELP", "--provider", "Nordic Ops Oy", "--service", "technical-support",
                "--delivery-country", "FI", "--start", "2024-07-01", "--end", "2026-03-31", "--notice-days",
                "30", "--value", "12000.00", "--client-unit", "Retail"});
    engagement({"PL-DATA", "--provider", "Kraków Analytics", "--service", "data-analysis",
                "--delivery-country", "PL", "--start", "2025-01-01", "--end", "2026-07-14", "--notice-days",
                "90", "--auto-renew", "--value", "40000.00", "--client-unit", "Finance"});
    engagement({"US-SUPPORT", "--provider", "Acme, Inc.", "--service", "customer-service",
                "--delivery-country", "US", "--start", "2025-02-01", "--end", "2026-02-28", "--notice-days",
                "60", "--currency", "USD", "--value", "25000.00"});
    engagement({"SE-PAYROLL", "--provider", "Nordic Ops Oy", "--service", "payroll", "--delivery-country",
                "SE", "--start", "2025-03-01", "--end", "2026-04-10", "--currency", "SEK", "--client-unit",
                "HR"});
    engagement({"IN-RESEARCH", "--provider", "Mumbai Insights", "--service", "market-research",
                "--delivery-country", "IN", "--start", "2025-04-01", "--end", "2027-03-31", "--notice-days",
                "60", "--value", "60000.00", "--client-unit", "Retail"});
    // Ended: inside the renewals window, but renewals list planned and active only.
    engagement({"PL-OLD", "--provider", "Kraków Analytics", "--service", "data-analysis",
                "--delivery-country", "PL", "--start", "2024-01-01", "--end", "2026-02-15", "--status",
                "ended"});

    const auto spend = [&](const std::string& ref, const std::string& date, const std::string& amount,
                           Args more = {}) {
      Args args{"spend", "add", ref, "--date", date, "--amount", amount};
      args.insert(args.end(), more.begin(), more.end());
      cli.ok(args);
    };
    spend("FI-HELP", "2025-01-20", "1000.00");
    spend("FI-HELP", "2025-02-10", "500.00");
    spend("US-SUPPORT", "2025-02-20", "2000.00");
    spend("PL-DATA", "2025-03-15", "3000.00");
    spend("SE-PAYROLL", "2025-03-25", "10000.00");
    spend("FI-HELP", "2025-03-28", "-200.00", {"--ref", "CN-1"});
    spend("IN-RESEARCH", "2025-04-10", "4000.00");
    spend("PL-DATA", "2025-04-30", "5000.00", {"--currency", "SEK"});
    spend("US-SUPPORT", "2025-05-05", "1234.56");
    spend("FI-HELP", "2025-05-20", "800.00");
    spend("SE-PAYROLL", "2025-06-30", "12345.67");
    spend("FI-HELP", "2026-01-15", "1100.00");
    spend("US-SUPPORT", "2026-02-10", "2500.00");
    spend("IN-RESEARCH", "2026-03-31", "4500.00");

    // USD for every month with spend (the --currency USD report needs them all).
    for (const auto& [month, rate] : std::vector<std::pair<std::string, std::string>>{{"2025-01", "0.96"},
                                                                                      {"2025-02", "0.95"},
                                                                                      {"2025-03", "0.92"},
                                                                                      {"2025-04", "0.9"},
                                                                                      {"2025-05", "0.88"},
                                                                                      {"2025-06", "0.86"},
                                                                                      {"2026-01", "0.85"},
                                                                                      {"2026-02", "0.84"},
                                                                                      {"2026-03", "0.8"}}) {
      cli.ok({"fx", "set", "USD", month, rate});
    }
    for (const auto& [month, rate] : std::vector<std::pair<std::string, std::string>>{
           {"2025-03", "0.09"}, {"2025-04", "0.088"}, {"2025-06", "0.087"}}) {
      cli.ok({"fx", "set", "SEK", month, rate});
    }
  }

  // Runs ARGS with --format FORMAT, expecting success and nothing on stderr.
  static std::string report(Args args, const std::string& format)
  {
    args.insert(args.end(), {"--format", format});
    const auto output = s_cli->run(args);
    EXPECT_EQ(output.status, 0) << output.err;
    EXPECT_EQ(output.err, "");
    return output.out;
  }

  static Json report_json(const Args& args) { return Json::parse(report(args, "json")); }

  // Compares ACTUAL with the golden file NAME, or writes it when updating.
  static void check_golden(const std::string& name, const std::string& actual)
  {
    const auto path = golden_dir() / name;
    if (updating_golden()) {
      fs::create_directories(path.parent_path());
      write_file(path, actual);
      std::cout << "wrote " << path.string() << '\n';
      return;
    }
    ASSERT_TRUE(fs::exists(path)) << path << " is missing: write it with VENDORCAT_UPDATE_GOLDEN=1";
    EXPECT_EQ(actual, read_file(path))
      << "differs from " << path << " (regenerate with VENDORCAT_UPDATE_GOLDEN=1 if intended)";
  }

  // ARGS in every format against NAME.<ext>.
  static void check_all_formats(const std::string& name, const Args& args)
  {
    for (const auto& format : formats) {
      SCOPED_TRACE(format.name);
      check_golden(name + "." + format.extension, report(args, format.name));
    }
  }

  static const SpendCase& spend_case(const std::string& name)
  {
    for (const auto& spend : spend_cases()) {
      if (spend.name == name) {
        return spend;
      }
    }
    throw std::logic_error("no spend case " + name);
  }

  // The raw spend lines with their engagement and their month's rate (aliases s, e, f).
  inline static const std::string raw_lines_sql =
    " FROM spend s JOIN engagement e ON e.id = s.engagement_id LEFT JOIN fx_rate f"
    " ON f.currency = s.currency AND f.month = substr(s.date, 1, 7)";

  // The lines matching WHERE summed in EUR per KEY (an SQL expression) by
  // sqlite3 and rounded once, half to even, at cents. Rates have at most 4
  // decimals, so cents × rate × 10^4 is an exact integer (10^-6 EUR).
  static CentsBy exact_cents(const std::string& key, const std::string& where = "1")
  {
    CentsBy sums;
    const auto output = s_cli->sql("SELECT " + key +
                                   ", sum(s.amount * CASE WHEN s.currency = 'EUR' THEN 10000 "
                                   "ELSE CAST(round(CAST(f.rate AS REAL) * 10000) AS INTEGER) END)" +
                                   raw_lines_sql + " WHERE " + where + " GROUP BY 1");
    for (const auto& line : lines_of(output)) {
      const auto bar = line.find('|');
      sums[line.substr(0, bar)] = divide_half_even(std::stoll(line.substr(bar + 1)), 10000);
    }
    return sums;
  }

  inline static std::unique_ptr<TempDir> s_dir;
  inline static std::unique_ptr<Cli> s_cli;
};

} // namespace

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
TEST_F(ReportGolden, SpendTotalsMatchRawLinesAndRates)
{
  const auto unconverted =
    s_cli->sql("SELECT count(*)" + raw_lines_sql + " WHERE s.currency <> 'EUR' AND f.rate IS NULL");
  ASSERT_EQ(unconverted, "0");
  const auto expected_by_type = exact_cents("e.type");
  EXPECT_EQ(expected_by_type, (CentsBy{{"BPO", 1026049}, {"KPO", 1194000}}));
  const auto exact_total = exact_cents("'all'").at("all");
  EXPECT_EQ(exact_total, 2220049);

  const auto rows = report_json({"report", "spend", "--by", "type", "--period", "all"});
  ASSERT_EQ(rows.size(), 2u) << rows.dump(2);
  std::int64_t total = 0;
  std::int64_t lines = 0;
  for (const auto& row : rows) {
    EXPECT_EQ(row["period"], "all");
    EXPECT_EQ(row["currency"], "EUR");
    const auto amount = cents(row["amount"].get<std::string>());
    EXPECT_EQ(amount, expected_by_type.at(row["type"].get<std::string>())) << row.dump();
    total += amount;
    lines += row["lines"].get<std::int64_t>();
  }
  EXPECT_EQ(amount_text(total), amount_text(exact_total));
  EXPECT_EQ(lines, s_cli->count("spend"));

  // Per provider the same way (the concentration report's input).
  CentsBy by_provider;
  for (const auto& row : report_json({"report", "spend", "--by", "provider", "--period", "all"})) {
    by_provider[row["provider"].get<std::string>()] = cents(row["amount"].get<std::string>());
  }
  EXPECT_EQ(by_provider, exact_cents("(SELECT name FROM provider p WHERE p.id = e.provider_id)"));
  EXPECT_EQ(by_provider["Acme, Inc."], 508641);
  EXPECT_EQ(by_provider["Nordic Ops Oy"], 517407);

  // A USD cell that is exact by hand: 2026-Q1 KPO = 4500.00 EUR / 0.8 = 5625.00 USD.
  const auto usd = report_json({"report", "spend", "--currency", "USD", "--from", "2026-01-01"});
  ASSERT_EQ(usd.size(), 2u) << usd.dump(2);
  EXPECT_EQ(usd[1]["type"], "KPO");
  EXPECT_EQ(usd[1]["amount"], "5625.00");
  EXPECT_EQ(usd[1]["currency"], "USD");
}

// The cut months come from the raw lines: each month's rows add up to the lines
// dated 2025-02-15..2025-05-10 in that month, rounded once (every month here has
// one inexact cell at most, so rounding the month's sum gives the same figure).
TEST_F(ReportGolden, PartialMonthsMatchRawLines)
{
  const auto& spend = spend_case("spend_by_region_unit_month_partial");
  const std::string range = "s.date BETWEEN '2025-02-15' AND '2025-05-10'";
  const auto expected_cents = exact_cents("substr(s.date, 1, 7)", range);
  EXPECT_EQ(expected_cents.size(), 4u);
  CentsBy expected_lines;
  for (const auto& line : lines_of(
         s_cli->sql("SELECT substr(date, 1, 7), count(*) FROM spend s WHERE " + range + " GROUP BY 1"))) {
    const auto bar = line.find('|');
    expected_lines[line.substr(0, bar)] = std::stoll(line.substr(bar + 1));
  }
  CentsBy actual_cents;
  CentsBy actual_lines;
  for (const auto& row : report_json(spend.args)) {
    const auto period = row["period"].get<std::string>();
    actual_cents[period] += cents(row["amount"].get<std::string>());
    actual_lines[period] += row["lines"].get<std::int64_t>();
  }
  EXPECT_EQ(actual_cents, expected_cents);
  EXPECT_EQ(actual_lines, expected_lines);
  EXPECT_EQ(actual_cents["2025-02"], 190000); // without line 2's 500.00 (02-10)
  EXPECT_EQ(actual_cents["2025-05"], 108641); // without line 10's 800.00 (05-20)
}

// In every spend report: json keys are period, the dimensions, amount,
// currency, lines, share in that order; each share is the row's fraction of its
// period (to 4 decimals) and a period's shares add up to 1 within their
// rounding (at most 0.00005 per row); jsonl holds the same rows as json.
TEST_F(ReportGolden, SpendJsonKeysAndShares)
{
  for (const auto& spend : spend_cases()) {
    SCOPED_TRACE(spend.name);
    std::vector<std::string> keys{"period"};
    keys.insert(keys.end(), spend.dimensions.begin(), spend.dimensions.end());
    keys.insert(keys.end(), {"amount", "currency", "lines", "share"});

    const auto rows = report_json(spend.args);
    ASSERT_FALSE(rows.empty());
    std::map<std::string, std::int64_t> period_total;
    std::map<std::string, double> share_sum;
    std::map<std::string, int> row_count;
    for (const auto& row : rows) {
      std::vector<std::string> row_keys;
      for (const auto& item : row.items()) {
        row_keys.push_back(item.key());
      }
      EXPECT_EQ(row_keys, keys) << row.dump();
      const auto period = row["period"].get<std::string>();
      period_total[period] += cents(row["amount"].get<std::string>());
      share_sum[period] += row["share"].get<double>();
      ++row_count[period];
    }
    for (const auto& row : rows) {
      const auto period = row["period"].get<std::string>();
      const double exact = static_cast<double>(cents(row["amount"].get<std::string>())) /
                           static_cast<double>(period_total[period]);
      EXPECT_NEAR(row["share"].get<double>(), exact, 0.00005 + 1e-9) << row.dump();
    }
    for (const auto& [period, sum] : share_sum) {
      EXPECT_NEAR(sum, 1.0, 0.00005 * row_count[period] + 1e-9) << period;
    }

    const auto jsonl = lines_of(report(spend.args, "jsonl"));
    ASSERT_EQ(jsonl.size(), rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(Json::parse(jsonl[i]), rows[i]);
    }
  }
}

// In every spend report's table: after each period's rows one `total` row (in
// the first dimension's column) with the period's amount and lines and share
// 1.0000, and every amount right-aligned so the decimal points line up under
// the end of the `amount` header.
TEST_F(ReportGolden, SpendTableTotalsAndAlignment)
{
  for (const auto& spend : spend_cases()) {
    SCOPED_TRACE(spend.name);
    std::vector<std::pair<std::string, std::pair<std::int64_t, std::int64_t>>> periods; // in order
    std::string currency;
    for (const auto& row : report_json(spend.args)) {
      currency = row["currency"].get<std::string>();
      const auto period = row["period"].get<std::string>();
      if (periods.empty() || periods.back().first != period) {
        periods.push_back({period, {0, 0}});
      }
      periods.back().second.first += cents(row["amount"].get<std::string>());
      periods.back().second.second += row["lines"].get<std::int64_t>();
    }

    const auto table = report(spend.args, "table");
    const auto lines = lines_of(table);
    ASSERT_GE(lines.size(), 3u) << table;
    const auto header = one_byte_per_char(lines[0]);
    const auto amount_at = header.find("amount");
    ASSERT_NE(amount_at, std::string::npos) << table;
    const auto amount_end = amount_at + 6; // one past the column's last character
    std::size_t next_period = 0;
    std::string current;
    for (std::size_t i = 2; i < lines.size(); ++i) {
      const auto line = one_byte_per_char(lines[i]);
      ASSERT_GT(line.size(), amount_end) << lines[i];
      EXPECT_EQ(line[amount_end - 3], '.') << "amount not aligned on the decimal point:\n" << table;
      EXPECT_EQ(line[amount_end], ' ') << table;
      const auto cells = table_cells(lines[i]);
      ASSERT_GE(cells.size(), 6u) << lines[i];
      if (cells[1] != "total") {
        current = cells[0];
        continue;
      }
      ASSERT_LT(next_period, periods.size()) << "extra total row: " << lines[i];
      const auto& [period, sums] = periods[next_period++];
      EXPECT_EQ(cells[0], period) << lines[i];
      EXPECT_EQ(current, period) << "total row not right after its period's rows: " << lines[i];
      // The total is its own cell, rounded once from the exact sum: it may
      // differ from the sum of the rounded rows by at most half a cent per row.
      ASSERT_EQ(cells.size(), 6u) << lines[i];
      EXPECT_LE(std::llabs(cents(cells[2]) - sums.first), 1) << lines[i];
      EXPECT_EQ((std::vector<std::string>{cells[0], cells[1], cells[3], cells[4], cells[5]}),
                (std::vector<std::string>{period, "total", currency, std::to_string(sums.second), "1.0000"}));
      current.clear();
    }
    EXPECT_EQ(next_period, periods.size()) << "a period has no total row:\n" << table;
  }
}

// The concentration record against the provider cells of report spend: total
// (the exact sum rounded once, 22200.49, as report spend --by type --period
// all gives; the rounded provider cells add up to 22200.48), the top two, the
// rest, and the HHI recomputed from the shares.
TEST_F(ReportGolden, ConcentrationMatchesSpendByProvider)
{
  std::vector<std::pair<std::int64_t, std::string>> providers;
  std::int64_t total = 0;
  for (const auto& row : report_json({"report", "spend", "--by", "provider", "--period", "all"})) {
    const auto amount = cents(row["amount"].get<std::string>());
    providers.emplace_back(amount, row["provider"].get<std::string>());
    total += amount;
  }
  std::sort(providers.rbegin(), providers.rend());
  ASSERT_EQ(providers.size(), 4u);
  EXPECT_EQ(amount_text(total), "22200.48");
  total = cents("22200.49");
  double hhi = 0;
  for (const auto& [amount, name] : providers) {
    const double percent = 100.0 * static_cast<double>(amount) / static_cast<double>(total);
    hhi += percent * percent;
  }

  const auto record = report_json({"report", "concentration", "--top", "2"});
  EXPECT_EQ(record["by"], "provider");
  EXPECT_EQ(record["currency"], "EUR");
  EXPECT_EQ(record["total"], amount_text(total));
  EXPECT_EQ(record["total"], "22200.49");
  EXPECT_DOUBLE_EQ(record["hhi"].get<double>(), std::round(hhi * 10.0) / 10.0);
  EXPECT_DOUBLE_EQ(record["hhi"].get<double>(), 2774.1);
  const auto& shares = record["shares"];
  ASSERT_EQ(shares.size(), 3u) << record.dump(2);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(shares[i]["rank"], i + 1);
    EXPECT_EQ(shares[i]["provider"], providers[i].second);
    EXPECT_EQ(shares[i]["amount"], amount_text(providers[i].first));
  }
  EXPECT_EQ(shares[0]["provider"], "Mumbai Insights");
  EXPECT_EQ(shares[1]["provider"], "Nordic Ops Oy");
  EXPECT_TRUE(shares[2]["rank"].is_null());
  EXPECT_EQ(shares[2]["provider"], "(rest: 2)");
  EXPECT_EQ(shares[2]["amount"], amount_text(providers[2].first + providers[3].first));
  EXPECT_EQ(shares[2]["amount"], "8526.41");
}

// Renewals in json: the order, the days left and who is left out.
TEST_F(ReportGolden, RenewalsOrderAndDaysLeft)
{
  const auto rows = report_json({"report", "renewals", "--on", "2026-01-15", "--within", "90"});
  std::vector<std::pair<std::string, std::int64_t>> found;
  for (const auto& row : rows) {
    found.emplace_back(row["ref"].get<std::string>(), row["days_left"].get<std::int64_t>());
  }
  EXPECT_EQ(found, (std::vector<std::pair<std::string, std::int64_t>>{
                     {"US-SUPPORT", 44}, {"FI-HELP", 45}, {"SE-PAYROLL", 85}, {"PL-DATA", 90}}));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[3]["auto_renew"], true);
  EXPECT_EQ(rows[3]["provider"], "Kraków Analytics");
  EXPECT_EQ(rows[0]["notice_deadline"], "2025-12-30");
  EXPECT_TRUE(rows[2]["value"].is_null());
  EXPECT_TRUE(rows[2]["notice_deadline"].is_null());
  // One day less and PL-DATA's deadline falls outside the window.
  EXPECT_EQ(report_json({"report", "renewals", "--on", "2026-01-15", "--within", "89"}).size(), 3u);
}
