// End-to-end scenarios for `service update` and `service remove`: a custom
// service flipped from BPO to KPO with derived and explicit engagements (the
// spend by type before and after, computed by hand), and every refusal.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

using namespace vendorcat::test;

namespace {

class ServicesE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Acme Oy", "--country", "FI"});
    cli.ok({"service", "add", "claims", "--name", "Claims", "--type", "BPO"});
  }

  void engagement(const std::string& ref, const std::string& service,
                  std::vector<std::string> extra = {}) const
  {
    std::vector<std::string> args{"engagement", "add",       ref,         "--provider",
                                  "Acme Oy",    "--service", service,     "--delivery-country",
                                  "FI",         "--start",   "2026-01-01"};
    args.insert(args.end(), extra.begin(), extra.end());
    cli.ok(args);
  }

  // report spend --by type --period all as "TYPE AMOUNT LINES SHARE" rows.
  std::vector<std::string> spend_by_type() const
  {
    std::vector<std::string> rows;
    for (const auto& row : cli.json({"report", "spend", "--by", "type", "--period", "all"})) {
      rows.push_back(fmt_row(row));
    }
    return rows;
  }

  static std::string fmt_row(const nlohmann::ordered_json& row)
  {
    return fmt::format("{} {} {} {} {:.4f}", row["type"].get<std::string>(), row["amount"].get<std::string>(),
                       row["currency"].get<std::string>(), row["lines"].get<int>(),
                       row["share"].get<double>());
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

using Rows = std::vector<std::string>;

} // namespace

TEST_F(ServicesE2E, ANewDefaultTypeReclassifiesDerivedEngagementsAndTheirSpend)
{
  engagement("E-DER", "claims");                    // derived: BPO, then KPO
  engagement("E-EXP", "claims", {"--type", "BPO"}); // explicit: stays BPO
  engagement("E-MR", "market-research");            // KPO throughout
  cli.ok({"fx", "set", "USD", "2026-02", "0.9"});
  cli.ok({"spend", "add", "E-DER", "--date", "2026-01-15", "--amount", "100.00"});
  cli.ok(
    {"spend", "add", "E-DER", "--date", "2026-02-20", "--amount", "40.50", "--currency", "USD"}); // 36.45 EUR
  cli.ok({"spend", "add", "E-EXP", "--date", "2026-02-10", "--amount", "250.00"});
  cli.ok({"spend", "add", "E-MR", "--date", "2026-03-01", "--amount", "50.00"});

  // BPO: 100.00 + 36.45 + 250.00 = 386.45 of 436.45 (0.8854); KPO: 50.00 (0.1146).
  EXPECT_EQ(spend_by_type(), (Rows{"BPO 386.45 EUR 3 0.8854", "KPO 50.00 EUR 1 0.1146"}));

  const auto updated = cli.run({"service", "update", "claims", "--type", "KPO"});
  ASSERT_EQ(updated.status, 0) << updated.err;
  EXPECT_NE(updated.err.find("1 engagement with a derived type now KPO"), std::string::npos) << updated.err;

  // BPO: E-EXP's 250.00 (0.5728); KPO: 100.00 + 36.45 + 50.00 = 186.45 (0.4272).
  EXPECT_EQ(spend_by_type(), (Rows{"BPO 250.00 EUR 1 0.5728", "KPO 186.45 EUR 3 0.4272"}));
  const auto derived = cli.json({"engagement", "show", "E-DER"});
  EXPECT_EQ(derived["type"], "KPO");
  EXPECT_EQ(derived["type_source"], "derived");
  const auto explicit_one = cli.json({"engagement", "show", "E-EXP"});
  EXPECT_EQ(explicit_one["type"], "BPO");
  EXPECT_EQ(explicit_one["type_source"], "explicit");
  EXPECT_EQ(cli.json({"service", "list", "--type", "KPO"}).size(), 8u); // 7 built in

  // Each change audited: the service and the one engagement that followed it.
  const auto service_entries = cli.json({"audit", "list", "--entity", "service", "--record", "claims"});
  ASSERT_EQ(service_entries.size(), 2u);
  EXPECT_EQ(service_entries[0]["action"], "update");
  EXPECT_EQ(service_entries[0]["changes"],
            nlohmann::ordered_json::parse(R"({"default_type": ["BPO", "KPO"]})"));
  const auto derived_entries = cli.json({"audit", "list", "--record", "E-DER"});
  ASSERT_EQ(derived_entries.size(), 2u);
  EXPECT_EQ(derived_entries[0]["entity"], "engagement");
  EXPECT_EQ(derived_entries[0]["action"], "update");
  EXPECT_EQ(derived_entries[0]["changes"], nlohmann::ordered_json::parse(R"({"type": ["BPO", "KPO"]})"));
  EXPECT_EQ(cli.json({"audit", "list", "--record", "E-EXP"}).size(), 1u); // its insert alone

  EXPECT_EQ(cli.run({"db", "check"}).status, 0);

  // And back, by the same path.
  cli.ok({"service", "update", "claims", "--type", "BPO", "--name", "Claims handling"});
  EXPECT_EQ(spend_by_type(), (Rows{"BPO 386.45 EUR 3 0.8854", "KPO 50.00 EUR 1 0.1146"}));
  EXPECT_EQ(cli.json({"service", "list", "--type", "BPO"}).back()["name"], "Claims handling");
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
}

TEST_F(ServicesE2E, ParentsAreSetClearedAndNeverMakeALoop)
{
  cli.ok({"service", "add", "motor-claims", "--name", "Motor claims", "--type", "BPO", "--parent", "claims"});
  cli.ok({"service", "update", "claims", "--parent", "finance-accounting"});
  EXPECT_EQ(cli.json({"service", "list"})[16]["parent"], "finance-accounting");
  const auto audit = cli.json({"audit", "list"}).size();

  for (const auto& parent : {"claims", "motor-claims", "no-such-service"}) {
    const auto output = cli.run({"service", "update", "claims", "--parent", parent});
    EXPECT_EQ(output.status, 2) << parent << ": " << output.err;
    EXPECT_EQ(lines_of(output.err).size(), 1u) << output.err;
  }
  EXPECT_NE(cli.run({"service", "update", "claims", "--parent", "motor-claims"}).err.find("under itself"),
            std::string::npos);
  EXPECT_EQ(cli.json({"audit", "list"}).size(), audit);

  cli.ok({"service", "update", "motor-claims", "--parent", ""});
  EXPECT_EQ(cli.json({"service", "list"})[17]["parent"], nullptr);
  const auto entry = cli.json({"audit", "list", "--limit", "1"})[0];
  EXPECT_EQ(entry["changes"]["parent_id"][1], nullptr);
}

TEST_F(ServicesE2E, BuiltInServicesAreRefusedAndNothingIsWritten)
{
  const auto audit = cli.count("audit_log");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"service", "remove", "payroll"},
                                             {"service", "update", "payroll", "--name", "Pay"},
                                             {"service", "update", "market-research", "--type", "BPO"},
                                             {"service", "update", "claims"},
                                             {"service", "update", "claims", "--type", "TPO"},
                                             {"service", "update", "claims", "--name", " "},
                                             {"service", "remove", "no-such-service"}}) {
    const auto output = cli.run(args);
    EXPECT_EQ(output.status, 2) << args[2] << " " << args.back() << ": " << output.err;
    EXPECT_EQ(lines_of(output.err).size(), 1u) << output.err;
  }
  EXPECT_NE(cli.run({"service", "remove", "payroll"}).err.find("'payroll': it is a built-in service"),
            std::string::npos);
  EXPECT_EQ(cli.count("audit_log"), audit);
  EXPECT_EQ(cli.count("service"), 17);
}

TEST_F(ServicesE2E, RemoveIsRefusedWhileAnythingRefersToTheService)
{
  cli.ok({"offering", "add", "Acme Oy", "claims"});
  engagement("E-1", "claims");
  const auto counts = [&] { return std::vector<long long>{cli.count("service"), cli.count("audit_log")}; };
  const auto before = counts();

  auto output = cli.run({"service", "remove", "claims"});
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(output.err, "vendorcat: error: cannot remove service 'claims': 1 offering refers to it and 1 "
                        "engagement refers to it\n");

  engagement("E-2", "claims");
  cli.ok({"provider", "add", "Beta AB", "--country", "SE"});
  cli.ok({"offering", "add", "Beta AB", "claims"});
  cli.ok({"service", "add", "motor-claims", "--name", "Motor claims", "--type", "BPO", "--parent", "claims"});
  output = cli.run({"service", "remove", "claims"});
  EXPECT_EQ(output.status, 2);
  EXPECT_EQ(output.err,
            "vendorcat: error: cannot remove service 'claims': 2 offerings refer to it, 2 engagements "
            "refer to it and 1 sub-service refers to it\n");
  EXPECT_EQ(cli.count("service"), before[0] + 1);

  // Free of references, it goes, audited.
  cli.ok({"service", "remove", "motor-claims"});
  EXPECT_EQ(cli.count("service"), before[0]);
  const auto entry = cli.json({"audit", "list", "--limit", "1"})[0];
  EXPECT_EQ(entry["entity"], "service");
  EXPECT_EQ(entry["action"], "delete");
  EXPECT_EQ(entry["changes"]["code"], nlohmann::ordered_json::parse(R"(["motor-claims", null])"));
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
}
