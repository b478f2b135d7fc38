#include "domain/errors.hpp"
#include "report/render.hpp"
#include "table/text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace vendorcat::report {
namespace {

std::string rendered(const table::Table& table)
{
  std::ostringstream out;
  render_table(table, out);
  return out.str();
}

TEST(RenderTable, EmptyTablePrintsHeaderAndDashes)
{
  table::Table table{{{"name"}, {"amount", table::Align::right}}, {}};
  EXPECT_EQ(rendered(table), "name  amount\n"
                             "----  ------\n");
}

TEST(RenderTable, PadsLeftAndRightAlignedColumns)
{
  table::Table table{{{"provider"}, {"amount", table::Align::right}, {"currency"}}, {}};
  table.add_row({std::string("Acme"), std::string("1050.00"), std::string("EUR")});
  table.add_row({std::string("Globex Corporation"), std::string("80.00"), std::string("USD")});
  EXPECT_EQ(rendered(table), "provider             amount  currency\n"
                             "------------------  -------  --------\n"
                             "Acme                1050.00  EUR\n"
                             "Globex Corporation    80.00  USD\n");
}

TEST(RenderTable, NullBoolIntegerAndDouble)
{
  table::Table table{{{"a"}, {"b"}, {"c", table::Align::right}, {"d", table::Align::right}}, {}};
  table.add_row({std::monostate{}, true, std::int64_t{42}, 0.75});
  table.add_row({std::string("x"), false, std::int64_t{-7}, 0.77777});
  EXPECT_EQ(rendered(table), "a  b       c       d\n"
                             "-  -----  --  ------\n"
                             "   true   42  0.7500\n"
                             "x  false  -7  0.7778\n");
}

TEST(RenderTable, NoTrailingSpacesWhenLastCellsAreEmpty)
{
  table::Table table{{{"name"}, {"note"}}, {}};
  table.add_row({std::string("Acme"), std::monostate{}});
  table.add_row({std::string(""), std::string("")});
  const std::string text = rendered(table);
  EXPECT_EQ(text, "name  note\n"
                  "----  ----\n"
                  "Acme\n"
                  "\n");
}

TEST(RenderTable, AlignsUtf8ByDisplayWidth)
{
  table::Table table{{{"name"}, {"city"}, {"n", table::Align::right}}, {}};
  table.add_row({std::string("株式会社テスト"), std::string("Kraków"), std::int64_t{1}});
  table.add_row({std::string("Acme"), std::string("Łódź"), std::int64_t{22}});
  // 株式会社テスト is 7 wide characters: 14 columns.
  EXPECT_EQ(rendered(table), "name            city     n\n"
                             "--------------  ------  --\n"
                             "株式会社テスト  Kraków   1\n"
                             "Acme            Łódź    22\n");
}

TEST(RenderTable, ShowsLineBreaksAsReturnSymbol)
{
  table::Table table{{{"address"}, {"x"}}, {}};
  table.add_row({std::string("1 Main St\r\nSpringfield\nUSA\rEarth\tnow"), std::string("y")});
  // 35 columns: 9 + 1 + 11 + 1 + 3 + 1 + 9.
  EXPECT_EQ(rendered(table), "address                              x\n"
                             "-----------------------------------  -\n"
                             "1 Main St⏎Springfield⏎USA⏎Earth now  y\n");
}

TEST(RenderTable, EscapesOtherControlCharacters)
{
  table::Table table{{{"v"}}, {}};
  table.add_row({std::string("a\x1b[31mb\x07")});
  table.add_row({std::string("\xE2\x80\xAE"
                             "evil")}); // U+202E, right-to-left override
  table.add_row({std::string("bad\xFF"
                             "byte")});
  EXPECT_EQ(rendered(table), "v\n"
                             "--------------\n"
                             "a\\x1b[31mb\\x07\n"
                             "\\u202eevil\n"
                             "bad\\xffbyte\n");
}

TEST(RenderTable, RejectsRowsOfTheWrongSize)
{
  table::Table table{{{"a"}, {"b"}}, {}};
  EXPECT_THROW(table.add_row({std::string("x")}), std::invalid_argument);
  table.rows.push_back({std::string("x")});
  std::ostringstream out;
  EXPECT_THROW(render_table(table, out), std::invalid_argument);
}

// A provider listing too wide for 40 columns: the notes cannot fit even
// cut, so they are left out; the name is cut, the amount is not.
table::Table wide_table()
{
  table::Table table{{{"name"}, {"city"}, {"amount", table::Align::right}, {"notes"}}, {}};
  table.add_row({std::string("Deccan Knowledge Services"), std::string("Bengaluru"), std::string("-1250.00"),
                 std::string("call centres across the Nordics")});
  table.add_row({std::string("Acme"), std::string("Oslo"), std::string("80.00"), std::monostate{}});
  return table;
}

TEST(RenderTableFit, CutsTextAndLeavesOutWhatCannotFit)
{
  std::ostringstream out;
  const auto fit = render_table(wide_table(), out, {.width = 40});
  EXPECT_EQ(out.str(), "name                 city         amount\n"
                       "-------------------  ---------  --------\n"
                       "Deccan Knowledge S\u2026  Bengaluru  -1250.00\n"
                       "Acme                 Oslo          80.00\n");
  EXPECT_EQ(fit.left_out, std::vector<std::string>{"notes"});
}

TEST(RenderTableFit, NoLineIsWiderThanTheLayout)
{
  for (std::size_t width = 12; width <= 90; ++width) {
    std::ostringstream out;
    const auto fit = render_table(wide_table(), out, {.width = width});
    std::istringstream lines(out.str());
    for (std::string line; std::getline(lines, line);) {
      EXPECT_LE(display_width(line), width) << line;
    }
    // Amounts are whole whenever their column is shown.
    if (out.str().find("amount") != std::string::npos) {
      EXPECT_NE(out.str().find("-1250.00"), std::string::npos) << out.str();
    }
    // Cut, all four fit in 10 + 9 + 8 + 10 and the gaps; whole, in 79.
    EXPECT_EQ(fit.left_out.empty(), width >= 43) << width;
    EXPECT_EQ(out.str().find("across the Nordics") != std::string::npos, width >= 79) << width;
  }
}

TEST(RenderTableFit, CutsKeysToo)
{
  table::Table table{{{"delivery_country"}, {"notice_days", table::Align::right}, {"x"}}, {}};
  table.add_row({std::string("FI"), std::int64_t{90}, std::string("a long text to cut here")});
  std::ostringstream out;
  render_table(table, out, {.width = 34});
  // A number's key is cut, never its cells: 10 columns each.
  EXPECT_EQ(out.str(), "delivery_\u2026  notice_da\u2026  x\n"
                       "----------  ----------  ----------\n"
                       "FI                  90  a long te\u2026\n");
}

TEST(RenderTableFit, WithoutAWidthTheTableIsWhole)
{
  std::ostringstream full;
  std::ostringstream unlimited;
  render_table(wide_table(), full);
  const auto fit = render_table(wide_table(), unlimited, {.width = 0, .colour = false});
  EXPECT_EQ(unlimited.str(), full.str());
  EXPECT_TRUE(fit.left_out.empty());
  EXPECT_NE(full.str().find("call centres across the Nordics"), std::string::npos);
}

TEST(RenderTableColour, BoldKeysRedNegativeAmountsAndStates)
{
  table::Table table{{{"status"}, {"amount", table::Align::right}}, {}};
  table.add_row({std::string("over"), std::string("-5.00")});
  table.add_row({std::string("ok"), std::string("3.00")});
  std::ostringstream out;
  render_table(table, out, {.width = 0, .colour = true});
  EXPECT_EQ(out.str(), "\x1b[1mstatus\x1b[0m  \x1b[1mamount\x1b[0m\n"
                       "------  ------\n"
                       "\x1b[31mover\x1b[0m     \x1b[31m-5.00\x1b[0m\n"
                       "\x1b[32mok\x1b[0m        3.00\n");
}

TEST(RenderTableColour, EscapesTakeNoColumnWhenFitting)
{
  std::ostringstream plain;
  std::ostringstream coloured;
  render_table(wide_table(), plain, {.width = 40});
  render_table(wide_table(), coloured, {.width = 40, .colour = true});
  std::string stripped;
  const auto text = coloured.str();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b') {
      i = text.find('m', i);
    } else {
      stripped += text[i];
    }
  }
  EXPECT_EQ(stripped, plain.str());
  EXPECT_NE(text.find("\x1b[31m-1250.00\x1b[0m"), std::string::npos) << text;
}

TEST(RenderTableColour, StoredEscapesStayEscapedInColour)
{
  table::Table table{{{"status"}}, {}};
  table.add_row({std::string("\x1b[32mok")});
  std::ostringstream out;
  render_table(table, out, {.width = 80, .colour = true});
  EXPECT_EQ(out.str(), "\x1b[1mstatus\x1b[0m\n"
                       "----------\n"
                       "\\x1b[32mok\n");
}

TEST(RenderTableWidth, CountsCodePointsAndWideCharacters)
{
  EXPECT_EQ(display_width(""), 0U);
  EXPECT_EQ(display_width("abc"), 3U);
  EXPECT_EQ(display_width("Kraków"), 6U);
  EXPECT_EQ(display_width("Krako\xCC\x81w"), 6U); // o + combining acute
  EXPECT_EQ(display_width("株式会社テスト"), 14U);
  EXPECT_EQ(display_width("ｱ"), 1U); // halfwidth katakana
  EXPECT_EQ(display_width("한국"), 4U);
  EXPECT_EQ(display_width("⏎"), 1U);
  EXPECT_EQ(display_width("\xFF\xFE"), 2U);  // not UTF-8: one per byte
  EXPECT_EQ(display_width("a\xE6\xA0"), 3U); // truncated sequence
}

TEST(RenderDispatch, PicksTheRendererForEachFormat)
{
  table::Table table{{{"a"}}, {}};
  table.add_row({std::int64_t{1}});
  const auto render_to_string = [&](table::Format format) {
    std::ostringstream out;
    render(table, format, out);
    return out.str();
  };
  EXPECT_EQ(render_to_string(table::Format::table), "a\n-\n1\n");
  EXPECT_EQ(render_to_string(table::Format::csv), "a\n1\n");
  EXPECT_EQ(render_to_string(table::Format::json), "[\n  {\n    \"a\": 1\n  }\n]\n");
  EXPECT_EQ(render_to_string(table::Format::jsonl), "{\"a\":1}\n");
}

TEST(RenderDispatch, ThrowsIoErrorWhenTheStreamFails)
{
  table::Table table{{{"a"}}, {}};
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  for (const table::Format format : {table::Format::table, table::Format::csv, table::Format::json}) {
    EXPECT_THROW(render(table, format, out), IoError);
  }
}

TEST(RenderDispatch, RoundsRatiosToFourDecimals)
{
  EXPECT_EQ(table::round_ratio(0.77777), 0.7778);
  EXPECT_EQ(table::round_ratio(0.75), 0.75);
  EXPECT_EQ(table::round_ratio(-0.00001), 0.0);
  EXPECT_FALSE(std::signbit(table::round_ratio(-0.00001)));
}

} // namespace
} // namespace vendorcat::report
