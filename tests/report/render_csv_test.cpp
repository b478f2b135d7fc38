#include "report/render.hpp"
#include "table/text.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace vendorcat::report {
namespace {

std::string rendered(const table::Table& table)
{
  std::ostringstream out;
  render_csv(table, out);
  return out.str();
}

std::string field(std::string_view text)
{
  std::ostringstream out;
  table::write_csv_field(out, text);
  return out.str();
}

TEST(RenderCsv, EmptyTableIsTheHeaderAlone)
{
  table::Table table{{{"name"}, {"amount", table::Align::right}}, {}};
  EXPECT_EQ(rendered(table), "name,amount\n");
}

TEST(RenderCsv, NullBoolIntegerAndDouble)
{
  table::Table table{{{"a"}, {"b"}, {"c"}, {"d"}, {"e"}}, {}};
  table.add_row({std::monostate{}, true, std::int64_t{42}, 0.75, std::string("1050.00")});
  table.add_row({std::string(""), false, std::int64_t{-7}, 0.77777, std::string("x")});
  table.add_row({std::monostate{}, false, std::int64_t{0}, 1.0, std::string("y")});
  EXPECT_EQ(rendered(table), "a,b,c,d,e\n"
                             ",true,42,0.75,1050.00\n"
                             ",false,-7,0.7778,x\n"
                             ",false,0,1,y\n");
}

TEST(RenderCsv, DoublesUseTheShortestFormWithAtMostFourDecimals)
{
  table::Table table{{{"share"}}, {}};
  for (const double value : {0.7778, 0.5, 0.0, 12.0, 0.00004, -0.00004, 0.1 + 0.2}) {
    table.add_row({value});
  }
  EXPECT_EQ(rendered(table), "share\n0.7778\n0.5\n0\n12\n0\n0\n0.3\n");
}

TEST(RenderCsv, QuotesOnlyWhenNeeded)
{
  EXPECT_EQ(field("plain"), "plain");
  EXPECT_EQ(field(""), "");
  EXPECT_EQ(field("Acme, Inc."), "\"Acme, Inc.\"");
  EXPECT_EQ(field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(field("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(field(" lead"), "\" lead\"");
  EXPECT_EQ(field("trail "), "\"trail \"");
  EXPECT_EQ(field("in side"), "in side");
  EXPECT_EQ(field("株式会社テスト"), "株式会社テスト");
}

TEST(RenderCsv, EscapesHeaderAndCells)
{
  table::Table table{{{"name, legal"}, {"note"}}, {}};
  table.add_row({std::string("Acme \"Best\""), std::string("a\r\nb")});
  EXPECT_EQ(rendered(table), "\"name, legal\",note\n"
                             "\"Acme \"\"Best\"\"\",\"a\r\nb\"\n");
}

TEST(RenderCsv, SingleColumnEmptyValueIsQuotedSoTheLineIsNotBlank)
{
  table::Table table{{{"note"}}, {}};
  table.add_row({std::string("")});
  table.add_row({std::monostate{}});
  table.add_row({std::string("x")});
  EXPECT_EQ(rendered(table), "note\n\"\"\n\"\"\nx\n");
}

} // namespace
} // namespace vendorcat::report
