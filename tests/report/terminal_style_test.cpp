#include "report/terminal_style.hpp"

#include <gtest/gtest.h>

namespace vendorcat::report {
namespace {

TEST(CellTone, NegativeAmountsAreBad)
{
  EXPECT_EQ(cell_tone("amount", table::Align::right, "-80.00"), Tone::bad);
  EXPECT_EQ(cell_tone("amount", table::Align::right, "80.00"), Tone::plain);
  EXPECT_EQ(cell_tone("amount", table::Align::right, "-"), Tone::plain);
  EXPECT_EQ(cell_tone("name", table::Align::left, "-80.00"), Tone::plain); // text, not an amount
}

TEST(CellTone, StatesByColumnName)
{
  EXPECT_EQ(cell_tone("status", table::Align::left, "over"), Tone::bad);
  EXPECT_EQ(cell_tone("status", table::Align::left, "at-risk"), Tone::warning);
  EXPECT_EQ(cell_tone("status", table::Align::left, "ok"), Tone::good);
  EXPECT_EQ(cell_tone("status", table::Align::left, "active"), Tone::good);
  EXPECT_EQ(cell_tone("status", table::Align::left, "planned"), Tone::plain);
  EXPECT_EQ(cell_tone("state", table::Align::left, "notice-missed"), Tone::bad);
  EXPECT_EQ(cell_tone("state", table::Align::left, "notice-due"), Tone::warning);
  EXPECT_EQ(cell_tone("risk", table::Align::left, "high"), Tone::bad);
  EXPECT_EQ(cell_tone("risk", table::Align::left, "low"), Tone::good);
  EXPECT_EQ(cell_tone("notes", table::Align::left, "over"), Tone::plain);
}

TEST(Styled, WrapsTextInEscapes)
{
  EXPECT_EQ(styled("key", Tone::heading), "\x1b[1mkey\x1b[0m");
  EXPECT_EQ(styled("-1.00", Tone::bad), "\x1b[31m-1.00\x1b[0m");
  EXPECT_EQ(styled("at-risk", Tone::warning), "\x1b[33mat-risk\x1b[0m");
  EXPECT_EQ(styled("ok", Tone::good), "\x1b[32mok\x1b[0m");
  EXPECT_EQ(styled("plain", Tone::plain), "plain");
  EXPECT_EQ(styled("", Tone::bad), "");
}

} // namespace
} // namespace vendorcat::report
