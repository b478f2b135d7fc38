// The volumes repository (store/volumes.hpp) on an in-memory catalogue:
// every bad value of a volume reported with its field, inserting, replacing
// and leaving a quantity, and the listing's order and filters.

#include "domain/errors.hpp"
#include "store/volumes.hpp"
#include "support/catalogue_fixture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

using namespace vendorcat;

namespace {

store::Catalogue catalogue_with_engagements()
{
  auto catalogue = test::migrated_catalogue();
  store::WriteTransaction transaction(catalogue);
  test::add_provider(catalogue, "Acme Oy", "FI");
  test::add_engagement(catalogue, "E-2", "Acme Oy", "payroll", "FI", "EUR");
  test::add_engagement(catalogue, "e-1", "Acme Oy", "payroll", "IN", "EUR");
  transaction.commit();
  return catalogue;
}

std::vector<std::string> fields_of(const FieldErrors& errors)
{
  std::vector<std::string> fields;
  for (const auto& problem : errors.problems()) {
    fields.push_back(problem.field);
  }
  return fields;
}

} // namespace

TEST(Volumes, EveryBadValueIsReportedWithItsField)
{
  auto catalogue = catalogue_with_engagements();
  try {
    store::check_volume(catalogue, "E-9", "2025-13", "1.2345", "bananas");
    FAIL() << "no error";
  } catch (const FieldErrors& errors) {
    EXPECT_EQ(fields_of(errors), (std::vector<std::string>{"engagement", "month", "quantity", "unit"}));
  }
  try {
    store::check_volume(catalogue, "E-2", "2025-01", "-1", "fte");
    FAIL() << "no error";
  } catch (const FieldError& error) {
    ADD_FAILURE() << "a single error is thrown as it was: " << error.field();
  } catch (const ValidationError& error) {
    EXPECT_STREQ(error.what(), "invalid quantity '-1': a quantity cannot be negative");
  }
  EXPECT_THROW(store::check_volume(catalogue, "E-9", "2025-01", "1", "fte"), NotFound);
}

TEST(Volumes, SetInsertsReplacesOrLeavesTheQuantity)
{
  auto catalogue = catalogue_with_engagements();
  store::WriteTransaction transaction(catalogue);
  const auto entry = store::check_volume(catalogue, "e-2", "2025-01", "2.5", "FTE");
  EXPECT_EQ(entry.engagement, "E-2");
  EXPECT_EQ(entry.quantity, 2500);
  EXPECT_EQ(entry.unit, domain::VolumeUnit::fte);
  EXPECT_FALSE(store::find_volume(catalogue, entry));

  const auto created = store::set_volume(catalogue, entry);
  EXPECT_EQ(created.change, store::VolumeChange::created);
  EXPECT_GT(created.volume.id, 0);

  const auto replaced =
    store::set_volume(catalogue, store::check_volume(catalogue, "E-2", "2025-01", "3", "fte"));
  EXPECT_EQ(replaced.change, store::VolumeChange::replaced);
  EXPECT_EQ(replaced.volume.id, created.volume.id);
  EXPECT_EQ(replaced.before, 2500);
  EXPECT_EQ(replaced.volume.quantity, 3000);

  const auto same =
    store::set_volume(catalogue, store::check_volume(catalogue, "E-2", "2025-01", "3.0", "fte"));
  EXPECT_EQ(same.change, store::VolumeChange::unchanged);
  const auto found = store::find_volume(catalogue, entry);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->quantity, 3000);
}

TEST(Volumes, ListByEngagementMonthAndUnitWithFilters)
{
  auto catalogue = catalogue_with_engagements();
  store::WriteTransaction transaction(catalogue);
  for (const auto& [ref, month, unit] :
       std::vector<std::tuple<std::string, std::string, std::string>>{{"E-2", "2025-02", "fte"},
                                                                      {"e-1", "2025-03", "hours"},
                                                                      {"E-2", "2025-01", "hours"},
                                                                      {"E-2", "2025-01", "cases"},
                                                                      {"e-1", "2025-01", "fte"}}) {
    store::set_volume(catalogue, store::check_volume(catalogue, ref, month, "1", unit));
  }
  std::vector<std::string> rows;
  for (const auto& volume : store::list_volumes(catalogue, {})) {
    rows.push_back(volume.engagement + " " + volume.month.to_string() + " " +
                   std::string(domain::to_string(volume.unit)));
  }
  // Refs ignoring ASCII letter case, then month, then unit by name.
  EXPECT_EQ(rows, (std::vector<std::string>{"e-1 2025-01 fte", "e-1 2025-03 hours", "E-2 2025-01 cases",
                                            "E-2 2025-01 hours", "E-2 2025-02 fte"}));
  EXPECT_EQ(store::list_volumes(catalogue, {"E-2", "2025-02", ""}).size(), 1U);
  EXPECT_EQ(store::list_volumes(catalogue, {"", "", "2025-01"}).size(), 3U);
  EXPECT_THROW(store::list_volumes(catalogue, {"", "2025-03", "2025-01"}), ValidationError);
  EXPECT_THROW(store::list_volumes(catalogue, {"", "2025-1", ""}), ValidationError);
  EXPECT_THROW(store::list_volumes(catalogue, {"E-3", "", ""}), NotFound);
}
