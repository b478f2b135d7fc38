// The import pipeline (io/import.hpp) of every kind on an in-memory
// catalogue: the --on-conflict policies and their counts, the messages of
// bad rows and headers, and the file formats.

#include "io/import.hpp"
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
using namespace std::string_literals;
using Errors = std::vector<std::string>;

namespace {

bool contains(const Errors& errors, const std::string& text)
{
  return std::any_of(errors.begin(), errors.end(),
                     [&](const std::string& error) { return error.find(text) != std::string::npos; });
}

// A catalogue with one record of every kind for a file to conflict with:
// provider Acme Oy (offering payroll, a location in EE Tallinn), the custom
// service ai-research, engagement E-1 with line INV-1, 12 FTE in 2025-01
// and an assessment (basis rules), engagement E-3, and the USD rate of
// 2025-01.
store::Catalogue catalogue_with_one_of_each()
{
  auto catalogue = test::migrated_catalogue();
  store::WriteTransaction transaction(catalogue);
  test::add_provider(catalogue, "Acme Oy", "FI");
  const auto acme = store::find_provider(catalogue, "Acme Oy").id;
  store::add_location(catalogue, acme, "EE", std::string("Tallinn"), std::nullopt);
  store::add_service(catalogue, "ai-research", "AI research", domain::OutsourcingType::kpo,
                     "market-research");
  store::add_offering(catalogue, acme, store::find_service(catalogue, "payroll").id);
  test::add_engagement(catalogue, "E-1", "Acme Oy", "payroll", "EE", "EUR");
  store::add_spend(catalogue, "E-1", "2025-01-01", "10.00", std::nullopt, std::string("INV-1"));
  store::AssessmentFields rules;
  rules.basis = "rules";
  store::assess_engagement(catalogue, store::find_engagement(catalogue, "E-1").id, rules);
  test::add_engagement(catalogue, "E-3", "Acme Oy", "payroll", "EE", "EUR");
  store::set_fx_rate(catalogue, "USD", "2025-01", "0.92");
  store::set_volume(catalogue, store::check_volume(catalogue, "E-1", "2025-01", "12", "fte"));
  transaction.commit();
  return catalogue;
}

// A file per kind whose first row has the key of the record already there
// and whose second row is new.
struct ConflictCase
{
  io::Kind kind;
  std::string file;
  std::string conflict; // the error of the first row with --on-conflict error
  std::size_t updated;  // rows updated by --on-conflict update (else skipped)
};

const std::vector<ConflictCase>& conflict_cases()
{
  static const std::vector<ConflictCase> cases{
    {io::Kind::providers, "name,hq_country,hq_city\nACME OY,FI,Espoo\nBeta AB,SE,\n",
     "test.csv:2: name: provider 'Acme Oy' already exists (use --on-conflict skip or update)", 1},
    {io::Kind::locations, "provider,country,city\nAcme Oy,EE,tallinn\nAcme Oy,LV,Riga\n",
     "test.csv:2: city: location EE tallinn of 'Acme Oy' already exists (use --on-conflict skip or update)",
     0},
    {io::Kind::services,
     "code,name,type,parent\nai-research,AI research 2,BPO,\nai-ops,AI ops,BPO,ai-research\n",
     "test.csv:2: code: service 'ai-research' already exists (use --on-conflict skip or update)", 1},
    {io::Kind::offerings, "provider,service\nAcme Oy,payroll\nAcme Oy,recruitment\n",
     "test.csv:2: service: offering of payroll by 'Acme Oy' already exists (use --on-conflict skip or "
     "update)",
     0},
    {io::Kind::engagements,
     "ref,provider,service,delivery_country,start_date,title\n"
     "E-1,Acme Oy,payroll,EE,2024-01-01,Renamed\nE-2,Acme Oy,payroll,EE,2024-01-01,\n",
     "test.csv:2: ref: engagement 'E-1' already exists (use --on-conflict skip or update)", 1},
    {io::Kind::spend,
     "engagement,date,amount,reference\nE-1,2025-01-02,20.00,INV-1\nE-1,2025-01-03,30.00,INV-2\n",
     "test.csv:2: reference: invoice reference 'INV-1' is already recorded on that engagement", 1},
    {io::Kind::fx, "currency,month,rate\nUSD,2025-01,0.95\nUSD,2025-02,0.93\n",
     "test.csv:2: month: a rate for USD in 2025-01 already exists (use --on-conflict skip or update)", 1},
    {io::Kind::volumes, "engagement,month,quantity,unit\ne-1,2025-01,12.5,FTE\nE-1,2025-01,160,hours\n",
     "test.csv:2: month: the fte volume of E-1 in 2025-01 already exists (use --on-conflict skip or update)",
     1},
    {io::Kind::assessments, "engagement,basis,focus\nE-1,judgement,high\nE-3,rules,low\n",
     "test.csv:2: engagement: the assessment of engagement 'E-1' already exists (use --on-conflict skip or "
     "update)",
     1},
  };
  return cases;
}

} // namespace

TEST(Import, EveryKindHasAConflictCase)
{
  ASSERT_EQ(conflict_cases().size(), io::all_kinds().size());
  for (std::size_t i = 0; i < conflict_cases().size(); ++i) {
    EXPECT_EQ(conflict_cases()[i].kind, io::all_kinds()[i]);
  }
}

TEST(Import, ConflictIsAnErrorNamingFileLineAndColumnAndWritesNothing)
{
  for (const auto& c : conflict_cases()) {
    SCOPED_TRACE(io::to_string(c.kind));
    auto catalogue = catalogue_with_one_of_each();
    const auto before = test::export_text(catalogue, c.kind, table::Format::csv);
    EXPECT_EQ(test::csv_errors(catalogue, c.kind, c.file), Errors{c.conflict});
    EXPECT_EQ(test::export_text(catalogue, c.kind, table::Format::csv), before);
  }
}

TEST(Import, SkipLeavesTheExistingRecordAndCreatesTheNewOne)
{
  for (const auto& c : conflict_cases()) {
    SCOPED_TRACE(io::to_string(c.kind));
    auto catalogue = catalogue_with_one_of_each();
    const auto summary = test::import_csv(catalogue, c.kind, c.file, io::OnConflict::skip);
    EXPECT_EQ(summary.created, 1U);
    EXPECT_EQ(summary.skipped, 1U);
    EXPECT_EQ(summary.updated, 0U);
  }
}

TEST(Import, UpdateChangesTheExistingRecordWhereTheKindHasSomethingToUpdate)
{
  for (const auto& c : conflict_cases()) {
    SCOPED_TRACE(io::to_string(c.kind));
    auto catalogue = catalogue_with_one_of_each();
    const auto summary = test::import_csv(catalogue, c.kind, c.file, io::OnConflict::update);
    EXPECT_EQ(summary.created, 1U);
    EXPECT_EQ(summary.updated, c.updated);
    EXPECT_EQ(summary.skipped, 1U - c.updated); // locations and offerings skip
  }
}

TEST(Import, UpdateReplacesTheGivenFields)
{
  auto catalogue = catalogue_with_one_of_each();
  test::import_csv(catalogue, io::Kind::providers, "name,hq_country,hq_city\nAcme Oy,FI,Espoo\n",
                   io::OnConflict::update);
  EXPECT_EQ(store::find_provider(catalogue, "Acme Oy").hq_city, "Espoo");
  test::import_csv(
    catalogue, io::Kind::engagements,
    "ref,provider,service,delivery_country,start_date,title\nE-1,Acme Oy,payroll,EE,2024-01-01,New\n",
    io::OnConflict::update);
  EXPECT_EQ(store::find_engagement(catalogue, "E-1").title, "New");
  test::import_csv(catalogue, io::Kind::spend,
                   "engagement,date,amount,reference\nE-1,2025-01-05,20.00,INV-1\n", io::OnConflict::update);
  const auto lines = store::list_spend(catalogue, {});
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].amount.to_string(), "20.00");
  EXPECT_EQ(lines[0].date.to_string(), "2025-01-05");
  EXPECT_TRUE(store::check_spend_rollup(catalogue).empty());
  test::import_csv(catalogue, io::Kind::fx, "currency,month,rate\nUSD,2025-01,0.95\n",
                   io::OnConflict::update);
  EXPECT_EQ(store::find_fx_rate(catalogue, "USD", "2025-01")->rate.to_string(), "0.95");
  test::import_csv(catalogue, io::Kind::services, "code,name,type\nai-research,AI research 2,BPO\n",
                   io::OnConflict::update);
  const auto service = store::find_service(catalogue, "ai-research");
  EXPECT_EQ(service.name, "AI research 2");
  EXPECT_EQ(service.parent, ""); // an absent parent makes it top-level
  test::import_csv(catalogue, io::Kind::volumes, "engagement,month,quantity,unit\nE-1,2025-01,12.5,fte\n",
                   io::OnConflict::update);
  const auto volumes = store::list_volumes(catalogue, {});
  ASSERT_EQ(volumes.size(), 1U);
  EXPECT_EQ(volumes[0].quantity, 12500);
}

TEST(Import, SkipKeepsTheExistingValues)
{
  auto catalogue = catalogue_with_one_of_each();
  test::import_csv(catalogue, io::Kind::spend,
                   "engagement,date,amount,reference\nE-1,2025-01-05,20.00,INV-1\n", io::OnConflict::skip);
  const auto lines = store::list_spend(catalogue, {});
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0].amount.to_string(), "10.00");
}

TEST(Import, ARowRepeatingAnEarlierRowOfTheSameFileConflictsOnItsLine)
{
  auto catalogue = test::migrated_catalogue();
  EXPECT_EQ(
    test::csv_errors(catalogue, io::Kind::providers, "name,hq_country\nGamma,FI\nBeta,SE\ngamma,FI\n"),
    Errors{"test.csv:4: name: provider 'Gamma' already exists (use --on-conflict skip or update)"});
  const auto summary = test::import_csv(catalogue, io::Kind::providers,
                                        "name,hq_country\nGamma,FI\ngamma,SE\n", io::OnConflict::update);
  EXPECT_EQ(summary.created, 1U);
  EXPECT_EQ(summary.updated, 1U);
  EXPECT_EQ(store::find_provider(catalogue, "Gamma").hq_country, "SE");
}

TEST(Import, EveryMissingRequiredCellOfARowIsReported)
{
  auto catalogue = test::migrated_catalogue();
  try {
    test::import_csv(catalogue, io::Kind::providers,
                     "name,hq_country,hq_city\n,,Helsinki\nBeta,,\nGamma,FI,\n");
    FAIL() << "the import succeeded";
  } catch (const io::ImportFailed& failed) {
    EXPECT_EQ(failed.errors(),
              (Errors{"test.csv:2: name: a value is required", "test.csv:2: hq_country: a value is required",
                      "test.csv:3: hq_country: a value is required"}));
    EXPECT_EQ(failed.total(), 3U);
  }
  EXPECT_EQ(store::find_provider_by_name(catalogue, "Gamma"), std::nullopt); // all or nothing
}

TEST(Import, AJsonNullOrAbsentKeyIsAMissingRequiredCell)
{
  auto catalogue = test::migrated_catalogue();
  EXPECT_EQ(test::import_errors(catalogue, io::Kind::spend, table::Format::json,
                                "[\n{\"engagement\": \"E-1\", \"date\": null, \"amount\": \"1.00\"},\n"
                                "{\"engagement\": \"E-1\", \"date\": \"2025-01-01\"}\n]\n"),
            (Errors{"test.json:2: date: a value is required", "test.json:3: amount: a value is required"}));
}

TEST(Import, InvalidUtf8AndNulInACellAreRefusedNamingTheColumn)
{
  auto catalogue = test::migrated_catalogue();
  EXPECT_EQ(test::csv_errors(catalogue, io::Kind::providers, "name,hq_country,notes\nAcme,FI,ok\xFF\n"),
            Errors{"test.csv:2: notes: not valid UTF-8 (byte 0xFF at position 3)"});
  EXPECT_EQ(test::csv_errors(catalogue, io::Kind::providers, "name,hq_country\nAc\0me,FI\n"s),
            Errors{"test.csv:2: name: contains a NUL byte (at position 3)"});
  EXPECT_EQ(test::import_errors(
              catalogue, io::Kind::spend, table::Format::json,
              R"([{"engagement": "E-1", "date": "2025-01-01", "amount": "1", "reference": "A\u0000B"}])"),
            Errors{"test.json:1: reference: contains a NUL byte (at position 2)"});
}

TEST(Import, AColumnNameThatIsNotUtf8IsRefused)
{
  auto catalogue = test::migrated_catalogue();
  const auto errors = test::csv_errors(catalogue, io::Kind::providers, "name,hq_country,no\xC3\n");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0], "test.csv:1: a column name is not valid UTF-8 (byte 0xC3 at position 3)");
}

TEST(Import, HeaderNamesMatchIgnoringLetterCaseAndSurroundingSpaces)
{
  auto catalogue = test::migrated_catalogue();
  const auto summary =
    test::import_csv(catalogue, io::Kind::providers, " NAME ,Hq_Country,\tHQ_city\nAcme,FI,Espoo\n");
  EXPECT_EQ(summary.created, 1U);
  EXPECT_EQ(store::find_provider(catalogue, "Acme").hq_city, "Espoo");
}

TEST(Import, AnUnknownOrRepeatedColumnIsRefused)
{
  auto catalogue = test::migrated_catalogue();
  EXPECT_EQ(test::csv_errors(catalogue, io::Kind::fx, "currency,month,rate,colour\n"),
            Errors{"test.csv:1: unknown column 'colour'; the columns of fx are currency*, month*, rate* (* "
                   "required)"});
  EXPECT_EQ(test::csv_errors(catalogue, io::Kind::fx, "currency,month,rate,Rate\n"),
            Errors{"test.csv:1: column 'Rate' appears twice"});
}

TEST(Import, AnEmptyJsonArrayImportsNothingForEveryKind)
{
  auto catalogue = test::migrated_catalogue();
  for (const auto kind : io::all_kinds()) {
    const auto summary = test::import_text(catalogue, kind, table::Format::json, "[]\n");
    EXPECT_EQ(summary.created + summary.updated + summary.skipped, 0U) << io::to_string(kind);
  }
}

TEST(Import, AJsonLinesFileImports)
{
  auto catalogue = test::migrated_catalogue();
  const auto summary = test::import_text(catalogue, io::Kind::providers, table::Format::jsonl,
                                         "{\"name\": \"Acme\", \"hq_country\": \"FI\", \"risk\": null}\n"
                                         "\n"
                                         "{\"name\": \"Beta\", \"hq_country\": \"SE\", \"risk\": \"low\"}\n");
  EXPECT_EQ(summary.created, 2U);
  EXPECT_EQ(store::find_provider(catalogue, "Acme").risk, std::nullopt);
  EXPECT_EQ(store::find_provider(catalogue, "Beta").risk, "low");
  EXPECT_EQ(test::import_errors(catalogue, io::Kind::providers, table::Format::jsonl,
                                "{\"name\": \"Acme\", \"hq_country\": \"FI\"}\n"),
            Errors{"test.jsonl:1: name: provider 'Acme' already exists (use --on-conflict skip or update)"});
}

TEST(Import, ARecordSpanningLinesIsReportedAtItsFirstLineAndLaterOnesFollowOn)
{
  auto catalogue = test::migrated_catalogue();
  EXPECT_EQ(
    test::csv_errors(catalogue, io::Kind::providers, "name,hq_country,notes\nA,FI,\"one\ntwo\"\nB,,\n"),
    Errors{"test.csv:4: hq_country: a value is required"});
}

TEST(Import, AnErrorWithoutAFieldIsPrefixedWithTheColumnItQuotes)
{
  auto catalogue = catalogue_with_one_of_each();
  EXPECT_EQ(test::csv_errors(catalogue, io::Kind::spend, "engagement,date,amount\nE-9,2025-01-01,1.00\n"),
            Errors{"test.csv:2: engagement: no engagement 'E-9' (did you mean 'E-1'?)"});
}

TEST(Import, BadRowsAreAllReportedUpToTheCapWithTheTotal)
{
  auto catalogue = test::migrated_catalogue();
  std::string file = "name,hq_country\n";
  for (int i = 0; i < 60; ++i) {
    file += fmt::format("P{},\n", i);
  }
  try {
    test::import_csv(catalogue, io::Kind::providers, file);
    FAIL() << "the import succeeded";
  } catch (const io::ImportFailed& failed) {
    EXPECT_EQ(failed.errors().size(), io::ImportFailed::max_errors);
    EXPECT_EQ(failed.total(), 60U);
    EXPECT_EQ(failed.errors().front(), "test.csv:2: hq_country: a value is required");
    EXPECT_EQ(std::string(failed.what()), "test.csv:2: hq_country: a value is required (and 59 more errors)");
  }
}

TEST(Import, ALocationWithoutACityConflictsWithoutAGapInTheMessage)
{
  auto catalogue = catalogue_with_one_of_each();
  test::import_csv(catalogue, io::Kind::locations, "provider,country\nAcme Oy,IN\n");
  EXPECT_EQ(
    test::csv_errors(catalogue, io::Kind::locations, "provider,country,city\nAcme Oy,IN,\n"),
    Errors{"test.csv:2: city: location IN of 'Acme Oy' already exists (use --on-conflict skip or update)"});
}

TEST(Import, ObjectsWithoutKeysAreRefusedForTheirMissingColumns)
{
  auto catalogue = test::migrated_catalogue();
  for (const auto format : {table::Format::json, table::Format::jsonl}) {
    const auto errors = test::import_errors(catalogue, io::Kind::providers, format,
                                            format == table::Format::json ? "[{}, {}]\n" : "{}\n{}\n");
    EXPECT_TRUE(contains(errors, "required column 'name' is missing")) << table::to_string(format);
  }
}

// Past the loader's threshold the invoice-reference check runs at the end;
// its errors still name the file line, merged in order with the row errors,
// across records that span lines.
TEST(Import, ALargeSpendFileReportsLateRepeatsAtTheirFileLinesInOrder)
{
  auto catalogue = catalogue_with_one_of_each(); // E-1 has INV-1
  std::string file = "engagement,date,amount,reference\n"
                     "E-1,2025-01-01,1.00,\"two\nlines\"\n" // lines 2-3
                     "E-1,2025-01-01,bad,\n";               // line 4
  for (int i = 0; i < 50'000; ++i) {
    file += fmt::format("E-1,2025-02-01,1.00,L-{}\n", i); // lines 5 to 50,004
  }
  file += "E-1,2025-03-01,1.00,L-7\n"    // line 50,005
          "E-1,2025-03-01,1.00,INV-1\n"; // line 50,006
  const auto errors = test::csv_errors(catalogue, io::Kind::spend, file);
  ASSERT_EQ(errors.size(), 3U) << fmt::format("{}", fmt::join(errors, "\n"));
  EXPECT_EQ(errors[0].rfind("test.csv:4: amount: ", 0), 0U) << errors[0];
  EXPECT_EQ(errors[1],
            "test.csv:50005: reference: invoice reference 'L-7' is already recorded on that engagement");
  EXPECT_EQ(errors[2],
            "test.csv:50006: reference: invoice reference 'INV-1' is already recorded on that engagement");
  EXPECT_EQ(store::list_spend(catalogue, {}).size(), 1U); // nothing written
}

TEST(Import, AnEngagementUpdateWithoutTheModelColumnsDerivesThemAgain)
{
  // As documented in io/kinds/engagements.cpp: an absent cell means
  // "derive it", unlike the other optional columns, which an absent column
  // leaves as they are.
  auto catalogue = catalogue_with_one_of_each();
  store::EngagementFields fields;
  fields.delivery_model = "offshore";
  fields.title = "Kept";
  store::update_engagement(catalogue, store::find_engagement(catalogue, "E-1").id, fields);
  test::import_csv(catalogue, io::Kind::engagements,
                   "ref,provider,service,delivery_country,start_date\nE-1,Acme Oy,payroll,EE,2024-01-01\n",
                   io::OnConflict::update);
  const auto engagement = store::find_engagement(catalogue, "E-1");
  EXPECT_EQ(engagement.title, "Kept");
  EXPECT_EQ(engagement.delivery_model, domain::DeliveryModel::nearshore);
  EXPECT_EQ(engagement.model_source, domain::Source::derived);
}
