// End-to-end scenarios for `fx import-ecb`: tests/data/ecb/eurofxref-hist.csv,
// in the ECB's exact format (newest first, a trailing comma, N/A), imported
// into catalogues with base EUR and base SEK, as monthly means and as
// month-end rates; then `report spend` converting USD with an imported rate.
// Every rate is computed by hand below.
//
// The file's quotes, 1 EUR = x CUR (HRK is not in the catalogue's currency
// list, withdrawn in 2023: skipped with a note):
//              USD     JPY     SEK      ISK
//   2025-01-29 1.0400  160.00  11.5000  N/A
//   2025-01-30 1.0450  161.00  11.5200  N/A
//   2025-01-31 1.0500  162.00  11.5400  N/A
//   2025-02-26 1.0480  157.00  11.2000  N/A
//   2025-02-27 N/A     158.00  11.2500  145.00   (ISK appears only here)
//   2025-02-28 1.0430  159.00  11.3000  146.00
//   2025-03-03 1.0500  158.50  11.0000  147.00
//   2025-03-04 1.0600  159.50  11.1000  148.00
//
// Monthly means (N/A days left out) and month-end (last day quoted) values:
//   USD  Jan (1.04 + 1.045 + 1.05) / 3 = 1.045  end 1.05
//        Feb (1.048 + 1.043) / 2 = 1.0455       end 1.043
//        Mar (1.05 + 1.06) / 2 = 1.055          end 1.06
//   JPY  Jan 161   end 162;  Feb 158  end 159;  Mar 159  end 159.5
//   SEK  Jan 11.52 end 11.54; Feb 11.25 end 11.3; Mar 11.05 end 11.1
//   ISK  Feb (145 + 146) / 2 = 145.5 end 146;   Mar 147.5 end 148
//
// A rate is rounded half to even to 10 significant digits, but to no more
// than the 10 decimals a rate holds (so 1 JPY in EUR keeps 8 digits); each
// comment gives the exact quotient's first digits, and fx list prints the
// rate without trailing zeros.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace vendorcat::test;

namespace {

using Rates = std::map<std::string, std::string>; // "CUR MONTH" -> rate

const std::string ecb_file = fmt::format("{}/tests/data/ecb/eurofxref-hist.csv", VENDORCAT_SOURCE_DIR);

class EcbRatesE2E : public ::testing::Test
{
protected:
  void init(const std::string& base) const
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", base});
  }

  Rates rates() const
  {
    Rates found;
    for (const auto& row : cli.json({"fx", "list"})) {
      found[fmt::format("{} {}", row["currency"].get<std::string>(), row["month"].get<std::string>())] =
        row["rate"];
    }
    return found;
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST_F(EcbRatesE2E, BaseEurAverage)
{
  init("EUR");
  const auto output = cli.run({"fx", "import-ecb", ecb_file});
  ASSERT_EQ(output.status, 0) << output.err;
  EXPECT_NE(output.err.find("skipped 1 column of currencies the catalogue does not list (withdrawn from ISO "
                            "4217): HRK"),
            std::string::npos)
    << output.err;
  EXPECT_NE(output.err.find(fmt::format("vendorcat: import batch 1 ({}): set 11 rates for 4 currencies, "
                                        "2025-01 to 2025-03 (11 new, 0 replaced, 0 unchanged)",
                                        ecb_file)),
            std::string::npos)
    << output.err;
  // 1 CUR = 1 / x EUR:
  EXPECT_EQ(rates(), (Rates{
                       {"ISK 2025-02", "0.0068728522"}, // 1 / 145.5 = 0.00687285223...
                       {"ISK 2025-03", "0.006779661"},  // 1 / 147.5 = 0.0067796610169... -> 0.0067796610
                       {"JPY 2025-01", "0.0062111801"}, // 1 / 161 = 0.00621118012...
                       {"JPY 2025-02", "0.0063291139"}, // 1 / 158 = 0.00632911392...
                       {"JPY 2025-03", "0.0062893082"}, // 1 / 159 = 0.006289308176...
                       {"SEK 2025-01", "0.0868055556"}, // 1 / 11.52 = 0.086805555555...
                       {"SEK 2025-02", "0.0888888889"}, // 1 / 11.25 = 0.08888888888...
                       {"SEK 2025-03", "0.0904977376"}, // 1 / 11.05 = 0.090497737556...
                       {"USD 2025-01", "0.956937799"},  // 1 / 1.045 = 0.956937799043...
                       {"USD 2025-02", "0.956480153"},  // 1 / 1.0455 = 0.956480153036...
                       {"USD 2025-03", "0.9478672986"}, // 1 / 1.055 = 0.947867298578...
                     }));
}

TEST_F(EcbRatesE2E, BaseEurMonthEnd)
{
  init("EUR");
  cli.ok({"fx", "import-ecb", ecb_file, "--rate", "month-end"});
  EXPECT_EQ(rates(), (Rates{
                       {"ISK 2025-02", "0.0068493151"}, // 1 / 146 = 0.006849315068...
                       {"ISK 2025-03", "0.0067567568"}, // 1 / 148 = 0.006756756756...
                       {"JPY 2025-01", "0.0061728395"}, // 1 / 162 = 0.006172839506...
                       {"JPY 2025-02", "0.0062893082"}, // 1 / 159 = 0.006289308176...
                       {"JPY 2025-03", "0.0062695925"}, // 1 / 159.5 = 0.006269592476...
                       {"SEK 2025-01", "0.0866551127"}, // 1 / 11.54 = 0.086655112651...
                       {"SEK 2025-02", "0.0884955752"}, // 1 / 11.3 = 0.088495575221...
                       {"SEK 2025-03", "0.0900900901"}, // 1 / 11.1 = 0.09009009009...
                       {"USD 2025-01", "0.9523809524"}, // 1 / 1.05 = 0.952380952380...
                       {"USD 2025-02", "0.9587727709"}, // 1 / 1.043 = 0.958772770853...
                       {"USD 2025-03", "0.9433962264"}, // 1 / 1.06 = 0.943396226415...
                     }));
}

TEST_F(EcbRatesE2E, BaseSekThroughEur)
{
  // 1 CUR = x_SEK / x_CUR SEK with the same month's values; 1 EUR = x_SEK SEK.
  init("SEK");
  cli.ok({"fx", "import-ecb", ecb_file});
  EXPECT_EQ(rates(), (Rates{
                       {"EUR 2025-01", "11.52"},
                       {"EUR 2025-02", "11.25"},
                       {"EUR 2025-03", "11.05"},
                       {"ISK 2025-02", "0.0773195876"}, // 11.25 / 145.5 = 0.077319587628...
                       {"ISK 2025-03", "0.0749152542"}, // 11.05 / 147.5 = 0.074915254237...
                       {"JPY 2025-01", "0.071552795"},  // 11.52 / 161 = 0.071552795031...
                       {"JPY 2025-02", "0.0712025316"}, // 11.25 / 158 = 0.071202531645...
                       {"JPY 2025-03", "0.0694968553"}, // 11.05 / 159 = 0.069496855345...
                       {"USD 2025-01", "11.02392344"},  // 11.52 / 1.045 = 11.0239234449...
                       {"USD 2025-02", "10.76040172"},  // 11.25 / 1.0455 = 10.7604017216...
                       {"USD 2025-03", "10.47393365"},  // 11.05 / 1.055 = 10.4739336492...
                     }));

  cli.ok({"fx", "import-ecb", ecb_file, "--rate", "month-end"});
  EXPECT_EQ(rates(), (Rates{
                       {"EUR 2025-01", "11.54"},
                       {"EUR 2025-02", "11.3"},
                       {"EUR 2025-03", "11.1"},
                       {"ISK 2025-02", "0.0773972603"}, // 11.3 / 146 = 0.077397260273...
                       {"ISK 2025-03", "0.075"},        // 11.1 / 148 = 0.075 exactly
                       {"JPY 2025-01", "0.0712345679"}, // 11.54 / 162 = 0.071234567901...
                       {"JPY 2025-02", "0.0710691824"}, // 11.3 / 159 = 0.071069182389...
                       {"JPY 2025-03", "0.0695924765"}, // 11.1 / 159.5 = 0.069592476489...
                       {"USD 2025-01", "10.99047619"},  // 11.54 / 1.05 = 10.9904761904...
                       {"USD 2025-02", "10.83413231"},  // 11.3 / 1.043 = 10.8341323106...
                       {"USD 2025-03", "10.47169811"},  // 11.1 / 1.06 = 10.4716981132...
                     }));
}

TEST_F(EcbRatesE2E, ReplacesThoseMonthsRatesOnlyAsOneBatch)
{
  init("EUR");
  cli.ok({"fx", "set", "USD", "2025-01", "0.5"});  // replaced by the file's
  cli.ok({"fx", "set", "GBP", "2025-01", "1.2"});  // not in the file: kept
  cli.ok({"fx", "set", "USD", "2024-12", "0.95"}); // another month: kept
  const auto output = cli.run({"fx", "import-ecb", ecb_file});
  ASSERT_EQ(output.status, 0) << output.err;
  EXPECT_NE(output.err.find("(10 new, 1 replaced, 0 unchanged)"), std::string::npos) << output.err;
  const auto after = rates();
  EXPECT_EQ(after.size(), 13u);
  EXPECT_EQ(after.at("USD 2025-01"), "0.956937799");
  EXPECT_EQ(after.at("GBP 2025-01"), "1.2");
  EXPECT_EQ(after.at("USD 2024-12"), "0.95");

  const auto batches = cli.json({"import", "list"});
  ASSERT_EQ(batches.size(), 1u);
  EXPECT_EQ(batches[0]["kind"], "fx-ecb");
  EXPECT_EQ(batches[0]["rows"], 11);
  EXPECT_EQ(batches[0]["created"], 10);
  EXPECT_EQ(batches[0]["updated"], 1);
  const auto audit = cli.json({"audit", "list", "--entity", "import"});
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["changes"]["kind"], nlohmann::ordered_json::parse(R"([null, "fx-ecb"])"));

  // Again: nothing changes, so no batch; the note says so.
  const auto again = cli.run({"fx", "import-ecb", ecb_file});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find(fmt::format("vendorcat: {}: set 11 rates for 4 currencies, 2025-01 to 2025-03 "
                                       "(0 new, 0 replaced, 11 unchanged)",
                                       ecb_file)),
            std::string::npos)
    << again.err;
  EXPECT_EQ(cli.json({"import", "list"}).size(), 1u);

  // Undo takes back the rates the batch created; the one it replaced stays.
  cli.ok({"import", "undo", "1"});
  const auto undone = rates();
  EXPECT_EQ(undone, (Rates{{"GBP 2025-01", "1.2"}, {"USD 2024-12", "0.95"}, {"USD 2025-01", "0.956937799"}}));
}

TEST_F(EcbRatesE2E, ReportSpendConvertsUsdWithAnImportedRate)
{
  init("EUR");
  cli.ok({"fx", "import-ecb", ecb_file});
  cli.ok({"provider", "add", "Acme Oy", "--country", "FI"});
  cli.ok({"engagement", "add", "E-1", "--provider", "Acme Oy", "--service", "payroll", "--delivery-country",
          "FI", "--start", "2025-01-01", "--currency", "USD"});
  cli.ok({"spend", "add", "E-1", "--date", "2025-01-15", "--amount", "1045.00"});
  cli.ok({"spend", "add", "E-1", "--date", "2025-03-10", "--amount", "211.00"});
  // 1045.00 x 0.956937799 = 999.999999955 -> 1000.00 EUR (January's mean)
  // 211.00 x 0.9478672986 = 200.0000000046 -> 200.00 EUR (March's mean)
  const auto rows = cli.json({"report", "spend", "--period", "month"});
  ASSERT_EQ(rows.size(), 2u) << rows.dump();
  EXPECT_EQ(rows[0]["period"], "2025-01");
  EXPECT_EQ(rows[0]["amount"], "1000.00");
  EXPECT_EQ(rows[0]["currency"], "EUR");
  EXPECT_EQ(rows[1]["period"], "2025-03");
  EXPECT_EQ(rows[1]["amount"], "200.00");
}

TEST_F(EcbRatesE2E, BadFilesAreOneLineExitTwoAndWriteNothing)
{
  init("EUR");
  const std::vector<std::pair<std::string, std::string>> cases{
    {"Day,USD,\n2025-01-30,1.25,\n", "bad.csv:1: no Date column"},
    {"Date,USD,\n2025-13-30,1.25,\n", "bad.csv:2: Date: invalid date '2025-13-30'"},
    {"Date,USD,JPY,\n2025-01-30,1.25,abc,\n", "bad.csv:2: JPY: invalid rate 'abc'"},
    {"Date,USD,JPY,\n2025-01-30,1.25,1,2,\n", "bad.csv:2: 5 fields, header has 4"},
    {"Date,USD,U$D,\n2025-01-30,1.25,1,\n", "bad.csv:1: column 'U$D' is not a currency code"},
  };
  for (const auto& [content, expected] : cases) {
    write_file(dir / "bad.csv", content);
    const auto output = cli.run({"fx", "import-ecb", (dir / "bad.csv").string()});
    EXPECT_EQ(output.status, 2) << content;
    EXPECT_EQ(lines_of(output.err).size(), 1u) << output.err;
    EXPECT_NE(output.err.find(expected), std::string::npos) << output.err;
  }
  EXPECT_EQ(cli.count("fx_rate"), 0);
  EXPECT_EQ(cli.count("import_batch"), 0);

  // A base currency the file does not quote, a missing file, a bad --rate.
  cli.ok({"config", "set", "base-currency", "GBP"});
  auto output = cli.run({"fx", "import-ecb", ecb_file});
  EXPECT_EQ(output.status, 2);
  EXPECT_NE(output.err.find("no GBP column"), std::string::npos) << output.err;
  output = cli.run({"fx", "import-ecb", (dir / "none.csv").string()});
  EXPECT_EQ(output.status, 2);
  EXPECT_NE(output.err.find("cannot read"), std::string::npos) << output.err;
  output = cli.run({"fx", "import-ecb", ecb_file, "--rate", "median"});
  EXPECT_EQ(output.status, 2);
  EXPECT_NE(output.err.find("invalid --rate 'median': expected average or month-end"), std::string::npos)
    << output.err;
  EXPECT_EQ(cli.count("fx_rate"), 0);
}

TEST_F(EcbRatesE2E, NeedsABaseCurrency)
{
  cli.ok({"db", "init", "--home-country", "FI"});
  const auto output = cli.run({"fx", "import-ecb", ecb_file});
  EXPECT_EQ(output.status, 2);
  EXPECT_NE(output.err.find("none is set: run 'vendorcat config set base-currency CUR' first"),
            std::string::npos)
    << output.err;
  EXPECT_EQ(cli.count("fx_rate"), 0);
}
