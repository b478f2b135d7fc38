#include "domain/errors.hpp"
#include "store/locations.hpp"
#include "store/migrations.hpp"
#include "store/providers.hpp"
#include "support/sqlite_handle.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

using namespace vendorcat;
using store::ProviderFilter;

namespace {

store::Catalogue migrated()
{
  auto catalogue = store::Catalogue::open_in_memory();
  store::migrate(catalogue);
  return catalogue;
}

store::ProviderFields named(std::string name, std::string country)
{
  store::ProviderFields fields;
  fields.name = std::move(name);
  fields.hq_country = std::move(country);
  return fields;
}

std::string plan_text(const std::vector<std::string>& plan)
{
  std::string text;
  for (const auto& line : plan) {
    text += line + "\n";
  }
  return text;
}

} // namespace

TEST(Providers, EveryFilterIsAnIndexSearch)
{
  auto catalogue = migrated();
  const std::vector<ProviderFilter> filters{{.service = "payroll"},
                                            {.country = "SE"},
                                            {.region = "Europe"},
                                            {.region = "Western Asia"},
                                            {.city = "Riga"},
                                            {.status = "active"},
                                            {.model = "offshore"},
                                            {.type = "KPO"},
                                            {.service = "market-research",
                                             .country = "EE",
                                             .region = "Europe",
                                             .city = "Tallinn",
                                             .status = "active",
                                             .model = "nearshore",
                                             .type = "KPO"}};
  for (const auto& filter : filters) {
    const auto plan = store::explain_list_providers(catalogue, filter);
    for (const auto& step : plan) {
      EXPECT_FALSE(step.starts_with("SCAN ")) << plan_text(plan);
    }
  }
}

TEST(Providers, ListAndSearchSortNamesAsAPersonDoes)
{
  auto catalogue = migrated();
  for (const char* name : {"Zeta", "Öresund Logistics", "acme", "Oslo Data", "Acme Inc"}) {
    auto fields = named(name, "SE");
    fields.notes = "payroll";
    store::add_provider(catalogue, fields);
  }
  std::vector<std::string> listed;
  for (const auto& provider : store::list_providers(catalogue, {})) {
    listed.push_back(provider.name);
  }
  const std::vector<std::string> expected{"acme", "Acme Inc", "Öresund Logistics", "Oslo Data", "Zeta"};
  EXPECT_EQ(listed, expected);
  // Equally relevant matches: by name.
  std::vector<std::string> found;
  for (const auto& provider : store::search_providers(catalogue, "payroll")) {
    found.push_back(provider.name);
  }
  EXPECT_EQ(found.size(), expected.size());
}

TEST(Providers, NamesAreUniqueInAnyLetterCase)
{
  auto catalogue = migrated();
  store::add_provider(catalogue, named("Baltic Research OÜ", "EE"));
  EXPECT_THROW(store::add_provider(catalogue, named("BALTIC RESEARCH OÜ", "EE")), ValidationError);
  EXPECT_THROW(store::add_provider(catalogue, named("baltic research oü", "EE")), ValidationError);
  EXPECT_EQ(store::find_provider(catalogue, "BALTIC research OÜ").name, "Baltic Research OÜ");
}

TEST(Providers, UpdateAuditsOnlyChangedFields)
{
  auto catalogue = migrated();
  const auto provider = store::add_provider(catalogue, named("Transcom", "SE"));
  store::ProviderFields change;
  change.hq_city = "Malmö";
  change.status = "inactive";
  change.hq_country = "se"; // same value: not a change
  store::update_provider(catalogue, provider.id, change);
  SQLite::Statement row(test::sqlite_db(catalogue),
                        "SELECT before, after FROM audit_log WHERE action = 'update'");
  ASSERT_TRUE(row.executeStep());
  EXPECT_EQ(row.getColumn(0).getString(), R"({"hq_city":null,"status":"active"})");
  EXPECT_EQ(row.getColumn(1).getString(), R"({"hq_city":"Malmö","status":"inactive"})");
}

TEST(Providers, SearchIgnoresAccentsAndRanksNamesFirst)
{
  auto catalogue = migrated();
  auto notes = named("Nordic Care", "SE");
  notes.notes = "payroll for Malmo offices";
  store::add_provider(catalogue, notes);
  store::add_provider(catalogue, named("Payroll Partners", "DE"));
  const auto found = store::search_providers(catalogue, "payroll");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].name, "Payroll Partners");
  EXPECT_EQ(store::search_providers(catalogue, "malmö").size(), 1u);
  EXPECT_EQ(store::search_providers(catalogue, "pay \"roll").size(), 0u); // punctuation is text
}
