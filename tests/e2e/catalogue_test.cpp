// End-to-end scenarios for the catalogue file, settings and the service
// taxonomy, through the real binary on temporary catalogues.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

using namespace vendorcat::test;

namespace {

bool one_error_line(const Output& output)
{
  return output.err.rfind("vendorcat: error: ", 0) == 0 && output.err.find('\n') == output.err.size() - 1;
}

} // namespace

TEST(CatalogueE2E, InitCreatesAPrivateWalCatalogue)
{
  TempDir dir;
  Cli cli(dir / "nested" / "folder" / "c.db");
  cli.ok({"db", "init", "--home-country", "fi", "--base-currency", "eur"});
  if (!cli.on_server()) {
    struct stat info
    {
    };
    ASSERT_EQ(stat(cli.db().c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600);
    EXPECT_EQ(cli.sql("PRAGMA journal_mode"), "wal");
  }
  EXPECT_EQ(cli.ok({"config", "get", "home-country"}), "FI\n");
  EXPECT_EQ(cli.ok({"config", "get", "base-currency"}), "EUR\n");
  // Idempotent.
  cli.ok({"db", "init"});
  EXPECT_EQ(cli.ok({"config", "get", "home-country"}), "FI\n");
}

TEST(CatalogueE2E, DefaultPathComesFromTheEnvironment)
{
  TempDir dir;
  const auto path = (dir / "data").string();
  auto output =
    run_program("/usr/bin/env", {"-u", "VENDORCAT_DB", "XDG_DATA_HOME=" + path, VENDORCAT_BIN, "db", "init"});
  ASSERT_EQ(output.status, 0) << output.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "data" / "vendorcat" / "catalogue.db"));
  output = run_program("/usr/bin/env",
                       {"VENDORCAT_DB=" + (dir / "env.db").string(), VENDORCAT_BIN, "service", "list"});
  ASSERT_EQ(output.status, 0) << output.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "env.db"));
}

TEST(CatalogueE2E, ServiceListShowsTheTaxonomyInEveryFormat)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  const auto services = cli.json({"service", "list"});
  ASSERT_EQ(services.size(), 16u);
  EXPECT_EQ(services[0]["code"], "customer-service");
  EXPECT_EQ(services[0]["type"], "BPO");
  EXPECT_TRUE(services[0]["parent"].is_null());
  int kpo = 0;
  for (const auto& service : services) {
    kpo += service["type"] == "KPO" ? 1 : 0;
    if (service["code"] == "payroll") {
      EXPECT_EQ(service["parent"], "human-resources");
    }
    if (service["code"] == "market-research") {
      EXPECT_EQ(service["type"], "KPO");
    }
  }
  EXPECT_EQ(kpo, 7);

  const auto csv = cli.ok({"service", "list", "--format", "csv"});
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "id,code,name,type,parent");
  EXPECT_NE(csv.find("1,customer-service,\"Customer service (call centre, help desk)\",BPO,\n"),
            std::string::npos)
    << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 17);

  const auto jsonl = cli.ok({"service", "list", "--format", "jsonl"});
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 16);
  const auto table = cli.ok({"service", "list", "--type", "kpo"});
  EXPECT_NE(table.find("market-research"), std::string::npos);
  EXPECT_EQ(table.find("payroll"), std::string::npos);
}

TEST(CatalogueE2E, ServiceAddValidatesAndAdds)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  cli.ok({"service", "add", "claims-processing", "--name", "Claims processing", "--type", "bpo", "--parent",
          "finance-accounting"});
  const auto services = cli.json({"service", "list"});
  ASSERT_EQ(services.size(), 17u);
  EXPECT_EQ(services[16]["parent"], "finance-accounting");

  for (const auto& args : std::vector<std::vector<std::string>>{
         {"service", "add", "claims-processing", "--name", "Again", "--type", "BPO"},
         {"service", "add", "Bad Code!", "--name", "X", "--type", "BPO"},
         {"service", "add", "x-ray", "--name", "X", "--type", "TPO"},
         {"service", "add", "x-ray", "--name", "X", "--type", "BPO", "--parent", "finance"}}) {
    const auto output = cli.run(args);
    EXPECT_EQ(output.status, 2) << args[2] << ": " << output.err;
    EXPECT_TRUE(one_error_line(output)) << output.err;
  }
  EXPECT_EQ(cli.count("service"), 17);
  EXPECT_NE(
    cli.run({"service", "add", "x-ray", "--name", "X", "--type", "BPO", "--parent", "finance-acounting"})
      .err.find("did you mean 'finance-accounting'"),
    std::string::npos);
}

TEST(CatalogueE2E, ConfigSetValidatesAgainstReferenceData)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  cli.ok({"db", "init"});
  auto output = cli.run({"config", "set", "home-country", "ZZ"});
  EXPECT_EQ(output.status, 2);
  EXPECT_TRUE(one_error_line(output)) << output.err;
  EXPECT_NE(output.err.find("'ZZ'"), std::string::npos);
  EXPECT_EQ(cli.count("setting"), 0);
  EXPECT_EQ(cli.run({"config", "set", "base-currency", "EURO"}).status, 2);
  EXPECT_EQ(cli.run({"config", "set", "colour", "red"}).status, 2);

  cli.ok({"config", "set", "home-country", "FI"});
  EXPECT_EQ(cli.ok({"config", "get", "home-country"}), "FI\n");
  const auto settings = cli.json({"config", "list"});
  ASSERT_EQ(settings.size(), 2u);
  EXPECT_EQ(settings[0]["key"], "home-country");
  EXPECT_EQ(settings[0]["value"], "FI");
  EXPECT_TRUE(settings[1]["value"].is_null());
}

TEST(CatalogueE2E, NewerCatalogueIsRefusedNamingBothVersions)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  cli.ok({"db", "init"});
  const auto ours = cli.schema_version();
  cli.set_schema_version(4242);
  const auto output = cli.run({"service", "list"});
  EXPECT_EQ(output.status, 1);
  EXPECT_TRUE(one_error_line(output)) << output.err;
  EXPECT_NE(output.err.find("4242"), std::string::npos) << output.err;
  EXPECT_NE(output.err.find(ours), std::string::npos) << output.err;
  EXPECT_EQ(cli.schema_version(), "4242");
}

TEST(CatalogueE2E, RandomBytesAreRefusedWithOneLine)
{
  TempDir dir;
  std::string noise;
  for (int i = 0; i < 8192; ++i) {
    noise.push_back(static_cast<char>((i * 7919 + 13) % 251));
  }
  write_file(dir / "noise.db", noise);
  auto cli = Cli::file(dir / "noise.db");
  const auto output = cli.run({"service", "list"});
  EXPECT_EQ(output.status, 1);
  EXPECT_TRUE(one_error_line(output)) << output.err;
  EXPECT_EQ(read_file(dir / "noise.db"), noise);
}

TEST(CatalogueE2E, MigrateStatusAndMigrate)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  auto status = cli.json({"db", "migrate", "--status"});
  ASSERT_FALSE(status.empty());
  for (const auto& row : status) {
    EXPECT_EQ(row["state"], "pending");
  }
  cli.ok({"db", "migrate"});
  status = cli.json({"db", "migrate", "--status"});
  for (const auto& row : status) {
    EXPECT_EQ(row["state"], "applied");
  }
  EXPECT_EQ(cli.schema_version(), std::to_string(status.size()));
}

TEST(CatalogueE2E, CheckPassesOnASoundCatalogueAndFailsOnDamage)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  cli.ok({"db", "init"});
  EXPECT_EQ(cli.run({"db", "check"}).status, 0);
  if (cli.on_server()) {
    // The server keeps its foreign keys; a search document gone stale
    // behind vendorcat's back is what it cannot see.
    cli.ok({"provider", "add", "Acme", "--country", "FI"});
    cli.sql("UPDATE provider_search SET document = to_tsvector('simple', 'other')");
  } else {
    // A location pointing at a provider that does not exist (foreign keys off in sqlite3).
    cli.sql("INSERT INTO location (provider_id, country) VALUES (999, 'FI')");
  }
  const auto output = cli.run({"db", "check"});
  EXPECT_EQ(output.status, 1);
  EXPECT_NE(output.out.find(cli.on_server() ? "search index" : "location"), std::string::npos) << output.out;
}

TEST(CatalogueE2E, BackupWritesAConsistentCopy)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  cli.ok({"db", "init", "--home-country", "SE"});
  cli.ok({"db", "backup", (dir / "copy.db").string()});
  auto copy = Cli::file(dir / "copy.db"); // a file on either backend
  EXPECT_EQ(copy.ok({"config", "get", "home-country"}), "SE\n");
  EXPECT_EQ(copy.count("country"), 249);
  EXPECT_EQ(cli.run({"db", "backup", (dir / "copy.db").string()}).status, 2);
  EXPECT_EQ(cli.run({"db", "backup", "--force", (dir / "copy.db").string()}).status, 0);
}

TEST(CatalogueE2E, UsageErrorsExitTwo)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  for (const auto& args : std::vector<std::vector<std::string>>{{"no-such-noun"},
                                                                {"service", "list", "--type"},
                                                                {"service", "list", "--format", "xml"},
                                                                {"db"},
                                                                {}}) {
    const auto output = cli.run(args);
    EXPECT_EQ(output.status, 2) << output.err;
    EXPECT_TRUE(one_error_line(output)) << output.err;
  }
  EXPECT_EQ(cli.run({"--help"}).status, 0);
  EXPECT_NE(cli.ok({"--version"}).find("vendorcat"), std::string::npos);
}

TEST(CatalogueE2E, GlobalFlagsWorkAfterTheVerb)
{
  TempDir dir;
  const auto output =
    run_program(VENDORCAT_BIN, {"service", "list", "--format", "json", "--db", (dir / "c.db").string()});
  ASSERT_EQ(output.status, 0) << output.err;
  EXPECT_EQ(output.out.front(), '[');
}
