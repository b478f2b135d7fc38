// kill -9 at chosen points of a large spend import and of `db backup`.
// Kill points are spread over the run: fractions of a full run measured
// first on the same data, and (for the import) the moments the -wal file
// reaches given sizes, which land inside the writing of the commit, and the
// moment the catalogue file grows, inside the checkpoint after it. After
// each kill the catalogue must pass `db check` and hold all the lines or none;
// a backup's destination must be absent or a complete, sound copy, and an
// existing destination replaced with --force must be the old file or the
// complete new one.

#include "support/catalogue_files.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace vendorcat::test;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::uint64_t spend_lines = 300'000;

// When to kill: once AFTER has passed since the start, or once WATCHED has
// reached SIZE bytes.
struct KillPoint
{
  std::string name;
  std::chrono::microseconds after{0};
  fs::path watched;
  std::uintmax_t size = 0;
};

struct Run
{
  bool killed = false; // still running when the kill came
  int status = -1;
};

std::uintmax_t size_of(const fs::path& path)
{
  std::error_code error;
  const auto size = fs::file_size(path, error);
  return error ? 0 : size;
}

Run run_and_kill(const std::vector<std::string>& args, const KillPoint& point)
{
  const auto start = Clock::now();
  Background child(VENDORCAT_BIN, args);
  while (!child.finished()) {
    const bool due =
      point.watched.empty() ? Clock::now() - start >= point.after : size_of(point.watched) >= point.size;
    if (due) {
      return {true, child.kill_and_wait()};
    }
    std::this_thread::sleep_for(std::chrono::microseconds(500));
  }
  return {false, child.wait()};
}

// How long ARGS takes to run to the end, and its exit status.
std::pair<std::chrono::microseconds, int> measure(const std::vector<std::string>& args)
{
  const auto start = Clock::now();
  Background child(VENDORCAT_BIN, args);
  const int status = child.wait();
  return {std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start), status};
}

std::vector<KillPoint> fractions_of(std::chrono::microseconds full, const std::vector<double>& fractions)
{
  std::vector<KillPoint> points;
  for (const double fraction : fractions) {
    points.push_back(
      {std::to_string(static_cast<int>(fraction * 100)) + "% of a full run",
       std::chrono::microseconds(static_cast<long long>(static_cast<double>(full.count()) * fraction)),
       {},
       0});
  }
  return points;
}

void remove_catalogue(const fs::path& db)
{
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(db.string() + suffix);
  }
}

// A catalogue holding the generated records and all SPEND_LINES lines.
fs::path full_catalogue(const TempDir& dir, const GeneratedCatalogue& generated)
{
  const auto full = dir / "full.db";
  fs::copy_file(generated.base, full);
  const auto output =
    run_with(VENDORCAT_BIN, {"--db", full.string(), "-q", "import", "spend", generated.spend_csv.string()},
             RunOptions{});
  if (output.status != 0) {
    throw std::runtime_error("import spend: " + output.err);
  }
  return full;
}

} // namespace

TEST(FaultKill, SpendImportIsAllOrNothing)
{
  TempDir dir;
  const auto generated = generate_catalogue(dir.path(), spend_lines);
  const auto measured = dir / "measured.db";
  fs::copy_file(generated.base, measured);
  const auto [full_run, full_status] =
    measure({"--db", measured.string(), "-q", "import", "spend", generated.spend_csv.string()});
  ASSERT_EQ(full_status, 0);
  ASSERT_EQ(row_count(measured, "spend"), static_cast<long long>(spend_lines));
  remove_catalogue(measured);

  auto points = fractions_of(full_run, {0.1, 0.3, 0.5, 0.7, 0.9, 0.97});
  const auto target = dir / "target.db";
  // While the commit writes the -wal ...
  const auto wal = fs::path(target.string() + "-wal");
  for (const std::uintmax_t size :
       {std::uintmax_t{64} << 10, std::uintmax_t{4} << 20, std::uintmax_t{16} << 20}) {
    points.push_back({"-wal at " + std::to_string(size >> 10) + " KiB", {}, wal, size});
  }
  // ... and while the checkpoint after it copies the lines into the file.
  points.push_back({"catalogue file at 8 MiB", {}, target, std::uintmax_t{8} << 20});

  int killed = 0;
  int all = 0;
  for (const auto& point : points) {
    SCOPED_TRACE(point.name);
    fs::copy_file(generated.base, target);
    const auto run =
      run_and_kill({"--db", target.string(), "-q", "import", "spend", generated.spend_csv.string()}, point);
    const auto lines = row_count(target, "spend");
    EXPECT_TRUE(lines == 0 || lines == static_cast<long long>(spend_lines))
      << lines << " lines after the kill";
    if (!run.killed) {
      EXPECT_EQ(run.status, 0);
      EXPECT_EQ(lines, static_cast<long long>(spend_lines));
    }
    std::string check;
    EXPECT_TRUE(check_passes(target, &check)) << check;
    killed += run.killed ? 1 : 0;
    all += lines == static_cast<long long>(spend_lines) ? 1 : 0;
    remove_catalogue(target);
  }
  std::cout << "import of " << spend_lines << " lines (" << full_run.count() / 1000
            << " ms): " << points.size() << " kill points, " << killed << " killed mid-run, " << all
            << " with all lines, " << points.size() - static_cast<std::size_t>(all) << " with none\n";
  EXPECT_GE(killed, 5) << "too few kills landed inside the import to prove anything";
}

TEST(FaultKill, BackupIsCompleteOrAbsent)
{
  TempDir dir;
  const auto generated = generate_catalogue(dir.path(), spend_lines);
  const auto source = full_catalogue(dir, generated);
  const auto source_dump = dump_of(source);
  const auto measured = dir / "measured.db";
  const auto [full_run, full_status] =
    measure({"--db", source.string(), "-q", "db", "backup", measured.string()});
  ASSERT_EQ(full_status, 0);
  ASSERT_EQ(row_count(measured, "spend"), static_cast<long long>(spend_lines));
  remove_catalogue(measured);

  int killed = 0;
  int complete = 0;
  const auto points = fractions_of(full_run, {0.05, 0.2, 0.4, 0.6, 0.8, 0.95});
  for (const auto& point : points) {
    SCOPED_TRACE(point.name);
    const auto dest = dir / "copy.db";
    const auto run = run_and_kill({"--db", source.string(), "-q", "db", "backup", dest.string()}, point);
    if (!run.killed) {
      EXPECT_EQ(run.status, 0);
    }
    if (fs::exists(dest)) {
      EXPECT_EQ(row_count(dest, "spend"), static_cast<long long>(spend_lines))
        << "the destination exists but is not a complete copy (" << fs::file_size(dest) << " bytes)";
      std::string check;
      EXPECT_TRUE(check_passes(dest, &check)) << check;
      ++complete;
    } else {
      EXPECT_TRUE(run.killed) << "a backup that ran to the end left no destination";
    }
    killed += run.killed ? 1 : 0;
    remove_catalogue(dest);
  }
  EXPECT_EQ(dump_of(source), source_dump) << "the source changed";
  EXPECT_TRUE(check_passes(source));
  std::cout << "backup of " << fs::file_size(source) << " bytes (" << full_run.count() / 1000
            << " ms): " << points.size() << " kill points, " << killed << " killed mid-run, " << complete
            << " left a destination\n";
  EXPECT_GE(killed, 3) << "too few kills landed inside the backup to prove anything";
}

TEST(FaultKill, BackupOverAnExistingFileKeepsTheOldOrTheNew)
{
  TempDir dir;
  const auto generated = generate_catalogue(dir.path(), spend_lines);
  const auto source = full_catalogue(dir, generated);
  // The file being replaced: a sound catalogue of its own, kept byte for byte.
  const auto old_db = dir / "old.db";
  ASSERT_EQ(run_with(VENDORCAT_BIN, {"--db", old_db.string(), "-q", "db", "init", "--home-country", "SE"},
                     RunOptions{})
              .status,
            0);
  const auto old_bytes = read_file(old_db);
  const auto dest = dir / "copy.db";
  write_file(dest, old_bytes);
  const auto [full_run, full_status] =
    measure({"--db", source.string(), "-q", "db", "backup", "--force", dest.string()});
  ASSERT_EQ(full_status, 0);
  ASSERT_EQ(row_count(dest, "spend"), static_cast<long long>(spend_lines));
  remove_catalogue(dest);

  int killed = 0;
  int kept = 0;
  const auto points = fractions_of(full_run, {0.05, 0.2, 0.4, 0.6, 0.8, 0.95});
  for (const auto& point : points) {
    SCOPED_TRACE(point.name);
    write_file(dest, old_bytes);
    const auto run =
      run_and_kill({"--db", source.string(), "-q", "db", "backup", "--force", dest.string()}, point);
    ASSERT_TRUE(fs::exists(dest)) << "neither the old file nor a new one is left";
    if (read_file(dest) == old_bytes) {
      EXPECT_TRUE(run.killed) << "a backup that ran to the end left the old file";
      ++kept;
    } else {
      EXPECT_EQ(row_count(dest, "spend"), static_cast<long long>(spend_lines))
        << "the destination is neither the old file nor a complete copy (" << fs::file_size(dest)
        << " bytes)";
      std::string check;
      EXPECT_TRUE(check_passes(dest, &check)) << check;
    }
    killed += run.killed ? 1 : 0;
    remove_catalogue(dest);
  }
  std::cout << "backup --force over an existing file (" << full_run.count() / 1000
            << " ms): " << points.size() << " kill points, " << killed << " killed mid-run, " << kept
            << " kept the old file\n";
  EXPECT_GE(killed, 3) << "too few kills landed inside the backup to prove anything";
}
