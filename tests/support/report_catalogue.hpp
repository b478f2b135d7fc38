#pragma once

// The catalogue of the report scenarios (report_golden_test.cpp and
// report_figures_test.cpp): one small fixed catalogue built through the real
// binary, and the helpers that check its figures independently. Each report's stdout is
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

namespace vendorcat::test {

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

inline fs::path golden_dir()
{
  return fs::path(VENDORCAT_SOURCE_DIR) / "tests" / "golden";
}

inline bool updating_golden()
{
  const char* value = std::getenv("VENDORCAT_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

// "1234.56" or "-200.00" as cents.
inline std::int64_t cents(const std::string& amount)
{
  const auto dot = amount.find('.');
  EXPECT_NE(dot, std::string::npos) << amount;
  EXPECT_EQ(amount.size() - dot, 3u) << amount;
  const bool negative = amount.front() == '-';
  const std::int64_t whole = std::stoll(amount.substr(negative ? 1 : 0, dot - (negative ? 1 : 0)));
  const std::int64_t fraction = std::stoll(amount.substr(dot + 1));
  return (negative ? -1 : 1) * (whole * 100 + fraction);
}

inline std::string amount_text(std::int64_t cents_value)
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
inline std::int64_t divide_half_even(std::int64_t numerator, std::int64_t denominator)
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
inline std::string one_byte_per_char(const std::string& line)
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
inline std::vector<std::string> table_cells(const std::string& line)
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

inline const std::vector<SpendCase>& spend_cases()
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
  static CentsBy exact_cents(const std::string& key, const std::string& where = "1 = 1")
  {
    CentsBy sums;
    const auto output =
      s_cli->sql("SELECT " + key +
                 ", sum(s.amount * CASE WHEN s.currency = 'EUR' THEN 10000 "
                 "ELSE CAST(round(CAST(f.rate AS DOUBLE PRECISION) * 10000) AS BIGINT) END)" +
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

} // namespace vendorcat::test
