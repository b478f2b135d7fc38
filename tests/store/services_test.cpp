#include "domain/errors.hpp"
#include "store/services.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/sqlite_handle.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vendorcat;
using domain::OutsourcingType;

namespace {

std::vector<std::string> codes(const std::vector<store::Service>& services)
{
  std::vector<std::string> found;
  for (const auto& service : services) {
    found.push_back(service.code);
  }
  return found;
}

std::string audit(store::Catalogue& catalogue, const std::string& action)
{
  SQLite::Statement row(test::sqlite_db(catalogue),
                        "SELECT coalesce(before, '') || ' -> ' || after FROM audit_log "
                        "WHERE entity = 'service' AND action = ? ORDER BY id DESC");
  row.bind(1, action);
  return row.executeStep() ? row.getColumn(0).getString() : "";
}

} // namespace

TEST(Services, EverySeededServiceIsBuiltInAndNoOther)
{
  auto catalogue = test::migrated_catalogue();
  const auto seeded = store::list_services(catalogue);
  ASSERT_EQ(seeded.size(), 16u);
  for (const auto& service : seeded) {
    EXPECT_TRUE(store::is_builtin_service(service.code)) << service.code;
  }
  EXPECT_TRUE(store::is_builtin_service("Market-Research"));
  store::add_service(catalogue, "claims", "Claims", OutsourcingType::bpo, "finance-accounting");
  EXPECT_FALSE(store::is_builtin_service("claims"));
  EXPECT_EQ(store::list_custom_services(catalogue).size(), 1u);
}

TEST(Services, AddIsAudited)
{
  auto catalogue = test::migrated_catalogue();
  const auto added = store::add_service(catalogue, "Claims", "Claims", OutsourcingType::kpo, "Payroll");
  EXPECT_EQ(added.code, "claims");
  EXPECT_EQ(added.parent, "payroll");
  EXPECT_EQ(audit(catalogue, "insert"),
            R"( -> {"id":17,"code":"claims","name":"Claims","default_type":"KPO",)"
            R"("parent_id":5})");
}

TEST(Services, CustomServicesComeAfterTheirParents)
{
  auto catalogue = test::migrated_catalogue();
  store::add_service(catalogue, "claims", "Claims", OutsourcingType::bpo, "finance-accounting");
  store::add_service(catalogue, "motor-claims", "Motor claims", OutsourcingType::bpo, "claims");
  store::add_service(catalogue, "insurance", "Insurance", OutsourcingType::kpo, "");
  EXPECT_EQ(codes(store::list_custom_services(catalogue)),
            (std::vector<std::string>{"claims", "motor-claims", "insurance"}));

  // Moved under a service added after it, claims waits for its new parent.
  store::update_service(catalogue, store::find_service(catalogue, "claims").id, "Claims",
                        OutsourcingType::bpo, "insurance");
  EXPECT_EQ(codes(store::list_custom_services(catalogue)),
            (std::vector<std::string>{"insurance", "claims", "motor-claims"}));
}

TEST(Services, UpdateChangesACustomServiceAudited)
{
  auto catalogue = test::migrated_catalogue();
  const auto claims = store::add_service(catalogue, "claims", "Claims", OutsourcingType::bpo, "payroll");
  const auto updated =
    store::update_service(catalogue, claims.id, "Claims handling", OutsourcingType::bpo, "");
  EXPECT_EQ(updated.name, "Claims handling");
  EXPECT_EQ(updated.parent, "");
  EXPECT_EQ(audit(catalogue, "update"),
            R"({"name":"Claims","parent_id":5} -> {"name":"Claims handling","parent_id":null})");
}

TEST(Services, UpdateFollowsWithDerivedEngagementTypes)
{
  auto catalogue = test::migrated_catalogue();
  const auto claims = store::add_service(catalogue, "claims", "Claims", OutsourcingType::bpo, "");
  test::add_provider(catalogue, "Acme Oy", "FI");
  test::add_engagement(catalogue, "E-1", "Acme Oy", "claims", "FI", "EUR");
  store::EngagementFields fields;
  fields.type = "BPO";
  store::update_engagement(catalogue, store::find_engagement(catalogue, "E-1").id, fields);
  test::add_engagement(catalogue, "E-2", "Acme Oy", "claims", "FI", "EUR");

  store::update_service(catalogue, claims.id, "Claims", OutsourcingType::kpo, "");
  EXPECT_EQ(store::find_engagement(catalogue, "E-1").type, OutsourcingType::bpo); // explicit
  EXPECT_EQ(store::find_engagement(catalogue, "E-2").type, OutsourcingType::kpo);
}

TEST(Services, UpdateRefusesLoopsAndChangesToBuiltInServices)
{
  auto catalogue = test::migrated_catalogue();
  const auto claims = store::add_service(catalogue, "claims", "Claims", OutsourcingType::bpo, "");
  const auto motor =
    store::add_service(catalogue, "motor-claims", "Motor claims", OutsourcingType::bpo, "claims");
  EXPECT_THROW(store::update_service(catalogue, claims.id, "Claims", OutsourcingType::bpo, "claims"),
               FieldError);
  EXPECT_THROW(store::update_service(catalogue, claims.id, "Claims", OutsourcingType::bpo, "motor-claims"),
               FieldError);
  EXPECT_THROW(store::update_service(catalogue, motor.id, "Motor", OutsourcingType::bpo, "nope"), FieldError);
  EXPECT_THROW(store::update_service(catalogue, motor.id, " ", OutsourcingType::bpo, "claims"), FieldError);

  const auto payroll = store::find_service(catalogue, "payroll");
  EXPECT_THROW(store::update_service(catalogue, payroll.id, "Pay", OutsourcingType::bpo, "human-resources"),
               FieldError);
  EXPECT_THROW(store::update_service(catalogue, payroll.id, payroll.name, OutsourcingType::bpo, ""),
               FieldError);
  // The same values are no change, so they pass.
  store::update_service(catalogue, payroll.id, payroll.name, OutsourcingType::bpo, "human-resources");
  EXPECT_EQ(audit(catalogue, "update"), "");
}

TEST(Services, RemoveTakesAFreeCustomServiceAndRefusesTheRest)
{
  auto catalogue = test::migrated_catalogue();
  const auto claims = store::add_service(catalogue, "claims", "Claims", OutsourcingType::bpo, "");
  const auto motor = store::add_service(catalogue, "motor-claims", "Motor", OutsourcingType::bpo, "claims");
  test::add_provider(catalogue, "Acme Oy", "FI");
  test::add_engagement(catalogue, "E-1", "Acme Oy", "claims", "FI", "EUR");
  try {
    store::remove_service(catalogue, claims.id);
    FAIL() << "removed a service that an engagement and a sub-service refer to";
  } catch (const ValidationError& error) {
    EXPECT_STREQ(error.what(),
                 "cannot remove service 'claims': 1 engagement refers to it and 1 sub-service refers to it");
  }
  EXPECT_THROW(store::remove_service(catalogue, store::find_service(catalogue, "payroll").id),
               ValidationError);

  store::remove_service(catalogue, motor.id);
  EXPECT_FALSE(store::find_service_by_code(catalogue, "motor-claims"));
  SQLite::Statement deleted(test::sqlite_db(catalogue),
                            "SELECT before FROM audit_log WHERE entity = 'service' AND action = 'delete'");
  ASSERT_TRUE(deleted.executeStep());
  EXPECT_EQ(deleted.getColumn(0).getString().rfind(R"({"id":18,"code":"motor-claims")", 0), 0u)
    << deleted.getColumn(0).getString();
}
