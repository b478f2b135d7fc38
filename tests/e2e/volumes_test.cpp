// End-to-end scenarios for volumes: `volume set` (inserting, replacing,
// refusing bad input with nothing written), `volume list` with its filters
// in every format, the audit trail, and the `volumes` import kind: its
// conflict policies, every bad cell reported, export then import into an
// empty catalogue, and undoing a volumes batch.

#include "support/import_fixture.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

class VolumesE2E : public ImportE2E
{
protected:
  void SetUp() override
  {
    ImportE2E::SetUp();
    engagements(cli);
  }

  // Two engagements, E-1 (FI) and E-2 (IN), on every catalogue of a test.
  static void engagements(const Cli& target)
  {
    target.ok({"provider", "add", "Acme Oy", "--country", "FI"});
    for (const auto& [ref, country] :
         std::vector<std::pair<std::string, std::string>>{{"E-1", "FI"}, {"E-2", "IN"}}) {
      target.ok({"engagement", "add", ref, "--provider", "Acme Oy", "--service", "customer-service",
                 "--delivery-country", country, "--start", "2025-01-01"});
    }
  }

  // Rows of `volume list` as "ref month quantity unit".
  std::vector<std::string> listed(std::vector<std::string> args = {}) const
  {
    args.insert(args.begin(), {"volume", "list"});
    std::vector<std::string> rows;
    for (const auto& row : cli.json(args)) {
      rows.push_back(fmt::format("{} {} {} {}", row["engagement"].get<std::string>(),
                                 row["month"].get<std::string>(), row["quantity"].get<std::string>(),
                                 row["unit"].get<std::string>()));
    }
    return rows;
  }

  // Everything a refused write must leave as it was.
  std::vector<long long> volume_counts() const { return {cli.count("volume"), cli.count("audit_log")}; }
};

using Rows = std::vector<std::string>;

} // namespace

TEST_F(VolumesE2E, SetThenListInEveryFormat)
{
  const auto set = cli.run({"volume", "set", "E-1", "2025-02", "12.5", "--unit", "fte"});
  ASSERT_EQ(set.status, 0) << set.err;
  EXPECT_EQ(set.err, "vendorcat: set 12.5 fte for E-1 in 2025-02 (id 1)\n");
  cli.ok({"volume", "set", "e-2", "2025-01", "4200", "--unit", "Transactions"}); // refs and units in any case
  cli.ok({"volume", "set", "E-1", "2025-01", "0.125", "--unit", "hours"});
  cli.ok({"volume", "set", "E-1", "2025-01", "12", "--unit", "fte"});

  const auto json = cli.json({"volume", "list"});
  ASSERT_EQ(json.size(), 4U);
  std::vector<std::string> keys;
  for (const auto& item : json[0].items()) {
    keys.push_back(item.key());
  }
  EXPECT_EQ(keys, (Rows{"id", "engagement", "month", "quantity", "unit"}));
  EXPECT_EQ(json[0]["id"], 4);
  // By engagement, month and unit; quantities as the shortest exact decimal.
  EXPECT_EQ(listed(), (Rows{"E-1 2025-01 12 fte", "E-1 2025-01 0.125 hours", "E-1 2025-02 12.5 fte",
                            "E-2 2025-01 4200 transactions"}));
  EXPECT_EQ(cli.ok({"volume", "list", "--format", "csv"}), "id,engagement,month,quantity,unit\n"
                                                           "4,E-1,2025-01,12,fte\n"
                                                           "3,E-1,2025-01,0.125,hours\n"
                                                           "1,E-1,2025-02,12.5,fte\n"
                                                           "2,E-2,2025-01,4200,transactions\n");
  const auto jsonl = lines_of(cli.ok({"volume", "list", "--format", "jsonl"}));
  ASSERT_EQ(jsonl.size(), 4U);
  EXPECT_EQ(nlohmann::json::parse(jsonl[3])["quantity"], "4200");
  const auto table = cli.ok({"volume", "list"});
  EXPECT_NE(table.find("transactions"), std::string::npos) << table;
  EXPECT_NE(table.find("0.125"), std::string::npos) << table;
  // Stored as thousandths.
  EXPECT_EQ(cli.sql("SELECT quantity FROM volume WHERE id = 1"), "12500");
}

TEST_F(VolumesE2E, ListFilters)
{
  for (const char* month : {"2025-01", "2025-02", "2025-03"}) {
    cli.ok({"volume", "set", "E-1", month, "10", "--unit", "fte"});
    cli.ok({"volume", "set", "E-2", month, "30", "--unit", "fte"});
  }
  EXPECT_EQ(listed({"--engagement", "E-2", "--from", "2025-02"}),
            (Rows{"E-2 2025-02 30 fte", "E-2 2025-03 30 fte"}));
  EXPECT_EQ(listed({"--to", "2025-01"}), (Rows{"E-1 2025-01 10 fte", "E-2 2025-01 30 fte"}));
  EXPECT_EQ(listed({"--from", "2025-02", "--to", "2025-02"}),
            (Rows{"E-1 2025-02 10 fte", "E-2 2025-02 30 fte"}));
  EXPECT_EQ(cli.json({"volume", "list", "--from", "2026-01"}).dump(), "[]");
  EXPECT_EQ(cli.ok({"volume", "list", "--from", "2026-01", "--format", "csv"}),
            "id,engagement,month,quantity,unit\n");
  for (const auto& args : std::vector<std::vector<std::string>>{{"--engagement", "E-9"},
                                                                {"--from", "2025-13"},
                                                                {"--to", "2025-03-01"},
                                                                {"--from", "2025-03", "--to", "2025-01"}}) {
    std::vector<std::string> command{"volume", "list"};
    command.insert(command.end(), args.begin(), args.end());
    const auto out = cli.run(command);
    EXPECT_EQ(out.status, 2) << args[0];
    EXPECT_EQ(out.out, "") << args[0];
    EXPECT_EQ(lines_of(out.err).size(), 1U) << out.err;
  }
  EXPECT_EQ(cli.run({"volume", "list", "--from", "2025-03", "--to", "2025-01"}).err,
            "vendorcat: error: invalid range: --from 2025-03 is after --to 2025-01\n");
}

TEST_F(VolumesE2E, SetReplacesTheQuantityAndIsAudited)
{
  cli.ok({"volume", "set", "E-1", "2025-02", "2.5", "--unit", "fte"});
  const auto replaced = cli.run({"volume", "set", "E-1", "2025-02", "3", "--unit", "fte"});
  ASSERT_EQ(replaced.status, 0) << replaced.err;
  EXPECT_EQ(replaced.err, "vendorcat: set 3 fte for E-1 in 2025-02 (id 1), replacing 2.5\n");
  const auto same = cli.run({"volume", "set", "E-1", "2025-02", "3.000", "--unit", "fte"});
  EXPECT_EQ(same.err, "vendorcat: 3 fte for E-1 in 2025-02 already (id 1): nothing changed\n");
  // Another unit of the same month is another volume.
  cli.ok({"volume", "set", "E-1", "2025-02", "480", "--unit", "hours"});
  EXPECT_EQ(listed(), (Rows{"E-1 2025-02 3 fte", "E-1 2025-02 480 hours"}));

  const auto audit = cli.json({"audit", "list", "--entity", "volume"});
  ASSERT_EQ(audit.size(), 3U); // insert, update, insert: the unchanged set wrote nothing
  EXPECT_EQ(audit[2]["action"], "insert");
  EXPECT_EQ(audit[2]["record"], 1);
  EXPECT_EQ(audit[2]["changes"]["quantity"], nlohmann::ordered_json::parse("[null, 2500]"));
  EXPECT_EQ(audit[2]["changes"]["unit"], nlohmann::ordered_json::parse(R"([null, "fte"])"));
  EXPECT_EQ(audit[1]["action"], "update");
  EXPECT_EQ(audit[1]["record"], 1);
  EXPECT_EQ(audit[1]["changes"], nlohmann::ordered_json::parse(R"({"quantity": [2500, 3000]})"));
  EXPECT_EQ(audit[0]["record"], 2);
  EXPECT_EQ(cli.json({"audit", "list", "--entity", "volume", "--record", "1"}).size(), 2U);
}

TEST_F(VolumesE2E, BadInputIsOneLineExitTwoAndWritesNothing)
{
  cli.ok({"volume", "set", "E-1", "2025-02", "2.5", "--unit", "fte"});
  const auto before = volume_counts();
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
    {{"E-1", "2025-02", "3", "--unit", "bananas"},
     "invalid unit 'bananas': expected fte, hours, transactions or cases"},
    {{"E-1", "2025-13", "3", "--unit", "fte"}, "2025-13"},
    {{"E-1", "2025-02", "1.2345", "--unit", "fte"}, "invalid quantity '1.2345': at most 3 decimals allowed"},
    {{"E-1", "2025-02", "-1", "--unit", "fte"}, "invalid quantity '-1': a quantity cannot be negative"},
    {{"E-1", "2025-02", "1,5", "--unit", "fte"}, "quantity '1,5' has a decimal comma: write 1.5"},
    {{"E-1", "2025-02", "lots", "--unit", "fte"}, "invalid quantity 'lots'"},
    {{"E-9", "2025-02", "3", "--unit", "fte"}, "no engagement 'E-9'"},
    {{"E-1", "2025-02", "3"}, "--unit"},
  };
  for (const auto& [args, expected] : cases) {
    std::vector<std::string> command{"volume", "set"};
    command.insert(command.end(), args.begin(), args.end());
    const auto out = cli.run(command);
    EXPECT_EQ(out.status, 2) << expected;
    EXPECT_EQ(out.out, "") << expected;
    EXPECT_EQ(lines_of(out.err).size(), 1U) << out.err;
    EXPECT_TRUE(out.err.starts_with("vendorcat: error: ")) << out.err;
    EXPECT_NE(out.err.find(expected), std::string::npos) << out.err;
  }
  // Every bad value at once, in one line.
  const auto all = cli.run({"volume", "set", "E-9", "2025-13", "1.2345", "--unit", "bananas"});
  EXPECT_EQ(all.status, 2);
  ASSERT_EQ(lines_of(all.err).size(), 1U) << all.err;
  for (const char* part : {"E-9", "2025-13", "1.2345", "bananas"}) {
    EXPECT_NE(all.err.find(part), std::string::npos) << all.err;
  }
  EXPECT_EQ(volume_counts(), before);
  EXPECT_EQ(listed(), Rows{"E-1 2025-02 2.5 fte"});
}
