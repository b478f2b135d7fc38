// A full disk: a file size limit (RLIMIT_FSIZE, what `ulimit -f` sets) during
// an import, an export and an HTML report over an existing file, and a
// backup; then a 2 MiB tmpfs where mounting is allowed. Each must exit 1 with
// one line naming what failed (not die of SIGXFSZ, exit 153), leave the
// catalogue sound and unchanged, leave an existing output file intact and no
// temporary file behind.

#include "support/catalogue_files.hpp"
#include "support/process.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/mount.h>
#include <vector>

using namespace vendorcat::test;

namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t spend_lines = 100'000;
const std::string precious = "PRECIOUS\n";

// The names in FOLDER, sorted.
std::vector<std::string> names_in(const fs::path& folder)
{
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// Whether PATH still holds exactly EXPECTED (without printing megabytes).
::testing::AssertionResult holds(const fs::path& path, const std::string& expected)
{
  const auto content = read_file(path);
  if (content == expected) {
    return ::testing::AssertionSuccess();
  }
  auto start = content.substr(0, 60);
  for (auto& c : start) {
    c = c >= 0x20 && c < 0x7f ? c : '.';
  }
  return ::testing::AssertionFailure() << path << " now holds " << content.size() << " bytes starting '"
                                       << start << "', not the old " << expected.size() << " bytes";
}

// Exit 1 with one error line that names NAME (a file), not a signal.
void expect_one_line_naming(const TimedOutput& output, const std::string& name)
{
  EXPECT_NE(output.status, 128 + SIGXFSZ) << "killed by SIGXFSZ";
  EXPECT_EQ(output.status, 1) << output.err;
  const auto lines = lines_of(output.err);
  ASSERT_EQ(lines.size(), 1u) << output.err;
  EXPECT_TRUE(lines[0].starts_with("vendorcat: error: ")) << lines[0];
  EXPECT_NE(lines[0].find(name), std::string::npos)
    << "the message does not name " << name << ": " << lines[0];
}

class FaultFullDisk : public ::testing::Test
{
protected:
  void SetUp() override
  {
    generated = generate_catalogue(dir.path(), spend_lines);
    full = dir / "full.db";
    fs::copy_file(generated.base, full);
    const auto output =
      run_with(VENDORCAT_BIN, {"--db", full.string(), "-q", "import", "spend", generated.spend_csv.string()},
               RunOptions{});
    ASSERT_EQ(output.status, 0) << output.err;
    full_dump = dump_of(full);
    fs::create_directory(out);
  }

  // vendorcat ARGS with writes limited to LIMIT bytes per file.
  TimedOutput limited(std::vector<std::string> args, std::uint64_t limit) const
  {
    RunOptions options;
    options.file_size_limit = limit;
    return run_with(VENDORCAT_BIN, args, options);
  }

  void expect_catalogue_intact(const fs::path& db, const std::string& dump) const
  {
    std::string check;
    EXPECT_TRUE(check_passes(db, &check)) << check;
    EXPECT_TRUE(dump_of(db) == dump) << "the catalogue's dump changed";
  }

  TempDir dir;
  GeneratedCatalogue generated;
  fs::path full;
  std::string full_dump;
  fs::path out = dir / "out";
};

// A tmpfs of SIZE mounted at PATH for the life of the object, when allowed.
class SmallTmpfs
{
public:
  SmallTmpfs(const fs::path& path, const std::string& size) : m_path(path)
  {
    fs::create_directories(path);
    if (::mount("tmpfs", path.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0) {
      m_mounted = true;
    } else {
      m_error = std::strerror(errno);
    }
  }
  SmallTmpfs(const SmallTmpfs&) = delete;
  SmallTmpfs& operator=(const SmallTmpfs&) = delete;
  ~SmallTmpfs()
  {
    if (m_mounted) {
      ::umount2(m_path.c_str(), MNT_DETACH);
    }
  }

  bool mounted() const { return m_mounted; }
  const std::string& error() const { return m_error; }

private:
  fs::path m_path;
  bool m_mounted = false;
  std::string m_error;
};

} // namespace

TEST_F(FaultFullDisk, ImportUnderAFileSizeLimitFailsCleanly)
{
  const auto db = dir / "import.db";
  fs::copy_file(generated.base, db);
  const auto dump = dump_of(db);
  const auto output = limited({"--db", db.string(), "import", "spend", generated.spend_csv.string()},
                              fs::file_size(db) + (256 << 10));
  expect_one_line_naming(output, "import.db");
  expect_catalogue_intact(db, dump);
  EXPECT_EQ(row_count(db, "spend"), 0);
}

TEST_F(FaultFullDisk, ExportOverAnExistingFileKeepsIt)
{
  write_file(out / "keep.csv", precious);
  const auto output = limited(
    {"--db", full.string(), "export", "spend", "--force", "-o", (out / "keep.csv").string()}, 64 << 10);
  expect_one_line_naming(output, "keep.csv");
  EXPECT_TRUE(holds(out / "keep.csv", precious)) << "the old file was overwritten";
  EXPECT_EQ(names_in(out), std::vector<std::string>{"keep.csv"}) << "a temporary file was left behind";
  expect_catalogue_intact(full, full_dump);
}

TEST_F(FaultFullDisk, ReportHtmlOverAnExistingFileKeepsIt)
{
  const auto whole = run_with(
    VENDORCAT_BIN, {"--db", full.string(), "-q", "report", "html", "-o", (dir / "whole.html").string()},
    RunOptions{});
  ASSERT_EQ(whole.status, 0) << whole.err;
  const auto size = fs::file_size(dir / "whole.html");
  ASSERT_GT(size, 4096u);
  write_file(out / "keep.html", precious);
  // Opening the catalogue maps a 32 KiB WAL index, which the limit must
  // allow; one byte short of the page fails its write.
  const std::uint64_t limit = size - 1;
  ASSERT_GT(limit, 32u * 1024) << "the page must be larger than what opening the catalogue writes";
  const auto output =
    limited({"--db", full.string(), "report", "html", "--force", "-o", (out / "keep.html").string()}, limit);
  expect_one_line_naming(output, "keep.html");
  EXPECT_TRUE(holds(out / "keep.html", precious)) << "the old file was overwritten";
  EXPECT_EQ(names_in(out), std::vector<std::string>{"keep.html"}) << "a temporary file was left behind";
  expect_catalogue_intact(full, full_dump);
}

TEST_F(FaultFullDisk, BackupUnderAFileSizeLimitLeavesNoDestination)
{
  const auto limit = fs::file_size(full) / 2;
  auto output = limited({"--db", full.string(), "db", "backup", (out / "copy.db").string()}, limit);
  expect_one_line_naming(output, "copy.db");
  EXPECT_TRUE(names_in(out).empty()) << "left behind: " << names_in(out).front();

  write_file(out / "old.db", precious);
  output = limited({"--db", full.string(), "db", "backup", "--force", (out / "old.db").string()}, limit);
  expect_one_line_naming(output, "old.db");
  EXPECT_TRUE(holds(out / "old.db", precious)) << "the old file was replaced by a partial copy";
  EXPECT_EQ(names_in(out), std::vector<std::string>{"old.db"}) << "a temporary file was left behind";
  expect_catalogue_intact(full, full_dump);
}

TEST_F(FaultFullDisk, SmallTmpfsRefusesCleanly)
{
  SmallTmpfs small(dir / "small", "2m");
  if (!small.mounted()) {
    GTEST_SKIP() << "cannot mount a tmpfs here (" << small.error() << "); run as root where mount is allowed";
  }
  // An import that outgrows the file system.
  const auto db = dir / "small" / "c.db";
  fs::copy_file(generated.base, db);
  const auto dump = dump_of(db);
  auto output = run_with(
    VENDORCAT_BIN, {"--db", db.string(), "import", "spend", generated.spend_csv.string()}, RunOptions{});
  expect_one_line_naming(output, "c.db");
  expect_catalogue_intact(db, dump);
  fs::remove(db.string() + "-wal");
  fs::remove(db.string() + "-shm");

  // An export over an existing file that does not fit beside it.
  write_file(dir / "small" / "keep.csv", precious);
  output = run_with(
    VENDORCAT_BIN,
    {"--db", full.string(), "export", "spend", "--force", "-o", (dir / "small" / "keep.csv").string()},
    RunOptions{});
  expect_one_line_naming(output, "keep.csv");
  EXPECT_TRUE(holds(dir / "small" / "keep.csv", precious)) << "the old file was overwritten";
  EXPECT_EQ(names_in(dir / "small"), (std::vector<std::string>{"c.db", "keep.csv"}))
    << "a temporary file was left behind";

  // A backup that does not fit.
  output =
    run_with(VENDORCAT_BIN, {"--db", full.string(), "db", "backup", (dir / "small" / "copy.db").string()},
             RunOptions{});
  expect_one_line_naming(output, "copy.db");
  EXPECT_EQ(names_in(dir / "small"), (std::vector<std::string>{"c.db", "keep.csv"}))
    << "a partial backup was left behind";
  expect_catalogue_intact(full, full_dump);
}
