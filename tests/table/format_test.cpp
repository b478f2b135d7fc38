#include "domain/errors.hpp"
#include "table/format.hpp"

#include <gtest/gtest.h>

#include <string>

namespace vendorcat::table {
namespace {

TEST(Format, ParsesEveryName)
{
  EXPECT_EQ(parse_format("table"), Format::table);
  EXPECT_EQ(parse_format("csv"), Format::csv);
  EXPECT_EQ(parse_format("json"), Format::json);
  EXPECT_EQ(parse_format("jsonl"), Format::jsonl);
}

TEST(Format, RoundTripsThroughToString)
{
  for (const Format format : {Format::table, Format::csv, Format::json, Format::jsonl}) {
    EXPECT_EQ(parse_format(to_string(format)), format);
  }
}

TEST(Format, RejectsUnknownNamesListingTheAllowedOnes)
{
  try {
    parse_format("xml");
    FAIL() << "expected UsageError";
  } catch (const UsageError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("'xml'"), std::string::npos) << message;
    EXPECT_NE(message.find("table, csv, json or jsonl"), std::string::npos) << message;
  }
  EXPECT_THROW(parse_format(""), UsageError);
  EXPECT_THROW(parse_format("JSON"), UsageError);
}

} // namespace
} // namespace vendorcat::table
