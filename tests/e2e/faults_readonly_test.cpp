// A read-only catalogue file, and one in a read-only folder (where SQLite
// cannot create the -wal and -shm files), as an unprivileged user: root
// ignores file modes, so the binary runs as `nobody` through runuser. Reads
// (listings, reports, export) must work; a write must fail with one clear
// line, and nothing may be written.

#include "support/catalogue_files.hpp"
#include "support/process.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <vector>

using namespace vendorcat::test;

namespace {

namespace fs = std::filesystem;

const char* const runuser = "/usr/sbin/runuser";
const char* const unprivileged = "nobody";

class FaultReadOnly : public ::testing::Test
{
protected:
  void SetUp() override
  {
    if (geteuid() != 0) {
      GTEST_SKIP() << "needs root, to run vendorcat as '" << unprivileged << "' on files it cannot write";
    }
    if (!fs::exists(runuser)) {
      GTEST_SKIP() << runuser << " is not installed";
    }
    // Everything on the way is readable by the unprivileged user; the binary
    // is copied here in case the build folder is not.
    fs::permissions(dir.path(), fs::perms(0755));
    fs::create_directory(dir / "bin", dir.path());
    fs::copy_file(VENDORCAT_BIN, binary);
    fs::permissions(binary, fs::perms(0755));
    fs::create_directory(catalogue_dir);
    fs::permissions(catalogue_dir, fs::perms(0755));
    Cli cli(db);
    cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"});
    cli.ok({"provider", "add", "Read Only Oy", "--country", "FI"});
    cli.ok({"engagement", "add", "R1", "--provider", "Read Only Oy", "--service", "payroll",
            "--delivery-country", "EE", "--start", "2025-01-01"});
    cli.ok({"spend", "add", "R1", "--date", "2025-02-03", "--amount", "1234.56"});
    ASSERT_FALSE(fs::exists(db.string() + "-wal"));
    fs::permissions(db, fs::perms(0644));
    dump = dump_of(db);
  }

  // vendorcat --db DB ARGS as the unprivileged user.
  TimedOutput as_nobody(std::vector<std::string> args) const
  {
    std::vector<std::string> full{"-u", unprivileged, "--", binary.string(), "--db", db.string()};
    full.insert(full.end(), args.begin(), args.end());
    return run_with(runuser, full, RunOptions{});
  }

  void expect_reads_work() const
  {
    auto output = as_nobody({"provider", "list", "--format", "json"});
    EXPECT_EQ(output.status, 0) << output.err;
    EXPECT_NE(output.out.find("\"Read Only Oy\""), std::string::npos) << output.out;

    output = as_nobody({"report", "spend", "--period", "all", "--format", "csv"});
    EXPECT_EQ(output.status, 0) << output.err;
    EXPECT_NE(output.out.find("1234.56"), std::string::npos) << output.out;

    output = as_nobody({"export", "spend"});
    EXPECT_EQ(output.status, 0) << output.err;
    EXPECT_NE(output.out.find("R1,2025-02-03,1234.56"), std::string::npos) << output.out;

    // An export to a file the user may write.
    fs::create_directory(dir / "out");
    ASSERT_EQ(::chown((dir / "out").c_str(), 65534, 65534), 0);
    output = as_nobody({"export", "providers", "-o", (dir / "out" / "p.csv").string()});
    EXPECT_EQ(output.status, 0) << output.err;
    EXPECT_NE(read_file(dir / "out" / "p.csv").find("Read Only Oy"), std::string::npos);
  }

  void expect_write_refused() const
  {
    const auto output = as_nobody({"provider", "add", "Sneaky Oy", "--country", "FI"});
    EXPECT_NE(output.status, 0);
    const auto lines = lines_of(output.err);
    ASSERT_EQ(lines.size(), 1u) << output.err;
    EXPECT_TRUE(lines[0].starts_with("vendorcat: error: ")) << lines[0];
    const auto said = lines[0].find("read-only") != std::string::npos ||
                      lines[0].find("read only") != std::string::npos ||
                      lines[0].find("readonly") != std::string::npos;
    EXPECT_TRUE(said) << "the message does not say the catalogue is read-only: " << lines[0];
  }

  void expect_nothing_written() const
  {
    EXPECT_TRUE(dump_of(db) == dump) << "the catalogue changed";
    struct stat info = {};
    ASSERT_EQ(stat(db.c_str(), &info), 0);
    EXPECT_EQ(info.st_uid, 0u);
    EXPECT_EQ(info.st_mode & 0777, 0644u);
  }

  TempDir dir;
  fs::path binary = dir / "bin" / "vendorcat";
  fs::path catalogue_dir = dir / "catalogue";
  fs::path db = catalogue_dir / "c.db";
  std::string dump;
};

} // namespace

TEST_F(FaultReadOnly, ReadOnlyFileInAWritableFolder)
{
  // The user may create files beside the catalogue (-wal, -shm) but not write it.
  ASSERT_EQ(::chown(catalogue_dir.c_str(), 65534, 65534), 0);
  expect_reads_work();
  expect_write_refused();
  expect_nothing_written();
}

TEST_F(FaultReadOnly, ReadOnlyFileInAReadOnlyFolder)
{
  // Defect 10: reads failed with "attempt to write a readonly database".
  expect_reads_work();
  expect_write_refused();
  expect_nothing_written();
  EXPECT_FALSE(fs::exists(db.string() + "-wal"));
}
