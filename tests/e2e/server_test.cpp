// What only a catalogue on a PostgreSQL server has: its URI and connection
// failures, roles that may only read, the role in the audit trail, and
// `db copy` between a file and a server. These run in the suite's
// PostgreSQL run only (label postgresql), on the server that
// scripts/with-postgres starts.

#include "support/run_binary.hpp"
#include "support/server_database.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <sys/wait.h>
#include <vector>

using namespace vendorcat::test;

namespace {

bool one_error_line(const Output& output)
{
  return output.err.rfind("vendorcat: error: ", 0) == 0 && output.err.find('\n') == output.err.size() - 1;
}

// URI with USER (and PASSWORD) in place of the test server's user.
std::string as_user(const std::string& uri, const std::string& user, const std::string& password = "")
{
  const auto at = uri.find('@');
  return "postgresql://" + user + (password.empty() ? "" : ":" + password) + uri.substr(at);
}

std::vector<long long> counts(const Cli& cli)
{
  std::vector<long long> result;
  for (const char* table : {"provider", "location", "offering", "service", "engagement", "spend", "fx_rate",
                            "setting", "audit_log", "spend_monthly", "spend_by_class"}) {
    result.push_back(cli.count(table));
  }
  return result;
}

class ServerE2E : public ::testing::Test
{
protected:
  void SetUp() override
  {
    ASSERT_TRUE(cli.on_server()) << "the server tests run in the suite's PostgreSQL run only";
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace

TEST_F(ServerE2E, AReadOnlyRoleReadsEverythingAndWritesNothing)
{
  cli.ok({"demo"});
  cli.ok({"provider", "add", "Spare Oy", "--country", "FI"});
  cli.ok({"location", "add", "Spare Oy", "--country", "EE"});
  const auto spare_location = cli.sql("SELECT max(id) FROM location");
  cli.ok({"provider", "add", "Spare Two Oy", "--country", "FI"});
  cli.ok({"offering", "add", "Spare Two Oy", "payroll"});
  cli.ok({"engagement", "add", "SPARE-1", "--provider", "Spare Two Oy", "--service", "payroll",
          "--delivery-country", "FI", "--start", "2025-01-01"});
  const auto role = "reader_" + cli.sql("SELECT current_database()").substr(8);
  // The two lines of the README, and a login for the test.
  cli.sql(fmt::format("CREATE ROLE {} LOGIN PASSWORD 'reader-pass'", role));
  cli.sql(fmt::format("GRANT USAGE ON SCHEMA public TO {}", role));
  cli.sql(fmt::format("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}", role));
  const auto reader = Cli::server(as_user(cli.target(), role, "reader-pass"));
  const auto before = counts(cli);

  for (const std::vector<std::string>& listing : {std::vector<std::string>{"provider", "list"},
                                                  {"provider", "search", "malmo"},
                                                  {"provider", "show", "1"},
                                                  {"location", "list"},
                                                  {"offering", "list"},
                                                  {"service", "list"},
                                                  {"engagement", "list"},
                                                  {"engagement", "show", "1"},
                                                  {"spend", "list"},
                                                  {"fx", "list"},
                                                  {"config", "list"},
                                                  {"db", "check"},
                                                  {"db", "migrate", "--status"},
                                                  {"report", "spend", "--by", "type", "--period", "year"},
                                                  {"report", "renewals", "--within", "3650"},
                                                  {"report", "concentration", "--top", "3"},
                                                  {"export", "spend"}}) {
    const auto output = reader.run(listing);
    EXPECT_EQ(output.status, 0) << fmt::format("{}: {}", fmt::join(listing, " "), output.err);
  }
  const auto file = (dir / "providers.csv").string();
  write_file(file, "name,hq_country\nNew Oy,FI\n");
  for (const std::vector<std::string>& write :
       {std::vector<std::string>{"provider", "add", "Refused Oy", "--country", "FI"},
        {"provider", "update", "1", "--city", "Oulu"},
        {"provider", "remove", "Spare Oy"},
        {"location", "add", "1", "--country", "EE"},
        {"location", "remove", spare_location},
        {"service", "add", "x-ray", "--name", "X-ray reading", "--type", "KPO"},
        {"offering", "add", "Spare Oy", "payroll"},
        {"engagement", "add", "R-1", "--provider", "1", "--service", "payroll", "--delivery-country", "FI",
         "--start", "2025-01-01"},
        {"engagement", "update", "1", "--notes", "refused"},
        {"spend", "add", "1", "--date", "2025-01-31", "--amount", "1.00"},
        {"spend", "remove", "1"},
        {"fx", "set", "USD", "2025-01", "0.9"},
        {"config", "set", "home-country", "SE"},
        {"offering", "remove", "Spare Two Oy", "payroll"},
        {"engagement", "remove", "SPARE-1"},
        {"db", "init", "--home-country", "SE"},
        {"import", "providers", file}}) {
    const auto output = reader.run(write);
    EXPECT_EQ(output.status, 1) << fmt::format("{}", fmt::join(write, " "));
    EXPECT_TRUE(one_error_line(output)) << output.err;
    EXPECT_TRUE(output.err.starts_with("vendorcat: error: permission denied: ")) << output.err;
    EXPECT_NE(output.err.find("(read-only role)"), std::string::npos) << output.err;
    EXPECT_NE(output.err.find(role), std::string::npos) << output.err;
  }
  EXPECT_EQ(counts(cli), before);

  // A role that may not even read is told so, without the read-only hint.
  const auto stranger = "stranger_" + cli.sql("SELECT current_database()").substr(8);
  cli.sql(fmt::format("CREATE ROLE {} LOGIN PASSWORD 'stranger-pass'", stranger));
  const auto refused =
    Cli::server(as_user(cli.target(), stranger, "stranger-pass")).run({"provider", "list"});
  EXPECT_EQ(refused.status, 1);
  EXPECT_TRUE(one_error_line(refused)) << refused.err;
  EXPECT_NE(refused.err.find("permission denied"), std::string::npos) << refused.err;
  EXPECT_EQ(refused.err.find("(read-only role)"), std::string::npos) << refused.err;
}

TEST_F(ServerE2E, TheAuditTrailNamesTheRole)
{
  cli.ok({"provider", "add", "Audited Oy", "--country", "FI"});
  EXPECT_EQ(cli.sql("SELECT actor FROM audit_log WHERE entity = 'provider'"), "vendorcat");
}

TEST_F(ServerE2E, ConnectionFailuresNameHostAndDatabaseAndNeverThePassword)
{
  // A database that does not exist, reached with the test server's own
  // (right) password, which must not be shown either.
  const auto target = cli.target();
  const auto password = target.substr(target.find(':', 13) + 1, target.find('@') - target.find(':', 13) - 1);
  ASSERT_FALSE(password.empty()) << target;
  const auto missing = Cli::server(target + "_missing");
  auto output = missing.run({"provider", "list"});
  EXPECT_EQ(output.status, 1);
  EXPECT_TRUE(one_error_line(output)) << output.err;
  EXPECT_NE(output.err.find("127.0.0.1"), std::string::npos) << output.err;
  EXPECT_NE(output.err.find("_missing"), std::string::npos) << output.err;
  EXPECT_NE(output.err.find("does not exist"), std::string::npos) << output.err;
  EXPECT_EQ(output.err.find(password), std::string::npos) << output.err;

  const auto unreachable = Cli::server("postgresql://vendorcat:s3cret-Pass@127.0.0.1:1/catalogue");
  output = unreachable.run({"provider", "list"});
  EXPECT_EQ(output.status, 1);
  EXPECT_TRUE(one_error_line(output)) << output.err;
  EXPECT_NE(output.err.find("127.0.0.1"), std::string::npos) << output.err;
  EXPECT_NE(output.err.find("catalogue"), std::string::npos) << output.err;
  EXPECT_EQ(output.err.find("s3cret-Pass"), std::string::npos) << output.err;

  // A login refused: the wrong password.
  output = Cli::server(as_user(cli.target(), "vendorcat", "s3cret-Pass")).run({"provider", "list"});
  EXPECT_EQ(output.status, 1);
  EXPECT_TRUE(one_error_line(output)) << output.err;
  EXPECT_NE(output.err.find("127.0.0.1"), std::string::npos) << output.err;
  EXPECT_NE(output.err.find("password authentication failed"), std::string::npos) << output.err;
  EXPECT_EQ(output.err.find("s3cret-Pass"), std::string::npos) << output.err;

  // Malformed URIs, whose parser would quote them password and all.
  for (const std::string uri : {"postgresql://[bad", "postgresql://analyst:s3cret-Pass@[db.example",
                                "postgresql://analyst:s3cret%zzPass@db.example/x"}) {
    output = Cli::server(uri).run({"provider", "list"});
    EXPECT_EQ(output.status, 2) << uri << ": " << output.err;
    EXPECT_TRUE(one_error_line(output)) << output.err;
    EXPECT_EQ(output.err.find("s3cret"), std::string::npos) << output.err;
  }
}

TEST_F(ServerE2E, AnImportRefusedByTheServerWritesNothingAndSaysSo)
{
  cli.ok({"provider", "add", "Ids Oy", "--country", "FI"});
  cli.ok({"engagement", "add", "I-1", "--provider", "Ids Oy", "--service", "payroll", "--delivery-country",
          "FI", "--start", "2025-01-01"});
  cli.ok({"spend", "add", "I-1", "--date", "2025-02-01", "--amount", "5.00"});
  // The id sequence set back behind vendorcat's back: the bulk load's ids
  // collide with the line there (not a repeated invoice reference).
  cli.sql("SELECT setval(pg_get_serial_sequence('spend', 'id'), 1, false)");
  const auto file = (dir / "spend.csv").string();
  write_file(file, "engagement,date,amount,currency,reference\n"
                   "I-1,2025-02-10,1.00,EUR,A\n"
                   "I-1,2025-02-11,2.00,EUR,B\n");
  const auto output = cli.run({"import", "spend", file});
  EXPECT_EQ(output.status, 1) << output.err;
  EXPECT_TRUE(one_error_line(output)) << output.err;
  EXPECT_EQ(cli.count("spend"), 1);
  EXPECT_EQ(cli.sql("SELECT sum(lines) FROM spend_monthly"), "1");
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
}

TEST_F(ServerE2E, FirstUsesAtOnceMigrateOnce)
{
  ServerDatabase fresh;
  std::vector<pid_t> children;
  for (int i = 0; i < 4; ++i) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const auto output = Cli::server(fresh.uri()).run({"service", "list"});
      _exit(output.status == 0 && output.err.empty() ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  EXPECT_EQ(Cli::server(fresh.uri()).schema_version(), cli.schema_version());
}

TEST_F(ServerE2E, CopyFileToServerToFileKeepsEveryReport)
{
  auto file = Cli::file(dir / "demo.db");
  file.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  file.ok({"demo"});
  file.ok({"location", "remove", "1"}); // a gap in the ids
  const auto report = [](const Cli& at) { return at.ok({"report", "spend", "--format", "json"}); };
  const auto expected = report(file);

  // A server database that db init left empty.
  Cli server(dir / "server.db");
  server.ok({"db", "init"});
  server.ok({"db", "copy", file.target(), server.target()});
  EXPECT_EQ(report(server), expected);
  EXPECT_EQ(server.run({"db", "check"}).status, 0);

  auto back = Cli::file(dir / "back.db");
  back.ok({"db", "copy", server.target(), back.target()});
  EXPECT_EQ(report(back), expected);
  EXPECT_EQ(back.run({"db", "check"}).status, 0);

  for (const char* table : {"provider", "engagement", "spend", "audit_log", "fx_rate"}) {
    const auto rows = fmt::format("SELECT * FROM {} ORDER BY 1", table);
    EXPECT_EQ(server.sql(rows), file.sql(rows)) << table;
    EXPECT_EQ(back.sql(rows), file.sql(rows)) << table;
  }
  for (const std::vector<std::string>& listing : {std::vector<std::string>{"provider", "list"},
                                                  {"engagement", "list"},
                                                  {"provider", "search", "payroll"},
                                                  {"report", "renewals", "--within", "3650"}}) {
    auto args = listing;
    args.insert(args.end(), {"--format", "json"});
    EXPECT_EQ(server.ok(args), file.ok(args)) << fmt::format("{}", fmt::join(listing, " "));
  }
  // New ids follow the copied ones.
  server.ok({"provider", "add", "After Copy Oy", "--country", "FI"});
  EXPECT_EQ(server.sql("SELECT id FROM provider WHERE name = 'After Copy Oy'"),
            std::to_string(std::stoll(file.sql("SELECT max(id) FROM provider")) + 1));
  server.ok({"spend", "add", "1", "--date", "2026-01-31", "--amount", "1.00"});
  EXPECT_EQ(server.sql("SELECT max(id) FROM spend"),
            std::to_string(std::stoll(file.sql("SELECT max(id) FROM spend")) + 1));

  // Only into an empty catalogue.
  const auto refused = server.run({"db", "copy", file.target(), server.target()});
  EXPECT_EQ(refused.status, 2);
  EXPECT_TRUE(one_error_line(refused)) << refused.err;
}
