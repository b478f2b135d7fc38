// RowStream writes, a row at a time, what the whole-table JSON would be, and
// nothing at all until the first row or the end.

#include "domain/errors.hpp"
#include "report/document.hpp"
#include "report/row_stream.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace vendorcat::report {
namespace {

const std::vector<table::Column> columns{{"name", table::Align::left}, {"lines", table::Align::right}};

TEST(RowStream, JsonIsTheArrayNlohmannWouldIndent)
{
  std::ostringstream out;
  RowStream stream(columns, table::Format::json, out);
  stream.add({std::string("Seed \"Oy\"\n"), std::int64_t{3}});
  stream.add({std::monostate{}, std::int64_t{-1}});
  EXPECT_EQ(stream.finish(), 2u);
  nlohmann::ordered_json expected = nlohmann::ordered_json::array();
  expected.push_back({{"name", "Seed \"Oy\"\n"}, {"lines", 3}});
  expected.push_back({{"name", nullptr}, {"lines", -1}});
  EXPECT_EQ(out.str(), expected.dump(2) + "\n");
}

TEST(RowStream, WritesNothingBeforeTheFirstRowAndAnEmptyListAtTheEnd)
{
  for (const auto& [format, empty] : std::vector<std::pair<table::Format, std::string>>{
         {table::Format::json, "[]\n"}, {table::Format::csv, "name,lines\n"}, {table::Format::jsonl, ""}}) {
    std::ostringstream out;
    RowStream stream(columns, format, out);
    EXPECT_EQ(out.str(), "");
    stream.finish();
    EXPECT_EQ(out.str(), empty);
  }
}

TEST(RowStream, CsvAndJsonLinesGoOutRowByRow)
{
  std::ostringstream csv;
  RowStream csv_stream(columns, table::Format::csv, csv);
  csv_stream.add({std::string("a,b"), std::int64_t{1}});
  EXPECT_EQ(csv.str(), "name,lines\n\"a,b\",1\n");
  std::ostringstream jsonl;
  RowStream jsonl_stream(columns, table::Format::jsonl, jsonl);
  jsonl_stream.add({std::string("x"), std::int64_t{2}});
  EXPECT_EQ(jsonl.str(), "{\"name\":\"x\",\"lines\":2}\n");
}

TEST(RowStream, TheTableFormatWaitsForTheWidestCell)
{
  std::ostringstream out;
  RowStream stream(columns, table::Format::table, out);
  stream.add({std::string("a"), std::int64_t{1}});
  EXPECT_EQ(out.str(), "");
  stream.add({std::string("a much longer name"), std::int64_t{10}});
  stream.finish();
  EXPECT_NE(out.str().find("a much longer name"), std::string::npos);
  EXPECT_NE(out.str().find("a                   "), std::string::npos) << out.str();
}

TEST(RowStream, TheTableFormatIsFittedAndSaysWhatItLeftOut)
{
  std::ostringstream out;
  std::vector<std::string> heard;
  RowStream stream({{"name"}, {"lines", table::Align::right}, {"notes"}}, table::Format::table, out,
                   {.width = 20}, [&](const TableFit& fit) { heard = fit.left_out; });
  stream.add({std::string("Deccan Knowledge Services"), std::int64_t{12}, std::string("a note")});
  stream.finish();
  EXPECT_EQ(out.str(), "name           lines\n"
                       "-------------  -----\n"
                       "Deccan Knowl\u2026     12\n");
  EXPECT_EQ(heard, std::vector<std::string>{"notes"});
}

TEST(RowStream, NothingIsHeardWhenTheTableFits)
{
  std::ostringstream out;
  bool heard = false;
  RowStream stream(columns, table::Format::table, out, {.width = 80}, [&](const TableFit&) { heard = true; });
  stream.add({std::string("a"), std::int64_t{1}});
  stream.finish();
  EXPECT_FALSE(heard);
}

TEST(RowStream, ARowOfTheWrongShapeIsAProgrammingError)
{
  std::ostringstream out;
  RowStream stream(columns, table::Format::csv, out);
  EXPECT_THROW(stream.add({std::string("only one")}), std::invalid_argument);
}

} // namespace
// A workbook's listing is refused at the first row a worksheet cannot
// hold, before any more are kept.
TEST(RowStream, AWorkbookListingStopsAtTheRowsOfAWorksheet)
{
  std::ostringstream out;
  RowStream stream({{"n", table::Align::right}}, table::Format::xlsx, out);
  const std::vector<table::Value> row{std::int64_t{1}};
  for (std::size_t i = 0; i < max_sheet_rows; ++i) {
    stream.add(row);
  }
  try {
    stream.add(row);
    FAIL() << "row " << max_sheet_rows + 1 << " was kept";
  } catch (const UsageError& error) {
    EXPECT_STREQ(error.what(),
                 "the listing has more rows than a worksheet holds (1,048,575): write .csv instead");
  }
  EXPECT_EQ(out.str(), "");
}

} // namespace vendorcat::report
