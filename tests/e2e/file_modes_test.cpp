// File modes whatever the umask (issue 10, defect 9): the catalogue stays
// private (file 0600, the folder vendorcat creates for it 0700), while
// exports and reports follow the user's umask as other tools' output does.

#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <vector>

using namespace vendorcat::test;

namespace {

namespace fs = std::filesystem;

// vendorcat ARGS under UMASK, through sh so that only the child's umask changes.
TimedOutput with_umask(const std::string& umask, std::vector<std::string> args)
{
  std::vector<std::string> full{"-c", "umask " + umask + " && exec \"$0\" \"$@\"", VENDORCAT_BIN};
  full.insert(full.end(), args.begin(), args.end());
  return run_with("/bin/sh", full, RunOptions{});
}

unsigned mode_of(const fs::path& path)
{
  struct stat info = {};
  EXPECT_EQ(stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 07777;
}

} // namespace

TEST(FileModes, TheDefaultCatalogueIsPrivateUnderUmask000)
{
  TempDir dir;
  std::vector<std::string> args{"-u",
                                "VENDORCAT_DB",
                                "HOME=" + (dir / "home").string(),
                                "XDG_DATA_HOME=" + (dir / "data").string(),
                                VENDORCAT_BIN,
                                "db",
                                "init"};
  std::vector<std::string> full{"-c", "umask 000 && exec /usr/bin/env \"$@\"", "sh"};
  full.insert(full.end(), args.begin(), args.end());
  const auto init = run_with("/bin/sh", full, RunOptions{});
  ASSERT_EQ(init.status, 0) << init.err;
  EXPECT_EQ(mode_of(dir / "data" / "vendorcat" / "catalogue.db"), 0600u);
  EXPECT_EQ(mode_of(dir / "data" / "vendorcat"), 0700u) << "the folder vendorcat made follows the umask";
}

TEST(FileModes, ANewCatalogueAndItsFoldersArePrivateUnderUmask000)
{
  TempDir dir;
  const auto db = dir / "a" / "b" / "c.db";
  const auto output = with_umask("000", {"--db", db.string(), "db", "init"});
  ASSERT_EQ(output.status, 0) << output.err;
  EXPECT_EQ(mode_of(db), 0600u);
  EXPECT_EQ(mode_of(dir / "a" / "b"), 0700u);
  EXPECT_EQ(mode_of(dir / "a"), 0700u);
}

TEST(FileModes, ExportsAndReportsFollowTheUmask)
{
  TempDir dir;
  const auto db = (dir / "c.db").string();
  ASSERT_EQ(
    with_umask("077", {"--db", db, "db", "init", "--home-country", "FI", "--base-currency", "EUR"}).status,
    0);
  for (const auto& [umask, mode] :
       std::vector<std::pair<std::string, unsigned>>{{"022", 0644u}, {"077", 0600u}}) {
    SCOPED_TRACE("umask " + umask);
    const auto csv = dir / ("services-" + umask + ".csv");
    auto output = with_umask(umask, {"--db", db, "export", "services", "-o", csv.string()});
    ASSERT_EQ(output.status, 0) << output.err;
    EXPECT_EQ(mode_of(csv), mode);
    const auto html = dir / ("report-" + umask + ".html");
    output = with_umask(umask, {"--db", db, "report", "html", "-o", html.string()});
    ASSERT_EQ(output.status, 0) << output.err;
    EXPECT_EQ(mode_of(html), mode);
  }
}
