// The header of an import file against its kind's columns: the closest
// column for an unknown one, a header that another delimiter would split,
// and files read with --delimiter ';'.

#include "io/csv_reader.hpp"
#include "io/import.hpp"
#include "store/spend.hpp"
#include "support/catalogue_fixture.hpp"
#include "support/import_text.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace vendorcat;
using Errors = std::vector<std::string>;

// One line per unknown column, with the closest column the file lacks; the
// kind's columns once; a required column that a suggestion names is not
// reported missing as well.
TEST(ImportHeader, AnUnknownColumnNamesTheClosestOne)
{
  auto catalogue = test::migrated_catalogue();
  EXPECT_EQ(test::csv_errors(catalogue, io::Kind::spend, "engagement,date,amount,ref,colour\n"),
            (Errors{"test.csv:1: unknown column 'ref' (did you mean 'reference'?); the columns of spend are "
                    "engagement*, date*, amount*, currency, reference (* required)",
                    "test.csv:1: unknown column 'colour'"}));
  EXPECT_EQ(test::csv_errors(catalogue, io::Kind::spend, "Engagment, Date ,amount\n"),
            (Errors{"test.csv:1: unknown column 'Engagment' (did you mean 'engagement'?); the columns of "
                    "spend are engagement*, date*, amount*, currency, reference (* required)"}));
  EXPECT_EQ(test::import_errors(catalogue, io::Kind::fx, table::Format::json,
                                R"([{"Currency": "USD", "MONTH": "2025-01", "rates": "0.9"}])"),
            (Errors{"test.json:1: unknown column 'rates' (did you mean 'rate'?); the columns of fx are "
                    "currency*, month*, rate* (* required)"}));
}

// A header that another delimiter would split into known columns says so.
TEST(ImportHeader, AHeaderThatSplitsOnAnotherDelimiterNamesTheFlag)
{
  auto catalogue = test::migrated_catalogue();
  EXPECT_EQ(test::csv_errors(catalogue, io::Kind::spend, "engagement;date;amount\nE-1;2025-01-01;1,50\n"),
            Errors{"test.csv:1: the header splits on ';', not ',': give --delimiter ';'"});
  EXPECT_EQ(test::csv_errors(catalogue, io::Kind::spend, "Engagement\tDate\tAmount\n"),
            Errors{"test.csv:1: the header splits on tabs, not ',': give --delimiter tab"});
  // A single name that is not a list of columns is an unknown column.
  const auto errors = test::csv_errors(catalogue, io::Kind::spend, "a;b\n");
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].rfind("test.csv:1: unknown column 'a;b'", 0), 0U) << errors[0];
}

TEST(ImportHeader, ASemicolonFileReadsWithItsDelimiterAndRefusesDecimalCommas)
{
  auto catalogue = test::migrated_catalogue();
  test::add_provider(catalogue, "Acme", "FI");
  test::add_engagement(catalogue, "E-1", "Acme", "payroll", "EE", "EUR");
  const auto read = [&](const std::string& text) {
    std::istringstream in(text);
    io::CsvReader reader(in, "test.csv", io::CsvReader::default_chunk_size, io::TrailingComma::refuse, ';');
    store::WriteTransaction transaction(catalogue, store::Workload::bulk_load);
    const auto summary = io::import_records(catalogue, io::Kind::spend, reader, io::OnConflict::error);
    transaction.commit();
    return summary;
  };
  try {
    read("engagement;date;amount\nE-1;2025-01-01;1234,50\n");
    ADD_FAILURE() << "a decimal comma was read";
  } catch (const io::ImportFailed& failed) {
    EXPECT_EQ(failed.errors(),
              Errors{"test.csv:2: amount: amount '1234,50' has a decimal comma: write 1234.50"});
  }
  EXPECT_EQ(read("engagement;date;amount;reference\nE-1;2025-01-01;1234.50;\"INV;1\"\n").created, 1U);
  EXPECT_EQ(store::list_spend(catalogue, {}).at(0).reference, "INV;1");
  try {
    read("engagement,date,amount\n");
    ADD_FAILURE() << "a comma header was read with ';'";
  } catch (const io::ImportFailed& failed) {
    EXPECT_EQ(failed.errors(),
              Errors{"test.csv:1: the header splits on ',', not ';': leave out --delimiter"});
  }
}
