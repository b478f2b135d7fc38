// A bulk load puts the provider search index's upkeep off until the commit;
// settle() brings it up to date inside the transaction.

#include "store/catalogue.hpp"
#include "store/maintenance.hpp"
#include "store/providers.hpp"
#include "support/catalogue_fixture.hpp"

#include <gtest/gtest.h>

namespace vendorcat {
namespace {

std::vector<std::string> searched(store::Catalogue& catalogue, const std::string& words)
{
  std::vector<std::string> names;
  for (const auto& provider : store::search_providers(catalogue, words)) {
    names.push_back(provider.name);
  }
  return names;
}

TEST(BulkLoad, TheSearchIndexIsUpToDateOnceSettled)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Seed Oy", "FI");
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  store::ProviderFields fields;
  fields.name = "Nordic Ledger AB";
  fields.hq_country = "SE";
  fields.notes = "bookkeeping";
  store::add_provider(catalogue, fields);
  EXPECT_TRUE(searched(catalogue, "bookkeeping").empty()); // put off
  transaction.settle();
  EXPECT_EQ(searched(catalogue, "bookkeeping"), std::vector<std::string>{"Nordic Ledger AB"});
  EXPECT_TRUE(store::check_catalogue(catalogue).empty());
  transaction.commit();
  EXPECT_EQ(searched(catalogue, "bookkeeping"), std::vector<std::string>{"Nordic Ledger AB"});
  EXPECT_TRUE(store::check_catalogue(catalogue).empty());
}

TEST(BulkLoad, ARolledBackLoadLeavesTheIndexAndItsTriggers)
{
  auto catalogue = test::migrated_catalogue();
  {
    store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
    test::add_provider(catalogue, "Lost Oy", "FI");
  }
  EXPECT_TRUE(searched(catalogue, "lost").empty());
  test::add_provider(catalogue, "Later Oy", "FI");
  EXPECT_EQ(searched(catalogue, "later"), std::vector<std::string>{"Later Oy"});
  EXPECT_TRUE(store::check_catalogue(catalogue).empty());
}

} // namespace
} // namespace vendorcat
