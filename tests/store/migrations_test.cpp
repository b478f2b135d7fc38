#include "domain/errors.hpp"
#include "store/migrations.hpp"
#include "store/settings.hpp"
#include "store/spend.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/sqlite_handle.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <fstream>

using namespace vendorcat;
using store::Catalogue;
using store::Migration;

namespace {

int table_count(Catalogue& catalogue)
{
  return test::sqlite_db(catalogue)
    .execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")
    .getInt();
}

// Every schema object's SQL, in a stable order; FTS5 shadow tables excluded
// because the virtual table creates them.
std::string schema_of(Catalogue& catalogue)
{
  SQLite::Statement query(test::sqlite_db(catalogue),
                          "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL "
                          "AND name NOT LIKE 'sqlite_%' ORDER BY type, name");
  std::string schema;
  while (query.executeStep()) {
    schema += query.getColumn(0).getString() + " " + query.getColumn(1).getString() + ": " +
              query.getColumn(2).getString() + "\n";
  }
  return schema;
}

// The first VERSION builtin migrations, to build a catalogue as an older
// vendorcat left it.
std::vector<Migration> migrations_up_to(int version)
{
  const auto& all = store::builtin_migrations();
  return {all.begin(), all.begin() + version};
}

// The rows of QUERY, one line each with the columns joined by '|'.
std::string rows_of(Catalogue& catalogue, const std::string& query)
{
  SQLite::Statement statement(test::sqlite_db(catalogue), query);
  std::string rows;
  while (statement.executeStep()) {
    for (int i = 0; i < statement.getColumnCount(); ++i) {
      if (i > 0) {
        rows += '|';
      }
      rows += statement.getColumn(i).getString();
    }
    rows += "\n";
  }
  return rows;
}

int objects_named(Catalogue& catalogue, const std::string& type, const std::string& name)
{
  SQLite::Statement query(test::sqlite_db(catalogue),
                          "SELECT count(*) FROM sqlite_schema WHERE type = ? AND name = ?");
  query.bind(1, type);
  query.bind(2, name);
  query.executeStep();
  return query.getColumn(0).getInt();
}

} // namespace

TEST(Migrations, BuiltinSetIsNumberedFromOne)
{
  const auto& migrations = store::builtin_migrations();
  ASSERT_FALSE(migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
  }
}

TEST(Migrations, AppliesAllAndRecordsTheVersion)
{
  auto catalogue = Catalogue::open_in_memory();
  const int applied = store::migrate(catalogue);
  EXPECT_EQ(applied, static_cast<int>(store::builtin_migrations().size()));
  EXPECT_EQ(store::schema_version(catalogue), store::builtin_migrations().back().version);
  EXPECT_EQ(store::migrate(catalogue), 0);
}

TEST(Migrations, LoadsReferenceData)
{
  auto catalogue = Catalogue::open_in_memory();
  store::migrate(catalogue);
  auto& db = test::sqlite_db(catalogue);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM country").getInt(), 249);
  EXPECT_EQ(db.execAndGet("SELECT count(*) FROM service").getInt(), 16);
  EXPECT_EQ(db.execAndGet("SELECT region FROM country WHERE code = 'CY'").getString(), "Asia");
  EXPECT_EQ(db.execAndGet("SELECT region FROM country WHERE code = 'TR'").getString(), "Asia");
  EXPECT_EQ(db.execAndGet("SELECT region FROM country WHERE code = 'RU'").getString(), "Europe");
  EXPECT_EQ(db.execAndGet("SELECT region FROM country WHERE code = 'GL'").getString(), "Americas");
  EXPECT_EQ(db.execAndGet("SELECT sub_region FROM country WHERE code = 'MX'").getString(),
            "Latin America and the Caribbean");
  EXPECT_TRUE(db.execAndGet("SELECT region FROM country WHERE code = 'AQ'").isNull());
  EXPECT_EQ(db.execAndGet("SELECT minor_units FROM currency WHERE code = 'JPY'").getInt(), 0);
  EXPECT_EQ(db.execAndGet("SELECT minor_units FROM currency WHERE code = 'KWD'").getInt(), 3);
  EXPECT_EQ(db.execAndGet("SELECT minor_units FROM currency WHERE code = 'EUR'").getInt(), 2);
  EXPECT_EQ(db.execAndGet("SELECT p.code FROM service s JOIN service p ON p.id = s.parent_id "
                          "WHERE s.code = 'payroll'")
              .getString(),
            "human-resources");
}

TEST(Migrations, FailingMigrationLeavesTheCatalogueAsItWas)
{
  test::TempDir dir;
  const std::string good = "CREATE TABLE a (x INTEGER) STRICT;";
  const std::string bad = "CREATE TABLE b (y INTEGER) STRICT; INSERT INTO nowhere VALUES (1);";
  const std::vector<Migration> migrations{{1, "0001_a.sql", good}, {2, "0002_b.sql", bad}};
  {
    auto catalogue = Catalogue::open(dir / "c.db");
    try {
      store::migrate(catalogue, migrations);
      FAIL() << "the second migration should fail";
    } catch (const DatabaseError& error) {
      EXPECT_NE(std::string(error.what()).find("0002_b.sql"), std::string::npos) << error.what();
    }
  }
  auto catalogue = Catalogue::open(dir / "c.db");
  EXPECT_EQ(store::schema_version(catalogue), 1);
  EXPECT_EQ(table_count(catalogue), 1); // a, not b
}

TEST(Migrations, NewerCatalogueIsRefusedAndUntouched)
{
  auto catalogue = Catalogue::open_in_memory();
  test::sqlite_db(catalogue).exec("PRAGMA user_version = 999");
  try {
    store::migrate(catalogue);
    FAIL() << "a newer catalogue must be refused";
  } catch (const DatabaseError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("999"), std::string::npos) << message;
    EXPECT_NE(message.find(std::to_string(store::builtin_migrations().back().version)), std::string::npos)
      << message;
  }
  EXPECT_EQ(table_count(catalogue), 0);
}

TEST(Migrations, StatusListsAppliedAndPending)
{
  auto catalogue = Catalogue::open_in_memory();
  const std::vector<Migration> migrations{{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
                                          {2, "0002_b.sql", "CREATE TABLE b (x INTEGER);"}};
  store::migrate(catalogue, {migrations[0]});
  const auto states = store::migration_status(catalogue, migrations);
  ASSERT_EQ(states.size(), 2u);
  EXPECT_TRUE(states[0].applied);
  EXPECT_FALSE(states[1].applied);
}

TEST(Migrations, AllMigrationsGiveExactlyTheSchemaFile)
{
  auto migrated = Catalogue::open_in_memory();
  store::migrate(migrated);

  std::ifstream file(std::string(VENDORCAT_SOURCE_DIR) + "/schema/catalogue.sql");
  ASSERT_TRUE(file) << "schema/catalogue.sql is missing";
  const std::string schema((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto fresh = Catalogue::open_in_memory();
  test::sqlite_db(fresh).exec(schema);

  EXPECT_EQ(schema_of(fresh), schema_of(migrated))
    << "regenerate schema/catalogue.sql with scripts/update-schema";
}

// Migration 0005 rebuilds the spend table to turn the invoice-reference
// constraint into the named index spend_reference: every line must survive
// with its id, and the rule must hold as before.
TEST(Migrations, SpendReferenceIndexKeepsEveryLineAndTheRule)
{
  auto catalogue = Catalogue::open_in_memory();
  ASSERT_EQ(store::migrate(catalogue, migrations_up_to(4)), 4);
  // The records, lines and roll-up as a version-4 catalogue holds them
  // (spend ids 1 and 6 removed), written as that version wrote them (the
  // store of today writes the audit trail of today's schema).
  test::sqlite_db(catalogue).exec(
    "INSERT INTO setting (key, value) VALUES ('home_country', 'FI'), ('base_currency', 'EUR');"
    "INSERT INTO provider (id, name, name_key, hq_country, created_at, updated_at) VALUES "
    "(1, 'Tallinn Ops', 'tallinn ops', 'EE', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');"
    "INSERT INTO engagement (id, ref, provider_id, service_id, delivery_country, delivery_model, "
    "model_source, "
    "type, type_source, start_date, currency, created_at, updated_at) SELECT n, 'E-' || n, 1, s.id, 'EE', "
    "'nearshore', 'derived', 'BPO', 'derived', '2024-01-01', 'EUR', '2025-01-01T00:00:00Z', "
    "'2025-01-01T00:00:00Z' FROM service s, (SELECT 1 AS n UNION ALL SELECT 2) WHERE s.code = 'payroll';"
    "INSERT INTO spend (id, engagement_id, date, amount, currency, reference) VALUES "
    "(2, 1, '2025-01-10', 150050, 'EUR', 'INV-1'), (3, 1, '2025-01-20', -2025, 'EUR', NULL), "
    "(4, 1, '2025-02-01', 700, 'EUR', NULL), (7, 2, '2025-02-03', 9999, 'USD', 'INV-1'), "
    "(8, 2, '2024-12-31', 1, 'EUR', 'INV-2');"
    "INSERT INTO spend_monthly (engagement_id, month, currency, amount, lines) "
    "SELECT engagement_id, substr(date, 1, 7), currency, sum(amount), count(*) FROM spend GROUP BY 1, 2, 3;");
  ASSERT_EQ(objects_named(catalogue, "index", "spend_date"), 1);

  const std::string lines_query =
    "SELECT id, engagement_id, date, amount, currency, quote(reference) FROM spend ORDER BY id";
  // Months as text before migration 7 and as an index after it, shown alike.
  const std::string monthly_query = "SELECT engagement_id, CASE typeof(month) WHEN 'integer' THEN "
                                    "printf('%04d-%02d', month / 12, month % 12 + 1) "
                                    "ELSE month END AS shown, currency, amount, lines FROM spend_monthly "
                                    "ORDER BY engagement_id, shown, currency";
  const auto lines = rows_of(catalogue, lines_query);
  const auto monthly = rows_of(catalogue, monthly_query);
  ASSERT_EQ(lines.rfind("2|", 0), 0u) << lines; // ids do not start at 1

  EXPECT_EQ(store::migrate(catalogue), static_cast<int>(store::builtin_migrations().size()) - 4);
  EXPECT_EQ(store::schema_version(catalogue), store::builtin_migrations().back().version);
  EXPECT_EQ(rows_of(catalogue, lines_query), lines);
  EXPECT_EQ(rows_of(catalogue, monthly_query), monthly);
  EXPECT_TRUE(store::check_spend_rollup(catalogue).empty());
  EXPECT_EQ(objects_named(catalogue, "index", "spend_reference"), 1);
  EXPECT_EQ(objects_named(catalogue, "index", "spend_date"), 0);

  // The same reference on the same engagement is still refused, by the
  // database itself and through the store; other engagements and lines
  // without a reference are not affected.
  EXPECT_THROW(
    test::sqlite_db(catalogue).exec("INSERT INTO spend (engagement_id, date, amount, currency, reference) "
                                    "SELECT id, '2025-03-01', 100, 'EUR', 'INV-1' FROM engagement "
                                    "WHERE ref = 'E-1'"),
    SQLite::Exception);
  EXPECT_THROW(store::add_spend(catalogue, "E-2", "2025-03-01", "1.00", std::nullopt, std::string("INV-2")),
               ValidationError);
  EXPECT_EQ(rows_of(catalogue, lines_query), lines);
  store::add_spend(catalogue, "E-1", "2025-03-01", "1.00", std::nullopt, std::string("INV-2"));
  store::add_spend(catalogue, "E-1", "2025-03-02", "1.00", std::nullopt, std::nullopt);
  EXPECT_EQ(test::sqlite_db(catalogue).execAndGet("SELECT count(*) FROM spend").getInt(), 7);
}

TEST(Migrations, TheServersFolderHasTheSameVersionsAsTheFiles)
{
  const auto& file = store::builtin_migrations();
  const auto& server = store::postgresql_migrations();
  ASSERT_EQ(server.size(), file.size());
  for (std::size_t i = 0; i < file.size(); ++i) {
    EXPECT_EQ(server[i].version, file[i].version);
    EXPECT_EQ(server[i].name, file[i].name);
  }
}

TEST(Migrations, LastingIdsRebuildKeepsEveryRecordAndThenNeverGivesAnIdTwice)
{
  auto catalogue = Catalogue::open_in_memory();
  ASSERT_EQ(store::migrate(catalogue, migrations_up_to(8)), 8);
  // A version-8 catalogue whose newest provider (3) and spend line (9) were
  // removed: SQLite would give those ids again without AUTOINCREMENT.
  test::sqlite_db(catalogue).exec(
    "INSERT INTO setting (key, value) VALUES ('home_country', 'FI'), ('base_currency', 'EUR');"
    "INSERT INTO provider (id, name, name_key, hq_country, created_at, updated_at) VALUES "
    "(1, 'Tallinn Ops', 'tallinn ops', 'EE', 't', 't'), (2, 'Öresund Data', 'öresund data', 'SE', 't', 't');"
    "INSERT INTO location (id, provider_id, country, city) VALUES (5, 2, 'SE', 'Malmö');"
    "INSERT INTO offering (id, provider_id, service_id) SELECT 4, 1, id FROM service WHERE code = 'payroll';"
    "INSERT INTO engagement (id, ref, provider_id, service_id, delivery_country, delivery_model, "
    "model_source, "
    "type, type_source, start_date, currency, created_at, updated_at) SELECT 7, 'E-7', 1, s.id, 'EE', "
    "'nearshore', 'derived', 'BPO', 'derived', '2024-01-01', 'EUR', 't', 't' FROM service s "
    "WHERE s.code = 'payroll';"
    "INSERT INTO spend (id, engagement_id, date, amount, currency, reference) VALUES "
    "(2, 7, '2025-01-10', 150050, 'EUR', 'INV-1'), (8, 7, '2025-01-20', -2025, 'EUR', NULL);"
    "INSERT INTO spend_monthly (engagement_id, month, currency, amount, lines) VALUES "
    "(7, 2025 * 12, 'EUR', 148025, 2);"
    "INSERT INTO spend_by_class (month, currency, type, delivery_model, amount, lines) VALUES "
    "(2025 * 12, 'EUR', 'BPO', 'nearshore', 148025, 2);"
    "INSERT INTO audit_log (id, at, entity, entity_id, action) VALUES (11, 't', 'spend', 9, 'delete');");
  const std::string records =
    "SELECT 'p', id, name FROM provider UNION ALL SELECT 'l', id, city FROM location "
    "UNION ALL SELECT 'o', id, provider_id FROM offering UNION ALL "
    "SELECT 'e', id, ref FROM engagement UNION ALL SELECT 's', id, amount FROM spend "
    "UNION ALL SELECT 'a', id, action FROM audit_log ORDER BY 1, 2";
  const auto before = rows_of(catalogue, records);

  EXPECT_EQ(store::migrate(catalogue), static_cast<int>(store::builtin_migrations().size()) - 8);
  EXPECT_EQ(rows_of(catalogue, records), before);
  EXPECT_EQ(rows_of(catalogue, "PRAGMA foreign_key_check"), "");
  EXPECT_EQ(rows_of(catalogue, "PRAGMA foreign_keys"), "1\n"); // on again after the rebuild
  EXPECT_TRUE(store::check_spend_rollup(catalogue).empty());
  // The search index still finds the providers, by their kept ids.
  EXPECT_EQ(rows_of(catalogue, "SELECT rowid FROM provider_fts WHERE provider_fts MATCH 'oresund'"), "2\n");

  // Removing the newest spend line and adding one: the id after it, not its own.
  test::sqlite_db(catalogue).exec("DELETE FROM spend WHERE id = 8");
  store::add_spend(catalogue, "E-7", "2025-03-02", "1.00", std::nullopt, std::nullopt);
  EXPECT_EQ(rows_of(catalogue, "SELECT max(id) FROM spend"), "9\n");
}
