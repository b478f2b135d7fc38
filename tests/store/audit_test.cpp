#include "store/audit.hpp"
#include "store/providers.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/sqlite_handle.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>

using namespace vendorcat;

namespace {

// The AFTER column of the audit entries of ACTION, oldest first, one a line.
std::string audited(store::Catalogue& catalogue, const std::string& action)
{
  SQLite::Statement query(test::sqlite_db(catalogue),
                          "SELECT after FROM audit_log WHERE action = ? ORDER BY id");
  query.bind(1, action);
  std::string text;
  while (query.executeStep()) {
    text += query.getColumn(0).getString() + "\n";
  }
  return text;
}

} // namespace

// A CSV saved as Latin-1 gives names that are not UTF-8: the entry is written
// with U+FFFD in place of each bad byte instead of failing the write.
TEST(Audit, WritesTextThatIsNotUtf8WithReplacementCharacters)
{
  auto catalogue = test::migrated_catalogue();
  store::ProviderFields fields;
  fields.name = "Caf\xE9 Oy";
  fields.hq_country = "FI";
  const auto provider = store::add_provider(catalogue, fields);
  EXPECT_NE(audited(catalogue, "insert").find("\"name\":\"Caf\xEF\xBF\xBD Oy\""), std::string::npos);

  store::ProviderFields change;
  change.notes = "\xFF";
  store::update_provider(catalogue, provider.id, change);
  EXPECT_EQ(audited(catalogue, "update"), "{\"notes\":\"\xEF\xBF\xBD\"}\n");
}
