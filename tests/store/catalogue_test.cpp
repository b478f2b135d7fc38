#include "domain/errors.hpp"
#include "store/catalogue.hpp"
#include "store/sql.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/sqlite_handle.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

using namespace vendorcat;
using store::Catalogue;
using store::Workload;
using store::WriteTransaction;

namespace {

// A spend line on an engagement that does not exist.
constexpr const char* orphan_spend = "INSERT INTO spend (engagement_id, date, amount, currency) "
                                     "VALUES (999, '2025-01-01', 100, 'EUR')";

int foreign_keys(Catalogue& catalogue)
{
  return test::sqlite_db(catalogue).execAndGet("PRAGMA foreign_keys").getInt();
}

// Whether the orphan spend line is refused for its foreign key (and not, say,
// because the catalogue is locked).
bool orphan_refused(Catalogue& catalogue)
{
  try {
    test::sqlite_db(catalogue).exec(orphan_spend);
  } catch (const SQLite::Exception& error) {
    return error.getExtendedErrorCode() == SQLITE_CONSTRAINT_FOREIGNKEY;
  }
  return false;
}

int spend_lines(Catalogue& catalogue)
{
  return test::sqlite_db(catalogue).execAndGet("SELECT count(*) FROM spend").getInt();
}

} // namespace

TEST(WriteTransaction, EnforcesForeignKeysByDefault)
{
  auto catalogue = test::migrated_catalogue();
  WriteTransaction transaction(catalogue);
  EXPECT_EQ(foreign_keys(catalogue), 1);
  EXPECT_TRUE(orphan_refused(catalogue));
}

TEST(WriteTransaction, BulkLoadSuspendsForeignKeysUntilCommit)
{
  auto catalogue = test::migrated_catalogue();
  {
    WriteTransaction transaction(catalogue, Workload::bulk_load);
    EXPECT_EQ(foreign_keys(catalogue), 0);
    test::sqlite_db(catalogue).exec(orphan_spend); // not checked inside
    test::sqlite_db(catalogue).exec("DELETE FROM spend");
    transaction.commit();
    EXPECT_EQ(foreign_keys(catalogue), 1); // at once, not only when the object goes
  }
  EXPECT_EQ(foreign_keys(catalogue), 1);
  EXPECT_TRUE(orphan_refused(catalogue));
  EXPECT_EQ(spend_lines(catalogue), 0);
}

TEST(WriteTransaction, BulkLoadEnforcesForeignKeysAgainAfterARollback)
{
  auto catalogue = test::migrated_catalogue();
  {
    WriteTransaction transaction(catalogue, Workload::bulk_load);
    EXPECT_EQ(foreign_keys(catalogue), 0);
    test::sqlite_db(catalogue).exec(orphan_spend);
  } // no commit: rolls back
  EXPECT_EQ(spend_lines(catalogue), 0);
  EXPECT_EQ(foreign_keys(catalogue), 1);
  EXPECT_TRUE(orphan_refused(catalogue));
  EXPECT_EQ(spend_lines(catalogue), 0);
}

TEST(WriteTransaction, BulkLoadEnforcesForeignKeysAgainWhenTheWriteCannotStart)
{
  test::TempDir dir;
  auto catalogue = Catalogue::open(dir / "c.db");
  store::migrate(catalogue);
  {
    auto other = Catalogue::open(dir / "c.db");
    WriteTransaction holding(other); // holds the write lock
    test::sqlite_db(catalogue).setBusyTimeout(0);
    EXPECT_THROW({ WriteTransaction transaction(catalogue, Workload::bulk_load); }, DatabaseError);
  }
  EXPECT_EQ(foreign_keys(catalogue), 1);
  EXPECT_TRUE(orphan_refused(catalogue));
  EXPECT_EQ(spend_lines(catalogue), 0);
}

TEST(RetryConflicts, RunsALostRaceAgainAndGivesUpAfterEightTries)
{
  int tries = 0;
  store::retry_conflicts([&] {
    if (++tries < 3) {
      throw store::TransactionConflict("could not serialize access");
    }
  });
  EXPECT_EQ(tries, 3);

  tries = 0;
  EXPECT_THROW(store::retry_conflicts([&] {
                 ++tries;
                 throw store::TransactionConflict("deadlock detected");
               }),
               store::TransactionConflict);
  EXPECT_EQ(tries, 8);

  // Any other failure is not run again.
  tries = 0;
  EXPECT_THROW(store::retry_conflicts([&] {
                 ++tries;
                 throw store::SqlError("disk I/O error");
               }),
               store::SqlError);
  EXPECT_EQ(tries, 1);
}
