// The export formats (io/export.hpp) on an in-memory catalogue: CSV quoting,
// JSON arrays and nulls, JSON Lines, and what each kind chooses to write.

#include "io/export.hpp"
#include "io/kinds.hpp"
#include "store/engagements.hpp"
#include "store/services.hpp"
#include "store/settings.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/import_text.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

using namespace vendorcat;

namespace {

constexpr const char* provider_header =
  "name,hq_country,legal_name,hq_city,website,status,risk,next_review,notes\n";

store::Catalogue catalogue_with_provider(const std::string& name, const std::string& notes)
{
  auto catalogue = test::migrated_catalogue();
  store::ProviderFields fields;
  fields.name = name;
  fields.hq_country = "FI";
  fields.notes = notes;
  store::add_provider(catalogue, fields);
  return catalogue;
}

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

} // namespace

TEST(Export, CsvStartsWithTheHeaderOfTheFileColumns)
{
  auto catalogue = test::migrated_catalogue();
  EXPECT_EQ(test::export_text(catalogue, io::Kind::providers, table::Format::csv), provider_header);
  EXPECT_EQ(test::export_text(catalogue, io::Kind::fx, table::Format::csv), "currency,month,rate\n");
  EXPECT_EQ(test::export_text(catalogue, io::Kind::spend, table::Format::csv),
            "engagement,date,amount,currency,reference\n");
}

TEST(Export, CsvQuotesACellWithACommaQuoteOrLineBreak)
{
  auto catalogue = catalogue_with_provider("Acme, \"the\" Oy", "line one\nline two");
  EXPECT_EQ(test::export_text(catalogue, io::Kind::providers, table::Format::csv),
            std::string(provider_header) +
              "\"Acme, \"\"the\"\" Oy\",FI,,,,active,,,\"line one\nline two\"\n");
}

TEST(Export, CsvQuotesACellWithSurroundingSpacesAndLeavesPlainOnesBare)
{
  auto catalogue = catalogue_with_provider("Acme", " indented");
  EXPECT_EQ(test::export_text(catalogue, io::Kind::providers, table::Format::csv),
            std::string(provider_header) + "Acme,FI,,,,active,,,\" indented\"\n");
}

TEST(Export, TableFormatIsTakenAsCsv)
{
  auto catalogue = catalogue_with_provider("Acme", "x");
  EXPECT_EQ(test::export_text(catalogue, io::Kind::providers, table::Format::table),
            test::export_text(catalogue, io::Kind::providers, table::Format::csv));
}

TEST(Export, JsonIsAnArrayOfOneObjectPerLineWithNullForAbsentValues)
{
  auto catalogue = catalogue_with_provider("Åbo \"Oy\"", "a\nb");
  EXPECT_EQ(test::export_text(catalogue, io::Kind::providers, table::Format::json),
            "[\n"
            "  {\"name\":\"Åbo \\\"Oy\\\"\",\"hq_country\":\"FI\",\"legal_name\":null,\"hq_city\":null,"
            "\"website\":null,\"status\":\"active\",\"risk\":null,\"next_review\":null,\"notes\":\"a\\nb\"}\n"
            "]\n");
}

TEST(Export, JsonOfNothingIsAnEmptyArrayAndJsonLinesOfNothingIsEmpty)
{
  auto catalogue = test::migrated_catalogue();
  for (const auto kind : io::all_kinds()) {
    EXPECT_EQ(test::export_text(catalogue, kind, table::Format::json), "[]\n") << io::to_string(kind);
    EXPECT_EQ(test::export_text(catalogue, kind, table::Format::jsonl), "") << io::to_string(kind);
    std::ostringstream out;
    EXPECT_EQ(io::export_records(catalogue, kind, table::Format::csv, out), 0U);
  }
}

TEST(Export, JsonLinesIsOneObjectPerLine)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Acme", "FI");
  test::add_provider(catalogue, "Beta", "SE");
  std::ostringstream out;
  EXPECT_EQ(io::export_records(catalogue, io::Kind::providers, table::Format::jsonl, out), 2U);
  const auto lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(nlohmann::json::parse(lines[0]).at("name"), "Acme");
  EXPECT_EQ(nlohmann::json::parse(lines[1]).at("name"), "Beta");
  EXPECT_TRUE(nlohmann::json::parse(lines[1]).at("hq_city").is_null());
  EXPECT_EQ(lines[0].front(), '{');
}

TEST(Export, JsonWritesEveryValueAsTextABooleanOrNull)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Acme", "FI");
  test::add_engagement(catalogue, "E-1", "Acme", "payroll", "EE", "EUR");
  store::add_spend(catalogue, "E-1", "2025-01-15", "-50.00", std::nullopt, std::nullopt);
  EXPECT_EQ(test::export_text(catalogue, io::Kind::spend, table::Format::jsonl),
            "{\"engagement\":\"E-1\",\"date\":\"2025-01-15\",\"amount\":\"-50.00\",\"currency\":\"EUR\","
            "\"reference\":null}\n");
  const auto engagement =
    nlohmann::json::parse(test::export_text(catalogue, io::Kind::engagements, table::Format::jsonl));
  EXPECT_EQ(engagement.at("auto_renew"), false); // a JSON boolean, as the listings print it
  EXPECT_TRUE(engagement.at("notice_days").is_null());
  const auto csv = test::export_text(catalogue, io::Kind::engagements, table::Format::csv);
  EXPECT_NE(csv.find(",false,"), std::string::npos) << csv;
}

TEST(Export, SpreadsheetSafeGuardsTextCellsOnly)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "=HYPERLINK(1)", "FI");
  test::add_engagement(catalogue, "-E-1", "=HYPERLINK(1)", "payroll", "EE", "EUR");
  store::add_spend(catalogue, "-E-1", "2025-01-15", "-80.00", std::nullopt, std::string("@SUM(A1)"));
  store::add_spend(catalogue, "-E-1", "2025-01-16", "12.00", std::nullopt, std::string("+1\tx"));
  std::ostringstream exact;
  io::export_records(catalogue, io::Kind::spend, table::Format::csv, exact);
  EXPECT_EQ(exact.str(), "engagement,date,amount,currency,reference\n"
                         "-E-1,2025-01-15,-80.00,EUR,@SUM(A1)\n"
                         "-E-1,2025-01-16,12.00,EUR,+1\tx\n");
  std::ostringstream safe;
  io::export_records(catalogue, io::Kind::spend, table::Format::csv, safe, io::TextCells::spreadsheet_safe);
  EXPECT_EQ(safe.str(), "engagement,date,amount,currency,reference\n"
                        "'-E-1,2025-01-15,-80.00,EUR,'@SUM(A1)\n"
                        "'-E-1,2025-01-16,12.00,EUR,'+1\tx\n");
  std::ostringstream json;
  io::export_records(catalogue, io::Kind::providers, table::Format::jsonl, json,
                     io::TextCells::spreadsheet_safe);
  EXPECT_EQ(nlohmann::json::parse(json.str()).at("name"), "'=HYPERLINK(1)");
}

TEST(Export, SpreadsheetSafeCellsAreThoseThatStartLikeAFormula)
{
  EXPECT_EQ(io::spreadsheet_safe("=1+2"), "'=1+2");
  EXPECT_EQ(io::spreadsheet_safe("+358 40 123"), "'+358 40 123");
  EXPECT_EQ(io::spreadsheet_safe("-"), "'-");
  EXPECT_EQ(io::spreadsheet_safe("@cmd"), "'@cmd");
  EXPECT_EQ(io::spreadsheet_safe("\tx"), "'\tx");
  EXPECT_EQ(io::spreadsheet_safe("\rx"), "'\rx");
  EXPECT_EQ(io::spreadsheet_safe("Acme = best"), "Acme = best");
  EXPECT_EQ(io::spreadsheet_safe(" =1"), " =1");
  EXPECT_EQ(io::spreadsheet_safe(""), "");
}

TEST(Export, SpendIsWrittenInTheOrderRecorded)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Acme", "FI");
  test::add_engagement(catalogue, "E-1", "Acme", "payroll", "EE", "EUR");
  store::add_spend(catalogue, "E-1", "2025-03-01", "1050.00", std::nullopt, std::string("INV-3"));
  store::add_spend(catalogue, "E-1", "2025-01-01", "1000", std::string("JPY"), std::nullopt);
  store::add_spend(catalogue, "E-1", "2025-02-01", "-0.50", std::nullopt, std::string("CN-1"));
  EXPECT_EQ(test::export_text(catalogue, io::Kind::spend, table::Format::csv),
            "engagement,date,amount,currency,reference\n"
            "E-1,2025-03-01,1050.00,EUR,INV-3\n"
            "E-1,2025-01-01,1000,JPY,\n"
            "E-1,2025-02-01,-0.50,EUR,CN-1\n");
}

TEST(Export, ServicesAreOnlyTheCustomOnesEachAfterItsParent)
{
  auto catalogue = test::migrated_catalogue();
  store::add_service(catalogue, "aa-late", "Added first", domain::OutsourcingType::bpo, "");
  store::add_service(catalogue, "zz-first", "Added second", domain::OutsourcingType::kpo, "market-research");
  // aa-late moves under zz-first: by code it would come first.
  store::update_service(catalogue, store::find_service(catalogue, "aa-late").id, "Added first",
                        domain::OutsourcingType::bpo, "zz-first");
  EXPECT_EQ(test::export_text(catalogue, io::Kind::services, table::Format::csv),
            "code,name,type,parent\n"
            "zz-first,Added second,KPO,market-research\n"
            "aa-late,Added first,BPO,zz-first\n");
  // A catalogue of only the built-in taxonomy exports no services.
  auto builtin_only = test::migrated_catalogue();
  EXPECT_FALSE(store::list_services(builtin_only).empty());
  EXPECT_EQ(test::export_text(builtin_only, io::Kind::services, table::Format::csv),
            "code,name,type,parent\n");
}

// A spreadsheet shows every model and type, and the sources say which were
// set by hand.
TEST(Export, EngagementsWriteDeliveryModelAndTypeAlwaysWithTheirSources)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Acme", "FI");
  test::add_engagement(catalogue, "E-1", "Acme", "payroll", "EE", "EUR"); // both derived
  store::EngagementFields model_only;
  model_only.ref = "E-2";
  model_only.provider = "Acme";
  model_only.service = "payroll";
  model_only.delivery_country = "EE";
  model_only.start_date = "2024-01-01";
  model_only.delivery_model = "offshore";
  store::add_engagement(catalogue, model_only);
  auto type_only = model_only;
  type_only.ref = "E-3";
  type_only.delivery_model.reset();
  type_only.type = "KPO";
  store::add_engagement(catalogue, type_only);

  const auto lines = lines_of(test::export_text(catalogue, io::Kind::engagements, table::Format::jsonl));
  ASSERT_EQ(lines.size(), 3U);
  const auto e1 = nlohmann::json::parse(lines[0]);
  const auto e2 = nlohmann::json::parse(lines[1]);
  const auto e3 = nlohmann::json::parse(lines[2]);
  EXPECT_EQ(e1.at("delivery_model"), "nearshore");
  EXPECT_EQ(e1.at("model_source"), "derived");
  EXPECT_EQ(e1.at("type"), "BPO");
  EXPECT_EQ(e1.at("type_source"), "derived");
  EXPECT_EQ(e2.at("delivery_model"), "offshore");
  EXPECT_EQ(e2.at("model_source"), "explicit");
  EXPECT_EQ(e2.at("type"), "BPO");
  EXPECT_EQ(e2.at("type_source"), "derived");
  EXPECT_EQ(e3.at("delivery_model"), "nearshore");
  EXPECT_EQ(e3.at("type"), "KPO");
  EXPECT_EQ(e3.at("type_source"), "explicit");

  // Read back into a catalogue whose home country differs, a derived model
  // is derived again there, an explicit one kept.
  auto other = test::migrated_catalogue();
  store::set_setting(other, store::SettingKey::home_country, "IN");
  test::add_provider(other, "Acme", "FI");
  test::import_text(other, io::Kind::engagements, table::Format::jsonl,
                    test::export_text(catalogue, io::Kind::engagements, table::Format::jsonl));
  EXPECT_EQ(store::find_engagement(other, "E-1").delivery_model, domain::DeliveryModel::offshore);
  EXPECT_EQ(store::find_engagement(other, "E-1").model_source, domain::Source::derived);
  EXPECT_EQ(store::find_engagement(other, "E-2").delivery_model, domain::DeliveryModel::offshore);
  EXPECT_EQ(store::find_engagement(other, "E-2").model_source, domain::Source::explicit_);
  EXPECT_EQ(store::find_engagement(other, "E-3").type_source, domain::Source::explicit_);

  // The list table shows the derived values as well, with their sources.
  const auto table = io::table_of(io::engagements_kind(), store::list_engagements(catalogue, {}));
  std::size_t model = 0;
  std::size_t model_source = 0;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    model = table.columns[i].key == "delivery_model" ? i : model;
    model_source = table.columns[i].key == "model_source" ? i : model_source;
  }
  ASSERT_NE(model, 0U);
  ASSERT_NE(model_source, 0U);
  EXPECT_EQ(std::get<std::string>(table.rows[0][model]), "nearshore");
  EXPECT_EQ(std::get<std::string>(table.rows[0][model_source]), "derived");
  EXPECT_EQ(std::get<std::string>(table.rows[1][model]), "offshore");
  EXPECT_EQ(std::get<std::string>(table.rows[1][model_source]), "explicit");
}

TEST(Export, ReturnsTheNumberOfRecordsWritten)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Acme", "FI");
  store::set_fx_rate(catalogue, "USD", "2025-01", "0.92");
  store::set_fx_rate(catalogue, "USD", "2025-02", "0.93");
  std::ostringstream out;
  EXPECT_EQ(io::export_records(catalogue, io::Kind::fx, table::Format::json, out), 2U);
  EXPECT_EQ(out.str(), "[\n  {\"currency\":\"USD\",\"month\":\"2025-01\",\"rate\":\"0.92\"},\n"
                       "  {\"currency\":\"USD\",\"month\":\"2025-02\",\"rate\":\"0.93\"}\n]\n");
}
