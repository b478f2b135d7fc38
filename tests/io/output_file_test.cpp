#include "domain/errors.hpp"
#include "io/output_file.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace vendorcat;
using namespace vendorcat::io;

namespace {

constexpr OutputPolicy replace_any{Replace::yes, NonRegular::write_through, FileMode::user_umask};

std::size_t files_in(const std::filesystem::path& dir)
{
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

} // namespace

TEST(OutputFile, ReplacesTheTargetOnlyOnCommit)
{
  test::TempDir dir;
  test::write_file(dir / "out.csv", "PRECIOUS");
  {
    OutputFile file(dir / "out.csv", {}, replace_any);
    file.stream() << "new content";
    EXPECT_EQ(test::read_file(dir / "out.csv"), "PRECIOUS");
    EXPECT_EQ(files_in(dir.path()), 2u); // the target and the temporary file beside it
    file.commit();
  }
  EXPECT_EQ(test::read_file(dir / "out.csv"), "new content");
  EXPECT_EQ(files_in(dir.path()), 1u);
}

TEST(OutputFile, LeavesTheOldFileAndNoTemporaryWithoutCommit)
{
  test::TempDir dir;
  test::write_file(dir / "out.csv", "PRECIOUS");
  {
    OutputFile file(dir / "out.csv", {}, replace_any);
    file.stream() << "half";
  }
  EXPECT_EQ(test::read_file(dir / "out.csv"), "PRECIOUS");
  EXPECT_EQ(files_in(dir.path()), 1u);
}

TEST(OutputFile, AFileSizeLimitFailsTheCommitAndKeepsTheOldFile)
{
  test::TempDir dir;
  test::write_file(dir / "out.csv", "PRECIOUS");
  rlimit old{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
  const auto previous_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  try {
    OutputFile file(dir / "out.csv", {}, replace_any);
    file.stream() << std::string(100'000, 'x');
    file.commit();
    ADD_FAILURE() << "the commit should fail";
  } catch (const IoError& error) {
    EXPECT_EQ(std::string(error.what()), "cannot write '" + (dir / "out.csv").string() + "': File too large");
  }
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, previous_handler);
  EXPECT_EQ(test::read_file(dir / "out.csv"), "PRECIOUS");
  EXPECT_EQ(files_in(dir.path()), 1u);
}

TEST(OutputFile, RefusesTheCatalogueThroughLinksAndOtherNames)
{
  test::TempDir dir;
  test::write_file(dir / "c.db", "catalogue");
  std::filesystem::create_symlink(dir / "c.db", dir / "link.html");
  std::filesystem::create_hard_link(dir / "c.db", dir / "hard.html");
  const auto protected_files = catalogue_files(dir / "c.db");
  for (const auto& target :
       {dir / "c.db", dir / "link.html", dir / "hard.html", dir / "c.db-wal", dir / "sub" / ".." / "c.db"}) {
    EXPECT_THROW(OutputFile(target, protected_files, replace_any), UsageError) << target;
  }
  EXPECT_EQ(test::read_file(dir / "c.db"), "catalogue");
}

TEST(OutputFile, WritesThroughALinkAndKeepsIt)
{
  test::TempDir dir;
  test::write_file(dir / "real.csv", "old");
  std::filesystem::create_symlink(dir / "real.csv", dir / "latest.csv");
  OutputFile file(dir / "latest.csv", {}, replace_any);
  file.stream() << "new";
  file.commit();
  EXPECT_TRUE(std::filesystem::is_symlink(dir / "latest.csv"));
  EXPECT_EQ(test::read_file(dir / "real.csv"), "new");
}

TEST(OutputFile, RefusesToReplaceUnlessAllowedAndOnlyARegularFile)
{
  test::TempDir dir;
  test::write_file(dir / "kept.db", "old");
  const OutputPolicy backup{Replace::no, NonRegular::refuse, FileMode::owner_only};
  EXPECT_THROW(OutputFile(dir / "kept.db", {}, backup), UsageError);
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_THROW(OutputFile(dir / "fifo", {}, {Replace::yes, NonRegular::refuse, FileMode::owner_only}),
               UsageError);
  std::filesystem::create_symlink("/dev/null", dir / "null.db");
  EXPECT_THROW(OutputFile(dir / "null.db", {}, {Replace::yes, NonRegular::refuse, FileMode::owner_only}),
               UsageError);
  EXPECT_THROW(OutputFile(dir.path(), {}, replace_any), UsageError);
  EXPECT_EQ(test::read_file(dir / "kept.db"), "old");
}

TEST(OutputFile, NewFilesFollowTheUmaskOrArePrivate)
{
  test::TempDir dir;
  const mode_t old_mask = ::umask(022);
  {
    OutputFile file(dir / "report.html", {}, replace_any);
    file.commit();
    OutputFile copy(dir / "copy.db", {}, {Replace::no, NonRegular::refuse, FileMode::owner_only});
    copy.commit();
  }
  ::umask(old_mask);
  struct stat info
  {
  };
  ASSERT_EQ(::stat((dir / "report.html").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0644);
  ASSERT_EQ(::stat((dir / "copy.db").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
}
