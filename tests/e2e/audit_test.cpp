// End-to-end scenarios for `audit list`: the trail of a few changes read
// back newest first, filtered by entity, record (a live, a renamed and a
// removed one), day, actor and count, in every format.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <regex>

using namespace vendorcat::test;

namespace {

class AuditE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Acme Oy", "--country", "FI"});
    cli.ok({"provider", "update", "Acme Oy", "--city", "Espoo"});
    cli.ok({"provider", "add", "Beta AB", "--country", "SE"});
    cli.ok({"location", "add", "Acme Oy", "--country", "EE", "--city", "Tallinn"});
    cli.ok({"provider", "remove", "Beta AB"});
  }

  std::vector<std::string> actions(std::vector<std::string> args) const
  {
    args.insert(args.begin(), {"audit", "list"});
    std::vector<std::string> found;
    for (const auto& entry : cli.json(args)) {
      found.push_back(
        fmt::format("{} {}", entry["entity"].get<std::string>(), entry["action"].get<std::string>()));
    }
    return found;
  }

  // Today in UTC, as the audit's stamps have it.
  static std::string today()
  {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day date{now};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

using Actions = std::vector<std::string>;

} // namespace

TEST_F(AuditE2E, ListsNewestFirstWithTheContractKeysAndChanges)
{
  const auto entries = cli.json({"audit", "list"});
  ASSERT_EQ(entries.size(), 5u);
  std::vector<std::string> keys;
  for (const auto& [key, value] : entries[0].items()) {
    keys.push_back(key);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"id", "at", "actor", "entity", "record", "action", "changes"}));
  for (std::size_t i = 1; i < entries.size(); ++i) {
    EXPECT_GT(entries[i - 1]["id"].get<long long>(), entries[i]["id"].get<long long>());
  }
  for (const auto& entry : entries) {
    EXPECT_TRUE(
      std::regex_match(entry["at"].get<std::string>(), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << entry["at"];
  }
  EXPECT_EQ(actions({}), (Actions{"provider delete", "location insert", "provider insert", "provider update",
                                  "provider insert"}));

  const auto& removed = entries[0];
  EXPECT_EQ(removed["record"],
            std::stoll(cli.sql("SELECT max(entity_id) FROM audit_log WHERE entity = 'provider'")));
  ASSERT_TRUE(removed["changes"].is_object());
  EXPECT_EQ(removed["changes"]["name"], nlohmann::ordered_json::parse(R"(["Beta AB", null])"));
  EXPECT_FALSE(removed["changes"].contains("id")); // the record says it
  EXPECT_EQ(entries[3]["changes"], nlohmann::ordered_json::parse(R"({"hq_city": [null, "Espoo"]})"));
  EXPECT_EQ(entries[4]["changes"]["hq_country"], nlohmann::ordered_json::parse(R"([null, "FI"])"));

  // jsonl: one object a line, changes an object too.
  const auto lines = lines_of(cli.ok({"audit", "list", "--format", "jsonl"}));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_TRUE(nlohmann::json::parse(lines[3])["changes"].is_object());
  // csv and table: changes as one JSON text cell.
  const auto csv = cli.ok({"audit", "list", "--format", "csv", "--limit", "2", "--entity", "provider"});
  EXPECT_EQ(lines_of(csv).at(0), "id,at,actor,entity,record,action,changes");
  EXPECT_NE(csv.find(R"("{""name"":[""Beta AB"",null],)"), std::string::npos) << csv;
  EXPECT_NE(cli.ok({"audit", "list", "--limit", "1"}).find(R"({"name":["Beta AB",null],)"),
            std::string::npos);
}

TEST_F(AuditE2E, FiltersByEntityRecordDayActorAndCount)
{
  EXPECT_EQ(actions({"--entity", "location"}), (Actions{"location insert"}));
  EXPECT_EQ(actions({"--entity", "provider", "--record", "acme oy"}),
            (Actions{"provider update", "provider insert"}));
  EXPECT_EQ(actions({"--record", "Acme Oy"}), (Actions{"provider update", "provider insert"}));
  // A removed provider is still found by its name, through the trail.
  EXPECT_EQ(actions({"--record", "Beta AB"}), (Actions{"provider delete", "provider insert"}));
  const auto beta = cli.sql("SELECT max(entity_id) FROM audit_log WHERE entity = 'provider'");
  EXPECT_EQ(actions({"--entity", "provider", "--record", beta.substr(0, beta.find('\n'))}),
            (Actions{"provider delete", "provider insert"}));
  // A renamed provider answers to its old name and its new one.
  cli.ok({"provider", "update", "Acme Oy", "--name", "Acme Group"});
  EXPECT_EQ(actions({"--record", "Acme Oy"}).size(), 3u);
  EXPECT_EQ(actions({"--record", "acme group"}).size(), 3u);

  EXPECT_EQ(actions({"--limit", "2"}), (Actions{"provider update", "provider delete"}));
  EXPECT_EQ(actions({"--since", today(), "--until", today()}).size(), 6u);
  EXPECT_EQ(actions({"--until", "2000-01-01"}), Actions{});
  EXPECT_EQ(actions({"--since", "2999-12-31"}), Actions{});
  EXPECT_EQ(actions({"--actor", "nobody-at-all"}), Actions{});
  const auto actor = cli.json({"audit", "list", "--limit", "1"})[0]["actor"].get<std::string>();
  EXPECT_EQ(actions({"--actor", actor}).size(), 6u);

  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--since", "2026-02-30"},
                                             {"--until", "yesterday"},
                                             {"--since", "2026-03-02", "--until", "2026-03-01"},
                                             {"--limit", "0"},
                                             {"--limit", "ten"},
                                             {"--entity", "providers"},
                                             {"--entity", "location", "--record", "Tallinn"},
                                             {"--record", "Nobody Ltd"}}) {
    auto command = args;
    command.insert(command.begin(), {"audit", "list"});
    const auto output = cli.run(command);
    EXPECT_EQ(output.status, 2) << args[0] << " " << args[1] << ": " << output.err;
    EXPECT_EQ(lines_of(output.err).size(), 1u) << output.err;
    EXPECT_EQ(output.out, "");
  }
  EXPECT_NE(cli.run({"audit", "list", "--entity", "providers"}).err.find("did you mean 'provider'"),
            std::string::npos);
}

TEST_F(AuditE2E, OlderRowsImportsAndStoredTableNamesAreShownAsTheContractSays)
{
  // A row as an older version wrote it: no actor; a table name mapped.
  cli.sql(
    "INSERT INTO audit_log (at, entity, entity_id, action, before, after) VALUES "
    "('2025-06-01T08:36:55.123Z', 'fx_rate', NULL, 'update', '{\"rate\":\"0.9\"}', '{\"rate\":\"0.91\"}')");
  auto entries = cli.json({"audit", "list", "--entity", "fx"});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["at"], "2025-06-01T08:36:55Z");
  EXPECT_EQ(entries[0]["actor"], "");
  EXPECT_EQ(entries[0]["entity"], "fx");
  EXPECT_TRUE(entries[0]["record"].is_null());
  EXPECT_EQ(entries[0]["changes"], nlohmann::ordered_json::parse(R"({"rate": ["0.9", "0.91"]})"));
  EXPECT_EQ(cli.json({"audit", "list", "--since", "2025-06-01", "--until", "2025-06-01"}).size(), 1u);

  cli.ok({"engagement", "add", "E-1", "--provider", "Acme Oy", "--service", "payroll", "--delivery-country",
          "FI", "--start", "2026-01-01"});
  const auto imported = cli.run({"import", "spend", "-"}, "engagement,date,amount\nE-1,2026-01-05,10.00\n"
                                                          "E-1,2026-01-06,12.00\n");
  ASSERT_EQ(imported.status, 0) << imported.err;
  entries = cli.json({"audit", "list", "--entity", "import"});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["entity"], "import");
  EXPECT_EQ(entries[0]["action"], "import");
  EXPECT_EQ(entries[0]["changes"]["kind"], nlohmann::ordered_json::parse(R"([null, "spend"])"));
  EXPECT_EQ(entries[0]["changes"]["created"], nlohmann::ordered_json::parse("[null, 2]"));
  EXPECT_EQ(cli.json({"audit", "list", "--entity", "spend"}).size(), 0u); // the import is one entry
}
