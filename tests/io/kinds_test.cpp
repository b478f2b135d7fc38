// The table-driven walk over every record kind's one description
// (io/kind.hpp, io/kinds.hpp): what export writes, import takes back; every
// required column is refused when missing; and the list/show tables and the
// export agree on the column names.

#include "domain/classification.hpp"
#include "io/export.hpp"
#include "io/import.hpp"
#include "io/kinds.hpp"
#include "store/assessments.hpp"
#include "store/locations.hpp"
#include "store/services.hpp"
#include "store/volumes.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/import_text.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace vendorcat;

namespace {

// At least one record of every kind, with optional values both set and absent.
void fill_every_kind(store::Catalogue& catalogue)
{
  store::WriteTransaction transaction(catalogue);
  store::ProviderFields acme;
  acme.name = "Acme Oy";
  acme.hq_country = "FI";
  acme.legal_name = "Acme Oy Ab";
  acme.hq_city = "Helsinki";
  acme.website = "https://acme.example";
  acme.status = "onboarding";
  acme.risk = "medium";
  acme.next_review = "2026-03-01";
  acme.notes = "Call centre, \"24/7\"\nsecond line";
  const auto acme_id = store::add_provider(catalogue, acme).id;
  test::add_provider(catalogue, "Tallinn Ops", "EE");
  const auto ops_id = store::find_provider(catalogue, "Tallinn Ops").id;

  store::add_location(catalogue, acme_id, "EE", std::string("Tallinn"), std::string("Tallinn centre"));
  store::add_location(catalogue, ops_id, "IN", std::nullopt, std::nullopt);

  store::add_service(catalogue, "ai-research", "AI research", domain::OutsourcingType::kpo,
                     "market-research");
  store::add_service(catalogue, "ai-labelling", "AI labelling", domain::OutsourcingType::bpo, "ai-research");
  store::add_offering(catalogue, acme_id, store::find_service(catalogue, "ai-research").id);
  store::add_offering(catalogue, ops_id, store::find_service(catalogue, "payroll").id);

  test::add_engagement(catalogue, "E-1", "Tallinn Ops", "payroll", "EE", "EUR"); // model and type derived
  store::EngagementFields explicit_one;
  explicit_one.ref = "E-2";
  explicit_one.provider = "Acme Oy";
  explicit_one.service = "ai-research";
  explicit_one.delivery_country = "IN";
  explicit_one.start_date = "2024-02-01";
  explicit_one.end_date = "2026-01-31";
  explicit_one.title = "Research, phase 2";
  explicit_one.client_unit = "Strategy";
  explicit_one.delivery_model = "nearshore";
  explicit_one.type = "BPO";
  explicit_one.notice_days = "90";
  explicit_one.auto_renew = "true";
  explicit_one.value = "120000.00";
  explicit_one.currency = "USD";
  explicit_one.status = "active";
  explicit_one.owner = "Maija";
  explicit_one.notes = "renews yearly";
  store::add_engagement(catalogue, explicit_one);

  store::add_spend(catalogue, "E-1", "2025-02-15", "1050.00", std::nullopt, std::string("INV-1"));
  store::add_spend(catalogue, "E-1", "2025-01-15", "-50.00", std::nullopt, std::nullopt);
  store::add_spend(catalogue, "E-2", "2025-01-31", "99.99", std::string("USD"), std::string("INV-9"));

  store::set_fx_rate(catalogue, "USD", "2025-01", "0.92");
  store::set_fx_rate(catalogue, "SEK", "2025-02", "0.0871");

  store::set_volume(catalogue, store::check_volume(catalogue, "E-1", "2025-02", "12.5", "fte"));
  store::set_volume(catalogue, store::check_volume(catalogue, "E-2", "2025-01", "0.001", "hours"));

  store::AssessmentFields answers; // five of eight: E-1 is assessed KPO
  answers.basis = "judgement";
  answers.complexity = "high";
  answers.expertise = "knowledge";
  answers.arbitrage = "knowledge";
  answers.talent = "communication";
  store::assess_engagement(catalogue, store::find_engagement(catalogue, "E-1").id, answers);
  transaction.commit();
}

// The names of KIND's file columns, as its description gives them.
std::vector<std::string> file_columns_of(io::Kind kind)
{
  return io::visit_kind(kind, [](const auto& description) { return description.file_columns(); });
}

std::size_t required_of(io::Kind kind)
{
  return io::visit_kind(kind, [](const auto& description) { return description.required_columns(); });
}

std::string csv_line(const std::vector<std::string>& names)
{
  return fmt::format("{}\n", fmt::join(names, ","));
}

bool contains(const std::vector<std::string>& errors, const std::string& text)
{
  return std::any_of(errors.begin(), errors.end(),
                     [&](const std::string& error) { return error.find(text) != std::string::npos; });
}

} // namespace

TEST(Kinds, EveryKindHasItsOwnDescriptionAndName)
{
  ASSERT_EQ(io::all_kinds().size(), 9U);
  for (const auto kind : io::all_kinds()) {
    EXPECT_EQ(io::visit_kind(kind, [](const auto& description) { return description.kind; }), kind);
    EXPECT_EQ(io::parse_kind(io::to_string(kind)), kind);
  }
}

TEST(Kinds, RequiredColumnsComeFirstAndAreInFiles)
{
  for (const auto kind : io::all_kinds()) {
    io::visit_kind(kind, [&](const auto& description) {
      bool optional_seen = false;
      for (const auto& column : description.columns) {
        if (column.required) {
          EXPECT_FALSE(optional_seen) << io::to_string(kind) << ": " << column.name;
          EXPECT_TRUE(column.in_files()) << io::to_string(kind) << ": " << column.name;
        } else {
          optional_seen = true;
        }
        EXPECT_NE(column.read, nullptr) << io::to_string(kind) << ": " << column.name;
      }
      EXPECT_GE(description.required_columns(), 1U) << io::to_string(kind);
    });
  }
}

// Export every kind, import the exports into a fresh catalogue in the order
// of all_kinds(), and export again: the same text, in every file format.
TEST(Kinds, ExportThenImportRestoresEveryKindInEveryFormat)
{
  auto source = test::migrated_catalogue();
  fill_every_kind(source);
  for (const auto format : {table::Format::csv, table::Format::json, table::Format::jsonl}) {
    SCOPED_TRACE(table::to_string(format));
    auto restored = test::migrated_catalogue();
    for (const auto kind : io::all_kinds()) {
      const auto text = test::export_text(source, kind, format);
      try {
        const auto summary = test::import_text(restored, kind, format, text);
        EXPECT_GT(summary.created, 0U) << io::to_string(kind);
        EXPECT_EQ(summary.updated + summary.skipped, 0U) << io::to_string(kind);
      } catch (const io::ImportFailed& failed) {
        ADD_FAILURE() << io::to_string(kind) << ": " << fmt::format("{}", fmt::join(failed.errors(), "\n"));
      }
    }
    for (const auto kind : io::all_kinds()) {
      EXPECT_EQ(test::export_text(restored, kind, format), test::export_text(source, kind, format))
        << io::to_string(kind);
    }
  }
}

TEST(Kinds, ExportWritesEveryFileColumnAndImportAcceptsEachOne)
{
  auto source = test::migrated_catalogue();
  fill_every_kind(source);
  for (const auto kind : io::all_kinds()) {
    const auto names = file_columns_of(kind);
    const auto text = test::export_text(source, kind, table::Format::csv);
    EXPECT_EQ(text.substr(0, text.find('\n') + 1), csv_line(names)) << io::to_string(kind);
    // The header alone, in file order and reversed: no column is unknown.
    auto reversed = names;
    std::reverse(reversed.begin(), reversed.end());
    for (const auto& header : {names, reversed}) {
      auto empty = test::migrated_catalogue();
      EXPECT_EQ(test::csv_errors(empty, kind, csv_line(header)), std::vector<std::string>{})
        << io::to_string(kind);
    }
  }
}

TEST(Kinds, EveryRequiredColumnIsRefusedWhenMissing)
{
  for (const auto kind : io::all_kinds()) {
    const auto names = file_columns_of(kind);
    for (std::size_t missing = 0; missing < required_of(kind); ++missing) {
      SCOPED_TRACE(fmt::format("{} without {}", io::to_string(kind), names[missing]));
      auto rest = names;
      rest.erase(rest.begin() + static_cast<std::ptrdiff_t>(missing));
      const auto message = fmt::format("required column '{}' is missing", names[missing]);
      auto catalogue = test::migrated_catalogue();
      const auto csv = test::csv_errors(catalogue, kind, csv_line(rest));
      EXPECT_EQ(csv, std::vector<std::string>{"test.csv:1: " + message});
      // In JSON the header is the union of the objects' keys.
      std::string object;
      for (const auto& name : rest) {
        object += fmt::format("{}\"{}\": \"x\"", object.empty() ? "" : ", ", name);
      }
      const auto json = test::import_errors(catalogue, kind, table::Format::json, "[{" + object + "}]\n");
      EXPECT_TRUE(contains(json, message)) << fmt::format("{}", fmt::join(json, "\n"));
    }
  }
}

TEST(Kinds, EveryMissingRequiredColumnIsReportedOnceInColumnOrder)
{
  // Every required column missing at once: one error each, in column order.
  for (const auto kind : io::all_kinds()) {
    const auto names = file_columns_of(kind);
    const auto required = required_of(kind);
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < required; ++i) {
      expected.push_back(fmt::format("test.csv:1: required column '{}' is missing", names[i]));
    }
    const std::vector<std::string> optional(names.begin() + static_cast<std::ptrdiff_t>(required),
                                            names.end());
    if (optional.empty()) {
      continue; // offerings, fx and volumes: every file column is required
    }
    auto catalogue = test::migrated_catalogue();
    EXPECT_EQ(test::csv_errors(catalogue, kind, csv_line(optional)), expected) << io::to_string(kind);
  }
}

TEST(Kinds, ListTableHasTheIdThenEveryColumnAndFilesASubsequence)
{
  for (const auto kind : io::all_kinds()) {
    io::visit_kind(kind, [&](const auto& description) {
      const auto table = io::table_of(description, {});
      std::vector<std::string> keys;
      for (const auto& column : table.columns) {
        keys.push_back(column.key);
      }
      std::vector<std::string> expected;
      if (description.id) {
        expected.emplace_back("id");
      }
      for (const auto& column : description.columns) {
        expected.emplace_back(column.name);
      }
      EXPECT_EQ(keys, expected) << io::to_string(kind);
      EXPECT_TRUE(table.rows.empty());
      // The export's columns appear in the listing, in the same order.
      const auto files = description.file_columns();
      auto at = keys.begin();
      for (const auto& name : files) {
        at = std::find(at, keys.end(), name);
        ASSERT_NE(at, keys.end()) << io::to_string(kind) << ": " << name << " missing or out of order";
        ++at;
      }
    });
  }
}

// An exchange rate is keyed by currency and month, an assessment by its
// engagement.
TEST(Kinds, OnlyExchangeRatesAndAssessmentsHaveNoIdColumn)
{
  for (const auto kind : io::all_kinds()) {
    const bool has_id =
      io::visit_kind(kind, [](const auto& description) { return description.id != nullptr; });
    EXPECT_EQ(has_id, kind != io::Kind::fx && kind != io::Kind::assessments) << io::to_string(kind);
  }
}

TEST(Kinds, ListRowsReadEveryColumnOfAStoredRecord)
{
  auto catalogue = test::migrated_catalogue();
  fill_every_kind(catalogue);
  const auto table = io::table_of(io::providers_kind(), store::list_providers(catalogue, {}));
  ASSERT_EQ(table.rows.size(), 2U);
  ASSERT_EQ(table.rows[0].size(), table.columns.size());
  EXPECT_EQ(table.columns[1].key, "name");
  EXPECT_EQ(std::get<std::string>(table.rows[0][1]), "Acme Oy");
  EXPECT_EQ(table.columns[8].key, "next_review");
  EXPECT_EQ(std::get<std::string>(table.rows[0][8]), "2026-03-01");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[1][8])); // Tallinn Ops has no review date
}

// --spreadsheet-safe leaves numbers alone: the columns it may change are the
// text columns, and the right-aligned ones are exactly the numbers.
TEST(Kinds, NumericColumnsAreTheAmountsRatesQuantitiesAndWholeNumbers)
{
  std::vector<std::string> numeric;
  for (const auto kind : io::all_kinds()) {
    io::visit_kind(kind, [&](const auto& description) {
      for (const auto& column : description.columns) {
        if (column.numeric()) {
          numeric.push_back(fmt::format("{}.{}", io::to_string(kind), column.name));
        }
      }
    });
  }
  EXPECT_EQ(numeric, (std::vector<std::string>{"engagements.notice_days", "engagements.value",
                                               "engagements.renewal_months", "spend.amount", "fx.rate",
                                               "volumes.quantity"}));
}

TEST(Kinds, TheHelpAndTheMessagesNameEachKindsColumnsAndRecords)
{
  EXPECT_EQ(io::column_summary(io::Kind::spend), "engagement*, date*, amount*, currency, reference");
  EXPECT_EQ(io::column_summary(io::Kind::offerings), "provider*, service*");
  for (const auto kind : io::all_kinds()) {
    const auto summary = io::column_summary(kind);
    const auto names = file_columns_of(kind);
    EXPECT_EQ(std::count(summary.begin(), summary.end(), '*'), static_cast<long>(required_of(kind)));
    EXPECT_EQ(std::count(summary.begin(), summary.end(), ',') + 1, static_cast<long>(names.size()));
  }
  EXPECT_EQ(io::counted_records(io::Kind::spend, 25), "25 spend lines");
  EXPECT_EQ(io::counted_records(io::Kind::spend, 1), "1 spend line");
  EXPECT_EQ(io::counted_records(io::Kind::fx, 2), "2 exchange rates");
  EXPECT_EQ(io::counted_records(io::Kind::providers, 1500), "1,500 providers");
}
