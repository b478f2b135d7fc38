// The spend bulk loader (store/spend_load.hpp) on the SQLite sink
// (store/sqlite/spend_sink.hpp): when the invoice-reference check is
// deferred to the end of a load, that repeats are reported with the file
// lines given to add() however they are found, and that the conflict
// policies and the roll-up hold on either path.

#include "domain/errors.hpp"
#include "store/spend_load.hpp"
#include "store/sqlite/spend_sink.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/sqlite_handle.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

using namespace vendorcat;
using store::sqlite::BatchSink;

namespace {

using Late = std::tuple<std::size_t, std::string, std::string>; // line, column, message

store::Catalogue catalogue_with_engagements()
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Tallinn Ops", "EE");
  test::add_engagement(catalogue, "E-1", "Tallinn Ops", "payroll", "EE", "EUR");
  test::add_engagement(catalogue, "E-2", "Tallinn Ops", "payroll", "EE", "EUR");
  return catalogue;
}

store::SpendFields line(const std::string& engagement, int day, std::optional<std::string> reference)
{
  store::SpendFields fields;
  fields.engagement = engagement;
  fields.date = fmt::format("2025-{:02}-{:02}", 1 + day % 12, 1 + day % 28);
  fields.amount = fmt::format("{}.{:02}", 10 + day % 1000, day % 100);
  fields.reference = std::move(reference);
  return fields;
}

// Whether the invoice-reference index exists right now (inside the load's
// transaction, on its connection).
bool reference_index_exists(store::Catalogue& catalogue)
{
  return test::sqlite_db(catalogue)
           .execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'spend_reference'")
           .getInt() == 1;
}

int spend_lines(store::Catalogue& catalogue)
{
  return test::sqlite_db(catalogue).execAndGet("SELECT count(*) FROM spend").getInt();
}

// The roll-up against the raw lines, by the store's check and by an
// independent query.
void expect_rollup_matches_lines(store::Catalogue& catalogue)
{
  EXPECT_EQ(store::check_spend_rollup(catalogue), std::vector<std::string>{});
  auto& db = test::sqlite_db(catalogue);
  EXPECT_EQ(
    db.execAndGet("SELECT coalesce(sum(amount), 0) || '/' || coalesce(sum(lines), 0) FROM spend_monthly")
      .getString(),
    db.execAndGet("SELECT coalesce(sum(amount), 0) || '/' || count(*) FROM spend").getString());
}

std::string repeated(const std::string& reference)
{
  return fmt::format("invoice reference '{}' is already recorded on that engagement", reference);
}

} // namespace

TEST(BatchSink, DefersFromTheFiftyThousandthLineIntoAnEmptyTable)
{
  EXPECT_EQ(BatchSink::defer_after, 50'000U);
  EXPECT_EQ(BatchSink::rebuild_factor, 4U);
  EXPECT_FALSE(BatchSink::should_defer(0, 0));
  EXPECT_FALSE(BatchSink::should_defer(49'999, 0));
  EXPECT_TRUE(BatchSink::should_defer(50'000, 0));
  EXPECT_TRUE(BatchSink::should_defer(50'001, 0));
  EXPECT_TRUE(BatchSink::should_defer(1'000'000, 0));
}

TEST(BatchSink, DefersOnlyWhenTheLoadIsAtLeastAQuarterOfTheTable)
{
  EXPECT_TRUE(BatchSink::should_defer(50'000, 199'999));
  EXPECT_TRUE(BatchSink::should_defer(50'000, 200'000)); // 50,000 * 4 = 200,000
  EXPECT_FALSE(BatchSink::should_defer(50'000, 200'001));
  EXPECT_TRUE(BatchSink::should_defer(50'001, 200'001));
  EXPECT_TRUE(BatchSink::should_defer(250'000, 1'000'000));
  EXPECT_FALSE(BatchSink::should_defer(249'999, 1'000'000));
  // However small the table, a load below defer_after never defers.
  EXPECT_FALSE(BatchSink::should_defer(49'999, 1));
}

TEST(SpendLoad, ALargeLoadIntoAnEmptyTableDropsTheIndexAtTheThresholdAndBuildsItAtTheEnd)
{
  auto catalogue = catalogue_with_engagements();
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  store::SpendLoad load(catalogue, store::OnConflict::error);
  store::LoadSummary summary;
  for (int i = 0; i < 60'000; ++i) {
    summary.count(
      load.add(line(i % 2 ? "E-1" : "e-2", i, i % 3 ? std::optional(fmt::format("INV-{}", i)) : std::nullopt),
               static_cast<std::size_t>(i) + 2));
    if (i == 49'998) {
      EXPECT_TRUE(reference_index_exists(catalogue)) << "after 49,999 lines";
    }
    if (i == 49'999) {
      EXPECT_FALSE(reference_index_exists(catalogue)) << "after 50,000 lines";
    }
  }
  std::vector<Late> late;
  load.check([&](std::size_t at, const std::string& column, const std::string& message) {
    late.emplace_back(at, column, message);
  });
  EXPECT_EQ(late, std::vector<Late>{});
  load.finish();
  EXPECT_TRUE(reference_index_exists(catalogue));
  transaction.commit();
  EXPECT_EQ(summary.created, 60'000U);
  EXPECT_EQ(spend_lines(catalogue), 60'000);
  expect_rollup_matches_lines(catalogue);
}

TEST(SpendLoad, ALoadIntoAFullerTableDefersOnlyOnceItIsAQuarterOfIt)
{
  auto catalogue = catalogue_with_engagements();
  store::add_spend(catalogue, "E-1", "2024-12-01", "1.00", std::nullopt, std::string("OLD"));
  test::sqlite_db(catalogue).exec("UPDATE spend SET id = 200001"); // as if 200,001 lines were there
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  store::SpendLoad load(catalogue, store::OnConflict::error);
  store::LoadSummary summary;
  for (int i = 0; i < 50'001; ++i) {
    summary.count(load.add(line("E-1", i, fmt::format("INV-{}", i)), static_cast<std::size_t>(i) + 2));
    if (i == 49'999) {
      EXPECT_TRUE(reference_index_exists(catalogue)) << "50,000 * 4 < 200,001";
    }
  }
  EXPECT_FALSE(reference_index_exists(catalogue)) << "50,001 * 4 >= 200,001";
  load.check([](std::size_t at, const std::string&, const std::string& message) {
    ADD_FAILURE() << at << ": " << message;
  });
  load.finish();
  transaction.commit();
  EXPECT_TRUE(reference_index_exists(catalogue));
  EXPECT_EQ(spend_lines(catalogue), 50'002);
  expect_rollup_matches_lines(catalogue);
}

// Lines with gaps in their file line numbers (records spanning lines, blank
// lines): every repeat found when the index is built again is reported with
// the line given to add(), whether its first use was before the load, before
// the index was dropped, or after.
TEST(SpendLoad, DeferredRepeatsAreReportedWithTheFileLinesGivenToAdd)
{
  auto catalogue = catalogue_with_engagements();
  store::add_spend(catalogue, "E-1", "2024-12-01", "1.00", std::nullopt, std::string("OLD-1"));
  const auto file_line = [](int i) { return static_cast<std::size_t>(2 + 2 * i + (i % 5 == 0 ? 1 : 0)); };
  const auto reference_of = [](int i) -> std::optional<std::string> {
    switch (i) {
    case 55'000:
    case 10:
      return "INV-10"; // first use below the threshold, the repeat after it
    case 58'000:
      return "INV-10"; // on E-2: another engagement, no repeat
    case 57'000:
      return "OLD-1"; // first use before the load
    case 50'500:
    case 59'998:
    case 59'999:
      return "R-X"; // the last two in the final, partial batch
    default:
      return i % 4 == 0 ? std::nullopt : std::optional(fmt::format("L-{}", i));
    }
  };
  {
    store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
    store::SpendLoad load(catalogue, store::OnConflict::error);
    for (int i = 0; i < 60'000; ++i) {
      ASSERT_NO_THROW(load.add(line(i == 58'000 ? "E-2" : "E-1", i, reference_of(i)), file_line(i))) << i;
    }
    std::vector<Late> late;
    load.check([&](std::size_t at, const std::string& column, const std::string& message) {
      late.emplace_back(at, column, message);
    });
    EXPECT_EQ(late, (std::vector<Late>{{file_line(55'000), "reference", repeated("INV-10")},
                                       {file_line(57'000), "reference", repeated("OLD-1")},
                                       {file_line(59'998), "reference", repeated("R-X")},
                                       {file_line(59'999), "reference", repeated("R-X")}}));
    EXPECT_EQ(file_line(55'000), 110'003U); // 2 + 2 * 55,000 + 1: the gaps count
  }                                         // rolled back: check() found repeats
  EXPECT_TRUE(reference_index_exists(catalogue));
  EXPECT_EQ(spend_lines(catalogue), 1);
  expect_rollup_matches_lines(catalogue);
}

TEST(SpendLoad, DeferredRepeatsOfConsecutiveLinesAreReportedWithTheirLines)
{
  auto catalogue = catalogue_with_engagements();
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  store::SpendLoad load(catalogue, store::OnConflict::error);
  for (int i = 0; i < 50'100; ++i) {
    load.add(line("E-1", i, i >= 50'097 ? std::optional<std::string>("SAME") : std::nullopt),
             static_cast<std::size_t>(i) + 2);
  }
  std::vector<std::size_t> lines;
  load.check([&](std::size_t at, const std::string&, const std::string&) { lines.push_back(at); });
  EXPECT_EQ(lines, (std::vector<std::size_t>{50'100, 50'101})); // the first use, at 50,099, is fine
}

TEST(SpendLoad, BelowTheThresholdARepeatIsRefusedAtAdd)
{
  auto catalogue = catalogue_with_engagements();
  store::add_spend(catalogue, "E-1", "2024-12-01", "1.00", std::nullopt, std::string("OLD-1"));
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  store::SpendLoad load(catalogue, store::OnConflict::error);
  EXPECT_EQ(load.add(line("E-1", 1, "INV-1"), 2), store::Outcome::created);
  EXPECT_EQ(load.add(line("E-2", 2, "INV-1"), 3), store::Outcome::created); // another engagement
  try {
    load.add(line("e-1", 3, "INV-1"), 4);
    FAIL() << "a repeated reference was accepted";
  } catch (const ValidationError& error) {
    EXPECT_EQ(std::string(error.what()), repeated("INV-1"));
  }
  EXPECT_THROW(load.add(line("E-1", 4, "OLD-1"), 5), ValidationError);
  EXPECT_TRUE(reference_index_exists(catalogue));
  load.check([](std::size_t at, const std::string&, const std::string& message) {
    ADD_FAILURE() << at << ": " << message; // each was refused already
  });
  load.finish();
  transaction.commit();
  EXPECT_EQ(spend_lines(catalogue), 3);
  expect_rollup_matches_lines(catalogue);
}

TEST(SpendLoad, SkipLeavesARepeatedReferenceAlone)
{
  auto catalogue = catalogue_with_engagements();
  store::add_spend(catalogue, "E-1", "2024-12-01", "1.00", std::nullopt, std::string("OLD-1"));
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  store::SpendLoad load(catalogue, store::OnConflict::skip);
  EXPECT_EQ(load.add(line("E-1", 1, "OLD-1"), 2), store::Outcome::skipped);
  EXPECT_EQ(load.add(line("E-1", 2, "INV-1"), 3), store::Outcome::created);
  EXPECT_EQ(load.add(line("E-1", 3, "INV-1"), 4), store::Outcome::skipped); // repeats a line of this load
  EXPECT_EQ(load.add(line("E-1", 4, std::nullopt), 5), store::Outcome::created);
  EXPECT_EQ(load.add(line("E-1", 4, std::nullopt), 6), store::Outcome::created); // no reference, no repeat
  load.check([](std::size_t, const std::string&, const std::string& message) { ADD_FAILURE() << message; });
  load.finish();
  transaction.commit();
  const auto lines = store::list_spend(catalogue, {});
  ASSERT_EQ(lines.size(), 4U);
  EXPECT_EQ(lines[0].amount.to_string(), "1.00"); // OLD-1 as it was
  expect_rollup_matches_lines(catalogue);
}

TEST(SpendLoad, UpdateReplacesTheLineWithTheRepeatedReference)
{
  auto catalogue = catalogue_with_engagements();
  store::add_spend(catalogue, "E-1", "2024-12-01", "1.00", std::nullopt, std::string("OLD-1"));
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  store::SpendLoad load(catalogue, store::OnConflict::update);
  store::SpendFields changed;
  changed.engagement = "E-1";
  changed.date = "2025-03-31";
  changed.amount = "250.50";
  changed.currency = "USD";
  changed.reference = "OLD-1";
  EXPECT_EQ(load.add(changed, 2), store::Outcome::updated);
  EXPECT_EQ(load.add(line("E-1", 2, "INV-1"), 3), store::Outcome::created);
  EXPECT_EQ(load.add(line("E-1", 7, "INV-1"), 4), store::Outcome::updated);
  load.check([](std::size_t, const std::string&, const std::string& message) { ADD_FAILURE() << message; });
  load.finish();
  transaction.commit();
  const auto lines = store::list_spend(catalogue, {});
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0].id, 1);
  EXPECT_EQ(lines[0].date.to_string(), "2025-03-31");
  EXPECT_EQ(lines[0].amount.to_string(), "250.50");
  EXPECT_EQ(lines[0].currency, "USD");
  EXPECT_EQ(lines[1].amount.to_string(), line("E-1", 7, "INV-1").amount);
  expect_rollup_matches_lines(catalogue);
}

TEST(SpendLoad, SkipAndUpdateNeverDropTheIndex)
{
  for (const auto policy : {store::OnConflict::skip, store::OnConflict::update}) {
    auto catalogue = catalogue_with_engagements();
    store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
    store::SpendLoad load(catalogue, policy);
    store::LoadSummary summary;
    for (int i = 0; i < 50'001; ++i) {
      summary.count(
        load.add(line("E-1", i, fmt::format("INV-{}", i % 50'000)), static_cast<std::size_t>(i) + 2));
    }
    EXPECT_TRUE(reference_index_exists(catalogue));
    EXPECT_EQ(summary.created, 50'000U);
    EXPECT_EQ(summary.skipped + summary.updated, 1U);
    load.finish();
    transaction.commit();
    expect_rollup_matches_lines(catalogue);
  }
}

TEST(SpendLoad, ABadLineNamesItsColumn)
{
  auto catalogue = catalogue_with_engagements();
  store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
  store::SpendLoad load(catalogue, store::OnConflict::error);
  auto no_amount = line("E-1", 1, std::nullopt);
  no_amount.amount = "";
  try {
    load.add(no_amount, 2);
    FAIL() << "a line without an amount was accepted";
  } catch (const FieldError& error) {
    EXPECT_EQ(error.field(), "amount");
  }
  EXPECT_THROW(load.add(line("E-9", 1, std::nullopt), 3), NotFound);
}
