#include "domain/amount.hpp"
#include "domain/errors.hpp"
#include "store/spend.hpp"
#include "store/spend_writer.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/sqlite_handle.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <limits>
#include <random>

using namespace vendorcat;

namespace {

// The roll-up against the raw lines, compared by an independent query.
void expect_rollup_matches_lines(store::Catalogue& catalogue, const std::string& step)
{
  EXPECT_TRUE(store::check_spend_rollup(catalogue).empty()) << step;
  const auto raw = test::sqlite_db(catalogue)
                     .execAndGet("SELECT coalesce(sum(amount), 0) || '/' || count(*) FROM spend")
                     .getString();
  const auto rolled = test::sqlite_db(catalogue)
                        .execAndGet("SELECT coalesce(sum(amount), 0) || '/' || coalesce(sum(lines), 0) "
                                    "FROM spend_monthly")
                        .getString();
  EXPECT_EQ(rolled, raw) << step;
}

} // namespace

// Random inserts, updates (same and other month, other currency) and removes
// through SpendWriter, as single writes and as batches flushed together; the
// roll-up must equal the raw lines after every step.
TEST(SpendRollup, StaysExactUnderRandomWrites)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Tallinn Ops", "EE");
  for (const char* ref : {"E-1", "E-2", "E-3"}) {
    test::add_engagement(catalogue, ref, "Tallinn Ops", "payroll", "EE", "EUR");
  }
  std::mt19937 random(20261126); // fixed seed: the same steps every run
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::vector<std::string> currencies{"EUR", "USD", "SEK"};
  std::vector<std::int64_t> ids;
  auto random_row = [&] {
    store::SpendRow row;
    row.engagement_id = 1 + pick(3);
    row.date = fmt::format("2025-{:02}-{:02}", 1 + pick(4), 1 + pick(28));
    row.amount = pick(200000) - 20000; // credit notes included
    row.currency = currencies[static_cast<std::size_t>(pick(3))];
    return row;
  };
  for (int step = 0; step < 300; ++step) {
    store::SpendWriter writer(catalogue);
    const int batch = 1 + pick(5);
    for (int i = 0; i < batch; ++i) {
      const int action = ids.empty() ? 0 : pick(3);
      if (action == 0) {
        ids.push_back(writer.insert(random_row()));
      } else if (action == 1) {
        writer.update(ids[static_cast<std::size_t>(pick(static_cast<int>(ids.size())))], random_row());
      } else {
        const auto index = static_cast<std::size_t>(pick(static_cast<int>(ids.size())));
        writer.remove(ids[index]);
        ids.erase(ids.begin() + static_cast<std::ptrdiff_t>(index));
      }
    }
    writer.flush();
    expect_rollup_matches_lines(catalogue, fmt::format("step {}", step));
    if (HasFailure()) {
      return;
    }
  }
  // Remove everything: the roll-up must be empty, not full of zero rows.
  store::SpendWriter writer(catalogue);
  for (const auto id : ids) {
    writer.remove(id);
  }
  writer.flush();
  EXPECT_EQ(test::sqlite_db(catalogue).execAndGet("SELECT count(*) FROM spend_monthly").getInt(), 0);
}

TEST(SpendRollup, DeferredReferenceIndexIsRebuiltOnFlush)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Tallinn Ops", "EE");
  test::add_engagement(catalogue, "E-1", "Tallinn Ops", "payroll", "EE", "EUR");
  const auto indexes = [&] {
    return test::sqlite_db(catalogue)
      .execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'spend_reference'")
      .getInt();
  };
  store::SpendWriter writer(catalogue, {store::ReferenceCheck::deferred, std::nullopt});
  EXPECT_EQ(indexes(), 0);
  writer.insert({1, "2025-01-01", 100, "EUR", std::string("INV-1")});
  writer.flush();
  EXPECT_EQ(indexes(), 1);
  expect_rollup_matches_lines(catalogue, "after the deferred flush");
  // The rebuilt index still refuses a repeated reference.
  EXPECT_THROW(writer.insert({1, "2025-01-02", 100, "EUR", std::string("INV-1")}), ValidationError);
}

TEST(SpendRollup, DeferredReferenceIndexNamesEveryRepeatedLine)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Tallinn Ops", "EE");
  test::add_engagement(catalogue, "E-1", "Tallinn Ops", "payroll", "EE", "EUR");
  test::add_engagement(catalogue, "E-2", "Tallinn Ops", "payroll", "EE", "EUR");
  store::add_spend(catalogue, "E-1", "2025-01-01", "10.00", std::nullopt, std::string("INV-1"));
  store::SpendWriter writer(catalogue, {store::ReferenceCheck::deferred, std::nullopt});
  const auto again = writer.insert({1, "2025-01-02", 100, "EUR", std::string("INV-1")});
  writer.insert({2, "2025-01-02", 100, "EUR", std::string("INV-1")}); // another engagement: fine
  writer.insert({1, "2025-01-03", 100, "EUR", std::nullopt});
  writer.insert({1, "2025-01-03", 100, "EUR", std::nullopt}); // no reference: never a repeat
  writer.insert({2, "2025-01-04", 100, "EUR", std::string("INV-2")});
  const auto third = writer.insert({1, "2025-01-05", 100, "EUR", std::string("INV-1")});
  const auto twice = writer.insert({2, "2025-01-06", 100, "EUR", std::string("INV-2")});
  std::vector<std::pair<std::int64_t, std::string>> repeats;
  writer.check([&](std::int64_t id, const std::string& reference) { repeats.emplace_back(id, reference); });
  const std::vector<std::pair<std::int64_t, std::string>> expected{
    {again, "INV-1"}, {third, "INV-1"}, {twice, "INV-2"}};
  EXPECT_EQ(repeats, expected);
  EXPECT_TRUE(writer.reference_check_deferred());
  EXPECT_THROW(writer.flush(), ValidationError);
}

TEST(SpendRollup, AMonthlyTotalBeyond64BitsIsRefused)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Tallinn Ops", "EE");
  test::add_engagement(catalogue, "E-1", "Tallinn Ops", "payroll", "EE", "EUR");
  store::SpendWriter writer(catalogue);
  store::SpendRow row{1, "2025-03-01", domain::max_amount, "EUR", std::nullopt};
  // INT64_MAX / max_amount lines fit; one more does not.
  const auto fitting = std::numeric_limits<std::int64_t>::max() / domain::max_amount;
  for (std::int64_t i = 0; i < fitting; ++i) {
    writer.insert(row);
  }
  try {
    writer.insert(row);
    FAIL() << "the total should not fit";
  } catch (const ValidationError& error) {
    EXPECT_NE(std::string(error.what()).find("would not fit in 64 bits"), std::string::npos) << error.what();
  }
}

TEST(SpendRollup, ATotalThatOverflowsWithWhatIsStoredIsRefusedNamingIt)
{
  // Each load's own total fits; added to the stored one it does not. One
  // engagement takes the single-row upsert, 65 the 64-row one.
  for (const int engagements : {1, 65}) {
    auto catalogue = test::migrated_catalogue();
    test::add_provider(catalogue, "Tallinn Ops", "EE");
    for (int e = 1; e <= engagements; ++e) {
      test::add_engagement(catalogue, "E-" + std::to_string(e), "Tallinn Ops", "payroll", "EE", "EUR");
    }
    const auto half = std::numeric_limits<std::int64_t>::max() / domain::max_amount / 2 + 1;
    // A month each, so that the class level (every engagement of a month)
    // fits after one load too.
    auto month_of = [](int e) { return fmt::format("{}-{:02}", 2020 + (e - 1) / 12, (e - 1) % 12 + 1); };
    auto load = [&] {
      store::SpendWriter writer(catalogue);
      for (int e = 1; e <= engagements; ++e) {
        for (std::int64_t i = 0; i < half; ++i) {
          writer.insert({e, month_of(e) + "-01", domain::max_amount, "EUR", std::nullopt});
        }
      }
      writer.flush();
    };
    load();
    try {
      load();
      FAIL() << "the total should not fit, with " << engagements << " engagements";
    } catch (const ValidationError& error) {
      EXPECT_NE(
        std::string(error.what()).find("the EUR total of " + month_of(1) + " would not fit in 64 bits"),
        std::string::npos)
        << error.what();
    }
  }
}

TEST(SpendRollup, DuplicateInvoiceReferenceIsAValidationError)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Tallinn Ops", "EE");
  test::add_engagement(catalogue, "E-1", "Tallinn Ops", "payroll", "EE", "EUR");
  store::add_spend(catalogue, "E-1", "2025-01-01", "10.00", std::nullopt, std::string("INV-1"));
  EXPECT_THROW(store::add_spend(catalogue, "E-1", "2025-01-02", "10.00", std::nullopt, std::string("INV-1")),
               ValidationError);
  expect_rollup_matches_lines(catalogue, "after the refused duplicate");
}

TEST(SpendRollup, TheCheckFindsEitherLevelOutOfStep)
{
  for (const auto* tamper :
       {"UPDATE spend_monthly SET amount = amount + 1", "UPDATE spend_by_class SET lines = lines + 1",
        "UPDATE engagement SET type = 'KPO'"}) {
    auto catalogue = test::migrated_catalogue();
    test::add_provider(catalogue, "Tallinn Ops", "EE");
    test::add_engagement(catalogue, "E-1", "Tallinn Ops", "payroll", "EE", "EUR");
    store::add_spend(catalogue, "E-1", "2025-01-01", "10.00", std::nullopt, std::nullopt);
    ASSERT_TRUE(store::check_spend_rollup(catalogue).empty());
    test::sqlite_db(catalogue).exec(tamper); // behind the writer's back
    EXPECT_FALSE(store::check_spend_rollup(catalogue).empty()) << tamper;
  }
}
