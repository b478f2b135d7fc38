// A generated catalogue (vendorcat-gen) imported whole through the real
// binary: every file is valid against the catalogue it describes, the roll-up
// agrees with the lines, and the spend report agrees with an independent
// query over the raw lines.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

using namespace vendorcat::test;

TEST(GeneratedE2E, ImportsAndReportsAGeneratedCatalogue)
{
  TempDir dir;
  const auto data = dir / "data";
  const auto generated = run_program(VENDORCAT_GEN_BIN, {"--out", data.string(), "--seed", "3", "--providers",
                                                         "40", "--engagements", "120", "--spend", "60000"});
  ASSERT_EQ(generated.status, 0) << generated.err;
  // The same seed writes the same files.
  const auto again =
    run_program(VENDORCAT_GEN_BIN, {"--out", (dir / "again").string(), "--seed", "3", "--providers", "40",
                                    "--engagements", "120", "--spend", "60000"});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(read_file(data / "spend.csv"), read_file(dir / "again" / "spend.csv"));

  Cli cli(dir / "c.db");
  cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  for (const char* kind : {"providers", "locations", "offerings", "engagements", "fx", "spend"}) {
    cli.ok({"import", kind, (data / (std::string(kind) + ".csv")).string()});
  }
  EXPECT_EQ(cli.count("spend"), 60000);
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);

  // All spend in EUR, computed by the database from the raw lines: sum per
  // currency and month, converted with that month's rate, rounded once.
  const auto expected =
    cli.sql("SELECT sum(CASE WHEN m.currency = 'EUR' THEN m.amount / 100.0 "
            "ELSE m.amount * CAST(f.rate AS DOUBLE PRECISION) / 100.0 END) FROM (SELECT currency, "
            "substr(date, 1, 7) AS "
            "month, sum(amount) AS amount FROM spend GROUP BY 1, 2) m LEFT JOIN fx_rate f "
            "ON f.currency = m.currency AND f.month = m.month");
  const auto report = cli.json({"report", "spend", "--by", "type", "--period", "all"});
  long long cents = 0;
  long long lines = 0;
  for (const auto& row : report) {
    const std::string amount = row["amount"];
    cents += std::stoll(amount.substr(0, amount.find('.'))) * 100 +
             (amount[0] == '-' ? -1 : 1) * std::stoll(amount.substr(amount.find('.') + 1));
    lines += row["lines"].get<long long>();
  }
  EXPECT_EQ(lines, 60000);
  // The float sum in the database may differ by a cent per cell from the exact one.
  const auto expected_cents = std::llround(std::stod(expected) * 100);
  EXPECT_LE(std::llabs(cents - expected_cents), 2) << expected;
}
