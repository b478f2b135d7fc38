#include "domain/errors.hpp"
#include "io/json_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace vendorcat::io {
namespace {

using Strings = std::vector<std::string>;

std::vector<Record> read_all(JsonReader& reader)
{
  std::vector<Record> records;
  Record record;
  while (reader.next(record)) {
    records.push_back(record);
  }
  return records;
}

std::string error_of(const std::string& text)
{
  try {
    std::istringstream in(text);
    JsonReader reader(in, "test.json");
  } catch (const ValidationError& error) {
    return error.what();
  }
  return "";
}

TEST(JsonReader, ColumnsAreTheUnionOfKeysInFirstSeenOrder)
{
  std::istringstream in(R"([
  {"name": "Acme", "country": "DE"},
  {"country": "US", "name": "Globex", "vat": "US123"},
  {}
])");
  JsonReader reader(in, "test.json");
  EXPECT_EQ(reader.columns(), (Strings{"name", "country", "vat"}));
  const auto records = read_all(reader);
  ASSERT_EQ(records.size(), 3U);
  EXPECT_EQ(records[0].values, (Strings{"Acme", "DE", ""}));
  EXPECT_EQ(records[0].present, (std::vector<bool>{true, true, false}));
  EXPECT_EQ(records[1].values, (Strings{"Globex", "US", "US123"}));
  EXPECT_EQ(records[1].present, (std::vector<bool>{true, true, true}));
  EXPECT_EQ(records[2].present, (std::vector<bool>{false, false, false}));
  EXPECT_EQ(records[0].value(2), std::nullopt);
  EXPECT_EQ(records[1].value(2), "US123");
}

TEST(JsonReader, LineIsWhereTheObjectStarts)
{
  std::istringstream in("[\n  {\"a\": 1},\n\n  {\n    \"a\": 2\n  }, {\"a\": 3}\n]\n");
  JsonReader reader(in);
  const auto records = read_all(reader);
  ASSERT_EQ(records.size(), 3U);
  EXPECT_EQ(records[0].line, 2U);
  EXPECT_EQ(records[1].line, 4U);
  EXPECT_EQ(records[2].line, 6U);
}

TEST(JsonReader, NullAndMissingAreAbsent)
{
  std::istringstream in(R"([{"a": null, "b": ""}, {"b": "x"}])");
  JsonReader reader(in);
  const auto records = read_all(reader);
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].present, (std::vector<bool>{false, true}));
  EXPECT_EQ(records[0].values[1], "");
  EXPECT_EQ(records[1].present, (std::vector<bool>{false, true}));
}

TEST(JsonReader, NumbersKeepTheirTextAndBooleansAreWords)
{
  std::istringstream in(
    R"([{"i": 1234, "n": -5, "f": 1234.50, "e": 1e3, "big": 123456789012345678901234567890, "t": true, "no": false}])");
  JsonReader reader(in);
  const auto records = read_all(reader);
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].values,
            (Strings{"1234", "-5", "1234.50", "1e3", "123456789012345678901234567890", "true", "false"}));
}

TEST(JsonReader, StringsKeepUtf8AndEscapes)
{
  std::istringstream in(
    "\xEF\xBB\xBF[{\"name\": \"株式会社テスト\", \"city\": \"Krak\\u00f3w\", \"note\": \"a\\nb\"}]");
  JsonReader reader(in);
  const auto records = read_all(reader);
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].values, (Strings{"株式会社テスト", "Kraków", "a\nb"}));
}

TEST(JsonReader, EmptyArrayHasNoColumnsAndNoRecords)
{
  std::istringstream in(" [ ] ");
  JsonReader reader(in);
  EXPECT_TRUE(reader.columns().empty());
  Record record;
  EXPECT_FALSE(reader.next(record));
}

TEST(JsonReader, NestedValuesAreErrorsNamingRecordAndKey)
{
  EXPECT_EQ(error_of("[{\"a\": 1},\n {\"a\": 2, \"address\": {\"city\": \"x\"}}]"),
            "test.json:2: record 2: \"address\" is an object; values must be strings, numbers, "
            "booleans or null");
  EXPECT_EQ(error_of("[{\"tags\": [1, 2]}]"),
            "test.json:1: record 1: \"tags\" is an array; values must be strings, numbers, "
            "booleans or null");
}

TEST(JsonReader, StructureErrors)
{
  EXPECT_EQ(error_of(""), "test.json: empty file, expected a JSON array of objects");
  EXPECT_EQ(error_of(" \n "), "test.json: empty file, expected a JSON array of objects");
  EXPECT_EQ(error_of("{\"a\": 1}"), "test.json:1: expected a JSON array of objects, found an object");
  EXPECT_EQ(error_of("42"), "test.json:1: expected a JSON array of objects, found a number");
  EXPECT_EQ(error_of("[{\"a\": 1},\n \"x\"]"), "test.json:2: record 2 is a string, expected an object");
  EXPECT_EQ(error_of("[[1]]"), "test.json:1: record 1 is an array, expected an object");
  EXPECT_EQ(error_of("[{\"a\": 1,\n \"a\": 2}]"), "test.json:2: record 1 has the key \"a\" twice");
}

TEST(JsonReader, SyntaxErrorsNameTheLine)
{
  const auto message = error_of("[\n  {\"a\": 1},\n  {\"a\": }\n]");
  EXPECT_EQ(message.rfind("test.json:3: invalid JSON: syntax error", 0), 0U) << message;
  const auto trailing = error_of("[{\"a\": 1}] x");
  EXPECT_EQ(trailing.rfind("test.json:1: invalid JSON:", 0), 0U) << trailing;
}

} // namespace
} // namespace vendorcat::io
