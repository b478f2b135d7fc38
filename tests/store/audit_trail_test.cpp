#include "domain/errors.hpp"
#include "store/audit_trail.hpp"
#include "store/providers.hpp"
#include "store/services.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/sqlite_handle.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat;

namespace {

// Each entry FILTER keeps as "entity record action changes", newest first.
std::vector<std::string> entries(store::Catalogue& catalogue, const store::AuditFilter& filter)
{
  std::vector<std::string> found;
  store::each_audit_entry(catalogue, filter, [&](const store::AuditEntry& entry) {
    found.push_back(fmt::format("{} {} {} {}", entry.entity,
                                entry.record ? std::to_string(*entry.record) : "-", entry.action,
                                entry.changes));
  });
  return found;
}

using Entries = std::vector<std::string>;

} // namespace

TEST(AuditTrail, ChangesPairEachFieldThatChangedAndNameTheKinds)
{
  auto catalogue = test::migrated_catalogue();
  store::add_service(catalogue, "claims", "Claims", domain::OutsourcingType::bpo, "");
  SQLite::Database& db = test::sqlite_db(catalogue);
  db.exec("INSERT INTO audit_log (at, entity, entity_id, action, before, after) VALUES "
          "('2026-01-02T03:04:05.678Z', 'fx_rate', NULL, 'update', '{\"rate\":\"1\",\"month\":\"2026-01\"}', "
          "'{\"rate\":\"2\",\"month\":\"2026-01\"}'), "
          "('2026-01-03T00:00:00.000Z', 'spend', NULL, 'import', NULL, '{\"created\":3}')");
  EXPECT_EQ(
    entries(catalogue, {}),
    (Entries{
      R"(import - import {"kind":[null,"spend"],"created":[null,3]})", R"(fx - update {"rate":["1","2"]})",
      R"(service 17 insert {"code":[null,"claims"],"name":[null,"Claims"],"default_type":[null,"BPO"]})"}));
  store::AuditFilter until;
  until.until = domain::Date::parse("2026-01-02");
  EXPECT_EQ(entries(catalogue, until), (Entries{R"(fx - update {"rate":["1","2"]})"}));
  store::AuditFilter fx;
  fx.entity = "fx";
  EXPECT_EQ(entries(catalogue, fx).size(), 1u);
}

TEST(AuditTrail, ARecordIsFoundByEveryNameItHasBorne)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Acme Oy", "FI");
  store::ProviderFields rename;
  rename.name = "Acme Group";
  store::update_provider(catalogue, store::find_provider(catalogue, "Acme Oy").id, rename);
  test::add_provider(catalogue, "Beta AB", "SE");
  store::remove_provider(catalogue, store::find_provider(catalogue, "Beta AB").id);

  store::AuditFilter filter;
  filter.record = "acme oy";
  EXPECT_EQ(entries(catalogue, filter).size(), 2u);
  filter.entity = "provider";
  filter.record = "BETA ab";
  EXPECT_EQ(entries(catalogue, filter).size(), 2u);
  filter.record = "2"; // Beta's id
  EXPECT_EQ(entries(catalogue, filter).size(), 2u);
  filter.record = "Gamma";
  EXPECT_THROW(entries(catalogue, filter), NotFound);
  filter.entity = "spend";
  EXPECT_THROW(entries(catalogue, filter), ValidationError);
  filter.entity = "providers";
  EXPECT_THROW(entries(catalogue, filter), ValidationError);
}
