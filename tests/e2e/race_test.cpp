// Writers that race: eight processes at once, a hundred writes each, on one
// catalogue (a file, or in the suite's PostgreSQL run a server database):
// spend lines added to the same engagement and month, the same
// engagement's type flipped (which moves its spend between BPO and KPO in
// the roll-up), spend files imported. Every write must land with nothing
// printed, and the roll-up must equal the lines afterwards.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <sys/wait.h>
#include <vector>

using namespace vendorcat::test;

namespace {

constexpr int workers = 8;
constexpr int writes_per_worker = 100;
constexpr int spend_workers = 6; // then one flipping the type, one importing

// The writes of worker W, run one after another; each failure is appended
// to LOG. Returns the number of failures.
int run_worker(const Cli& cli, int w, const TempDir& dir, const std::string& log)
{
  int failures = 0;
  std::ofstream out(log, std::ios::app);
  for (int i = 0; i < writes_per_worker; ++i) {
    std::vector<std::string> args;
    std::string file;
    if (w < spend_workers) {
      args = {"--quiet",  "spend",
              "add",      "E-1",
              "--date",   fmt::format("2025-03-{:02}", 1 + i % 28),
              "--amount", fmt::format("{}.{}", w + 1, 10 + i % 90),
              "--ref",    fmt::format("W{}-{}", w, i)};
    } else if (w == spend_workers) {
      args = {"--quiet", "engagement", "update", "E-1", "--type", i % 2 == 0 ? "KPO" : "BPO"};
    } else {
      file = (dir / fmt::format("import-{}.csv", i)).string();
      std::ofstream(file) << "engagement,date,amount,currency,reference\n"
                          << "E-1,2025-03-15,10.00,EUR,I-" << i << "-a\n"
                          << "E-2,2025-03-15,20.00,EUR,I-" << i << "-b\n";
      args = {"--quiet", "import", "spend", file};
    }
    const auto output = cli.run(args);
    if (output.status != 0 || !output.err.empty()) {
      ++failures;
      out << fmt::format("worker {} write {}: exit {}: {}\n", w, i, output.status, output.err);
    }
  }
  return failures;
}

// The sum of the amounts of worker W's spend lines, in cents.
long long expected_cents(int w)
{
  long long cents = 0;
  for (int i = 0; i < writes_per_worker; ++i) {
    cents += (w + 1) * 100 + 10 + i % 90;
  }
  return cents;
}

} // namespace

TEST(RaceE2E, EightWritersAtOnceLoseNothingAndCountNothingTwice)
{
  TempDir dir;
  Cli cli(dir / "c.db");
  cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
  cli.ok({"provider", "add", "Race Oy", "--country", "FI"});
  for (const std::string ref : {"E-1", "E-2"}) {
    cli.ok({"engagement", "add", ref, "--provider", "Race Oy", "--service", "payroll", "--delivery-country",
            "EE", "--start", "2025-01-01"});
  }
  const auto log = (dir / "failures.log").string();

  std::vector<pid_t> children;
  for (int w = 0; w < workers; ++w) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      _exit(run_worker(cli, w, dir, log) == 0 ? 0 : 1);
    }
    children.push_back(pid);
  }
  int failed_workers = 0;
  for (const pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    failed_workers += WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
  }
  std::ifstream failures(log);
  const std::string printed((std::istreambuf_iterator<char>(failures)), std::istreambuf_iterator<char>());
  EXPECT_EQ(failed_workers, 0) << printed;
  EXPECT_EQ(printed, "");

  // Every write present.
  long long cents = 0;
  for (int w = 0; w < spend_workers; ++w) {
    cents += expected_cents(w);
  }
  cents += writes_per_worker * (1000 + 2000);
  EXPECT_EQ(cli.count("spend"), spend_workers * writes_per_worker + 2 * writes_per_worker);
  EXPECT_EQ(cli.sql("SELECT sum(amount) FROM spend"), std::to_string(cents));
  EXPECT_EQ(cli.sql("SELECT type FROM engagement WHERE ref = 'E-1'"), "BPO"); // the last flip
  // The roll-up equal to the lines, at both levels.
  EXPECT_EQ(cli.sql("SELECT sum(amount) || '|' || sum(lines) FROM spend_monthly"),
            fmt::format("{}|{}", cents, cli.count("spend")));
  EXPECT_EQ(cli.sql("SELECT sum(amount) || '|' || sum(lines) FROM spend_by_class"),
            fmt::format("{}|{}", cents, cli.count("spend")));
  EXPECT_EQ(cli.sql("SELECT type || '|' || sum(amount) FROM spend_by_class GROUP BY type"),
            fmt::format("BPO|{}", cents));
  const auto check = cli.run({"db", "check"});
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  const auto report = cli.json({"report", "spend", "--by", "type", "--period", "all"});
  ASSERT_EQ(report.size(), 1u);
  EXPECT_EQ(report[0]["type"], "BPO");
  EXPECT_EQ(report[0]["lines"], cli.count("spend"));
}
