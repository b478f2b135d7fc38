#include "domain/errors.hpp"
#include "io/csv_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace vendorcat::io {
namespace {

using Strings = std::vector<std::string>;

struct ReadRecord
{
  std::size_t line;
  Strings values;
  bool operator==(const ReadRecord&) const = default;
};

std::vector<ReadRecord> read_all(CsvReader& reader)
{
  std::vector<ReadRecord> records;
  Record record;
  while (reader.next(record)) {
    EXPECT_EQ(record.present, std::vector<bool>(record.values.size(), true));
    records.push_back({record.line, record.values});
  }
  return records;
}

std::vector<ReadRecord> read_all(const std::string& text, std::size_t chunk_size)
{
  std::istringstream in(text);
  CsvReader reader(in, "test.csv", chunk_size);
  return read_all(reader);
}

// The error message from reading all of TEXT, or "" when there is none.
template<typename Error>
std::string error_of(const std::string& text, std::size_t chunk_size = CsvReader::default_chunk_size,
                     std::string source = "test.csv")
{
  try {
    std::istringstream in(text);
    CsvReader reader(in, source, chunk_size);
    read_all(reader);
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

// Every test runs with tiny chunks too, so that line breaks, quotes, CRLF and
// the byte-order mark fall across chunk boundaries.
class CsvReaderChunks : public ::testing::TestWithParam<std::size_t>
{
};

INSTANTIATE_TEST_SUITE_P(CsvReader, CsvReaderChunks,
                         ::testing::Values(std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7},
                                           CsvReader::default_chunk_size));

TEST_P(CsvReaderChunks, ReadsHeaderAndRecords)
{
  std::istringstream in("name,country\nAcme,DE\nGlobex,US\n");
  CsvReader reader(in, "test.csv", GetParam());
  EXPECT_EQ(reader.columns(), (Strings{"name", "country"}));
  EXPECT_EQ(reader.find_column("country"), 1U);
  EXPECT_EQ(reader.find_column("missing"), std::nullopt);
  const auto records = read_all(reader);
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].line, 2U);
  EXPECT_EQ(records[0].values, (Strings{"Acme", "DE"}));
  EXPECT_EQ(records[1].line, 3U);
  EXPECT_EQ(records[1].values, (Strings{"Globex", "US"}));
  Record record;
  EXPECT_FALSE(reader.next(record));
}

// A semicolon or a tab delimits as a comma does, in the quick path and in
// libcsv's alike (tiny chunks take libcsv), and a comma is then data.
TEST_P(CsvReaderChunks, ReadsWithASemicolonOrATab)
{
  for (const char delimiter : {';', '\t'}) {
    const std::string d(1, delimiter);
    std::istringstream in("name" + d + "amount\n" + "Acme, Inc." + d + "1234,50\n\"a" + d + "b\"" + d +
                          "\"x\"\"y\"\n");
    CsvReader reader(in, "test.csv", GetParam(), TrailingComma::refuse, delimiter);
    EXPECT_EQ(reader.delimiter(), delimiter);
    EXPECT_EQ(reader.columns(), (Strings{"name", "amount"}));
    const auto records = read_all(reader);
    ASSERT_EQ(records.size(), 2U);
    EXPECT_EQ(records[0].values, (Strings{"Acme, Inc.", "1234,50"}));
    EXPECT_EQ(records[1].values, (Strings{"a" + d + "b", "x\"y"}));
  }
}

TEST_P(CsvReaderChunks, AQuotedHeaderThatAnotherDelimiterSeparatesSaysSo)
{
  const auto message = error_of<ValidationError>("\"name\";\"amount\"\nAcme;1\n", GetParam());
  EXPECT_TRUE(message.ends_with("; the header splits on ';', not ',': give --delimiter ';'")) << message;
  // Not for a later record: only a header is read before the first record.
  const auto later = error_of<ValidationError>("name,amount\n\"Acme\";1\n", GetParam());
  EXPECT_EQ(later.find("--delimiter"), std::string::npos) << later;
  // Nor for a quote that breaks the header before a quoted name ends: the
  // hint reads the header only as far as the error, whatever the chunks.
  const auto early = error_of<ValidationError>("ab\"x\";c,d\n1,2\n", GetParam());
  EXPECT_EQ(early.find("--delimiter"), std::string::npos) << early;
}

TEST(CsvReader, DelimiterHintsNameTheFlag)
{
  EXPECT_EQ(delimiter_hint(';', ','), "the header splits on ';', not ',': give --delimiter ';'");
  EXPECT_EQ(delimiter_hint('\t', ','), "the header splits on tabs, not ',': give --delimiter tab");
  EXPECT_EQ(delimiter_hint(',', ';'), "the header splits on ',', not ';': leave out --delimiter");
}

TEST(CsvReader, AQuoteOrALineBreakIsNoDelimiter)
{
  for (const char delimiter : {'"', '\n', '\r', ' '}) {
    std::istringstream in("a,b\n");
    EXPECT_THROW(CsvReader(in, "test.csv", CsvReader::default_chunk_size, TrailingComma::refuse, delimiter),
                 Error);
  }
  std::istringstream in("a,b\n");
  EXPECT_EQ(CsvReader(in).delimiter(), ',');
}

TEST_P(CsvReaderChunks, QuotedCommaAndDoubledQuotes)
{
  const auto records = read_all("name,note\n\"Acme, Inc.\",\"say \"\"hi\"\"\"\n\"\",\"\"\"\"\n", GetParam());
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].values, (Strings{"Acme, Inc.", "say \"hi\""}));
  EXPECT_EQ(records[1].values, (Strings{"", "\""}));
}

TEST_P(CsvReaderChunks, LineBreaksInsideQuotesAreKeptAndCounted)
{
  const std::string text = "name,address\n"                      // 1
                           "Acme,\"1 Main St\r\nSpringfield\"\n" // 2-3
                           "Globex,\"a\nb\nc\"\n"                // 4-6
                           "Initech,\"cr\ronly\"\n"              // 7-8
                           "Umbrella,plain\n";                   // 9
  const auto records = read_all(text, GetParam());
  ASSERT_EQ(records.size(), 4U);
  EXPECT_EQ(records[0].line, 2U);
  EXPECT_EQ(records[0].values[1], "1 Main St\r\nSpringfield");
  EXPECT_EQ(records[1].line, 4U);
  EXPECT_EQ(records[1].values[1], "a\nb\nc");
  EXPECT_EQ(records[2].line, 7U);
  EXPECT_EQ(records[2].values[1], "cr\ronly");
  EXPECT_EQ(records[3].line, 9U);
  EXPECT_EQ(records[3].values, (Strings{"Umbrella", "plain"}));
}

TEST_P(CsvReaderChunks, CrlfLineEnds)
{
  const auto records = read_all("a,b\r\n1,2\r\n\r\n3,4\r\n", GetParam());
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].line, 2U);
  EXPECT_EQ(records[0].values, (Strings{"1", "2"}));
  EXPECT_EQ(records[1].line, 4U);
  EXPECT_EQ(records[1].values, (Strings{"3", "4"}));
}

TEST_P(CsvReaderChunks, CrOnlyLineEnds)
{
  const auto records = read_all("a,b\r1,2\r3,4", GetParam());
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].line, 2U);
  EXPECT_EQ(records[1].line, 3U);
  EXPECT_EQ(records[1].values, (Strings{"3", "4"}));
}

TEST_P(CsvReaderChunks, ByteOrderMarkIsStripped)
{
  std::istringstream in("\xEF\xBB\xBFname,country\nAcme,DE\n");
  CsvReader reader(in, "test.csv", GetParam());
  EXPECT_EQ(reader.columns(), (Strings{"name", "country"}));
  const auto records = read_all(reader);
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].line, 2U);
}

TEST_P(CsvReaderChunks, Utf8IsKept)
{
  const auto records = read_all("name,city\n株式会社テスト,Kraków\n\"株式会社, テスト\",Łódź\n", GetParam());
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].values, (Strings{"株式会社テスト", "Kraków"}));
  EXPECT_EQ(records[1].values, (Strings{"株式会社, テスト", "Łódź"}));
}

TEST_P(CsvReaderChunks, BlankLinesAreSkippedButCounted)
{
  const auto records = read_all("\na,b\n\n\n1,2\n\n3,4", GetParam());
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].line, 5U);
  EXPECT_EQ(records[1].line, 7U);
  EXPECT_EQ(records[1].values, (Strings{"3", "4"}));
}

TEST_P(CsvReaderChunks, SpacesAndEmptyFieldsAreKept)
{
  const auto records = read_all("a,b,c\n x , y,\n,,\n", GetParam());
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].values, (Strings{" x ", " y", ""}));
  EXPECT_EQ(records[1].values, (Strings{"", "", ""}));
}

TEST_P(CsvReaderChunks, FieldCountMismatchNamesTheLine)
{
  const std::string text = "a,b,c,d,e\n1,2,3,4,5\n\"x\ny\",2,3,4,5\n1,2,3,4\n";
  EXPECT_EQ(error_of<ValidationError>(text, GetParam()), "test.csv:5: 4 fields, header has 5");
  EXPECT_EQ(error_of<ValidationError>("a,b\n1\n", GetParam()), "test.csv:2: 1 field, header has 2");
  EXPECT_EQ(error_of<ValidationError>("a,b\n1,2,3\n", GetParam(), ""), "line 2: 3 fields, header has 2");
}

TEST_P(CsvReaderChunks, ReadingGoesOnAfterARecordWithTheWrongFieldCount)
{
  std::istringstream in("a,b\n1\n2,3\n4,5,6\n7,8\n");
  CsvReader reader(in, "test.csv", GetParam());
  Record record;
  EXPECT_THROW(reader.next(record), BadRecord);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.line, 3U);
  EXPECT_EQ(record.values, (Strings{"2", "3"}));
  EXPECT_THROW(reader.next(record), BadRecord);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.line, 5U);
  EXPECT_EQ(record.values, (Strings{"7", "8"}));
  EXPECT_FALSE(reader.next(record));
}

TEST_P(CsvReaderChunks, StrictQuoteErrorsNameTheLine)
{
  const std::string bare_quote = "a,b\n1,2\n3,x\"y\n";
  EXPECT_NE(error_of<ValidationError>(bare_quote, GetParam()).find("test.csv:3: malformed quoting"),
            std::string::npos);
  const std::string after_closing = "a,b\n1,\"x\ny\"z\n";
  const auto message = error_of<ValidationError>(after_closing, GetParam());
  EXPECT_EQ(message.rfind("test.csv:3: malformed quoting", 0), 0U) << message;
  EXPECT_NE(message.find("in the record starting at line 2"), std::string::npos) << message;
}

TEST_P(CsvReaderChunks, UnclosedQuoteAtTheEndIsAnError)
{
  EXPECT_EQ(error_of<ValidationError>("a,b\n1,2\n3,\"open\n4,5\n", GetParam()),
            "test.csv:3: a quoted field is never closed");
}

TEST(CsvReader, EmptyInputIsAnError)
{
  EXPECT_EQ(error_of<ValidationError>(""), "test.csv: empty file, expected a header line");
  EXPECT_EQ(error_of<ValidationError>("\n\r\n"), "test.csv: empty file, expected a header line");
  EXPECT_EQ(error_of<ValidationError>("\xEF\xBB\xBF"), "test.csv: empty file, expected a header line");
}

TEST(CsvReader, HeaderOnlyHasNoRecords)
{
  std::istringstream in("a,b\n");
  CsvReader reader(in);
  EXPECT_EQ(reader.columns(), (Strings{"a", "b"}));
  Record record;
  EXPECT_FALSE(reader.next(record));
}

TEST(CsvReader, HeaderNamesMustBeUniqueAndNonEmpty)
{
  EXPECT_EQ(error_of<ValidationError>("a,b,a\n"), "test.csv:1: column 'a' appears twice in the header");
  EXPECT_EQ(error_of<ValidationError>("a,,b\n"), "test.csv:1: column 2 of the header has no name");
}

TEST(CsvReader, ReadsAFileLargerThanTheChunkInFull)
{
  std::ostringstream text;
  text << "id,name,note\r\n";
  for (int i = 1; i <= 10'000; ++i) {
    text << i << ",Vendor " << i << ",\"note, with comma\nand a line break\"\r\n";
  }
  ASSERT_GT(text.str().size(), 4 * CsvReader::default_chunk_size);

  std::istringstream in(text.str());
  CsvReader reader(in, "big.csv");
  Record record;
  std::size_t count = 0;
  while (reader.next(record)) {
    ++count;
    ASSERT_EQ(record.values[0], std::to_string(count));
    ASSERT_EQ(record.values[1], "Vendor " + std::to_string(count));
    ASSERT_EQ(record.values[2], "note, with comma\nand a line break");
    ASSERT_EQ(record.line, 2 * count); // each record takes two lines
  }
  EXPECT_EQ(count, 10'000U);
}

TEST(CsvReader, RecordTooLargeIsAnError)
{
  std::string text = "a,b\n1,\"";
  text.append(CsvReader::max_record_bytes + 1, 'x');
  const auto message = error_of<ValidationError>(text);
  EXPECT_EQ(message.rfind("test.csv:2: record is larger than", 0), 0U) << message;
}

TEST(CsvReader, UnreadableStreamIsAnIoError)
{
  std::istringstream in("a,b\n");
  in.setstate(std::ios::badbit);
  EXPECT_THROW(CsvReader reader(in, "test.csv"), IoError);
}

TEST(CsvReader, CanBeMovedWhileReading)
{
  std::istringstream in("a\n1\n2\n");
  CsvReader reader(in, "test.csv", 1);
  Record record;
  ASSERT_TRUE(reader.next(record));
  CsvReader moved = std::move(reader);
  ASSERT_TRUE(moved.next(record));
  EXPECT_EQ(record.values, (Strings{"2"}));
  EXPECT_EQ(record.line, 3U);
  EXPECT_FALSE(moved.next(record));
  EXPECT_EQ(moved.location(3), "test.csv:3");
}

TEST(CsvReader, LocationUsesTheSourceName)
{
  std::istringstream named("a\n");
  EXPECT_EQ(CsvReader(named, "vendors.csv").location(5), "vendors.csv:5");
  std::istringstream unnamed("a\n");
  EXPECT_EQ(CsvReader(unnamed).location(5), "line 5");
}

// Whole lines without quotes are split without libcsv; with one-byte chunks
// no line is ever whole, so everything goes through libcsv. Both must give
// the same fields and lines for plain lines next to quoted ones.
TEST(CsvReader, PlainLinesGiveWhatLibcsvGives)
{
  const std::string text = "a,b,c\n"
                           " x , y ,z \r\n"
                           ",,\n"
                           "\n"
                           "1,\"two\nlines\",3\n"
                           "p,q,\n"
                           "\"r\",s,t\r\n"
                           "\r\n"
                           "u,v,w";
  const auto fast = read_all(text, CsvReader::default_chunk_size);
  EXPECT_EQ(fast, read_all(text, 1));
  ASSERT_EQ(fast.size(), 6U);
  EXPECT_EQ(fast[0].values, (Strings{" x ", " y ", "z "}));
  EXPECT_EQ(fast[1].values, (Strings{"", "", ""}));
  EXPECT_EQ(fast[3].line, 7U);
  EXPECT_EQ(fast[3].values, (Strings{"p", "q", ""}));
  EXPECT_EQ(fast[5].line, 10U);
}

// The ECB's files end every line with a comma: TrailingComma::drop takes the
// empty last column away from the header and each record, and refuses a value
// in it; without it the empty name is refused as before.
TEST(CsvReader, TrailingCommaDropsTheEmptyLastColumn)
{
  std::istringstream in("Date,USD,\n2025-01-02,1.03,\n2025-01-03,N/A,\n");
  CsvReader reader(in, "ecb.csv", CsvReader::default_chunk_size, TrailingComma::drop);
  EXPECT_EQ(reader.columns(), (Strings{"Date", "USD"}));
  const auto records = read_all(reader);
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].values, (Strings{"2025-01-02", "1.03"}));
  EXPECT_EQ(records[1].values, (Strings{"2025-01-03", "N/A"}));

  std::istringstream extra("Date,USD,\n2025-01-02,1.03,9\n");
  CsvReader with_value(extra, "ecb.csv", CsvReader::default_chunk_size, TrailingComma::drop);
  Record record;
  try {
    with_value.next(record);
    FAIL() << "a value in the unnamed column was accepted";
  } catch (const BadRecord& error) {
    EXPECT_STREQ(error.what(), "ecb.csv:2: a value '9' after the last column, which has no name");
  }

  std::istringstream short_line("Date,USD,\n2025-01-02,1.03\n");
  CsvReader without_comma(short_line, "ecb.csv", CsvReader::default_chunk_size, TrailingComma::drop);
  EXPECT_THROW(without_comma.next(record), BadRecord);

  std::istringstream refused("Date,USD,\n");
  EXPECT_THROW(CsvReader(refused, "ecb.csv"), ValidationError);
}

} // namespace
} // namespace vendorcat::io
