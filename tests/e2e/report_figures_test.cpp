// The report catalogue's figures checked independently of the product's
// arithmetic: totals against sqlite3 over the raw lines and rates, partial
// months, JSON keys and shares, table totals and alignment, concentration
// against spend by provider, renewals order.

#include "support/report_catalogue.hpp"

#include <gtest/gtest.h>

using namespace vendorcat::test;

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
