#include "domain/errors.hpp"
#include "store/sqlite/file.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <sys/stat.h>

using namespace vendorcat;
using namespace vendorcat::store::sqlite;

namespace {

mode_t mode_of(const std::filesystem::path& path)
{
  struct stat info
  {
  };
  EXPECT_EQ(::stat(path.c_str(), &info), 0) << path;
  return info.st_mode & 0777;
}

// Sets the umask for the life of the object.
class Umask
{
public:
  explicit Umask(mode_t mask) : m_old(::umask(mask)) {}
  ~Umask() { ::umask(m_old); }

private:
  mode_t m_old;
};

} // namespace

TEST(CatalogueFile, TellsMissingEmptyAndFilled)
{
  test::TempDir dir;
  EXPECT_EQ(inspect_catalogue_file(dir / "none.db"), FileState::missing);
  test::write_file(dir / "empty.db", "");
  EXPECT_EQ(inspect_catalogue_file(dir / "empty.db"), FileState::empty);
  test::write_file(dir / "full.db", "x");
  EXPECT_EQ(inspect_catalogue_file(dir / "full.db"), FileState::file);
  std::filesystem::create_symlink(dir / "full.db", dir / "link.db");
  EXPECT_EQ(inspect_catalogue_file(dir / "link.db"), FileState::file);
}

TEST(CatalogueFile, RefusesAnythingButARegularFile)
{
  test::TempDir dir;
  EXPECT_THROW(inspect_catalogue_file(dir.path()), UsageError);
  EXPECT_THROW(inspect_catalogue_file("/dev/null"), UsageError);
  ASSERT_EQ(::mkfifo((dir / "fifo").c_str(), 0600), 0);
  EXPECT_THROW(inspect_catalogue_file(dir / "fifo"), UsageError);
  test::write_file(dir / "file", "x");
  EXPECT_THROW(inspect_catalogue_file(dir / "file" / "c.db"), UsageError);
}

TEST(CatalogueFile, CreatesPrivatelyWhateverTheUmask)
{
  test::TempDir dir;
  const Umask open_umask(0);
  create_private_file(dir / "a" / "b" / "c.db");
  EXPECT_EQ(mode_of(dir / "a"), 0700);
  EXPECT_EQ(mode_of(dir / "a" / "b"), 0700);
  EXPECT_EQ(mode_of(dir / "a" / "b" / "c.db"), 0600);
  const Umask strict_umask(0277);
  create_private_file(dir / "d.db");
  EXPECT_EQ(mode_of(dir / "d.db"), 0600);
}

TEST(CatalogueFile, SeesAWriteAheadLogOnlyWhenItHoldsSomething)
{
  test::TempDir dir;
  EXPECT_FALSE(has_write_ahead_log(dir / "c.db"));
  test::write_file(dir / "c.db-wal", "");
  EXPECT_FALSE(has_write_ahead_log(dir / "c.db"));
  test::write_file(dir / "c.db-wal", "frames");
  EXPECT_TRUE(has_write_ahead_log(dir / "c.db"));
}
