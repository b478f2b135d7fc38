#include "cli/terminal.hpp"

#include <gtest/gtest.h>

namespace vendorcat::cli {
namespace {

TerminalFacts terminal(const char* columns, std::optional<std::size_t> window)
{
  TerminalFacts facts;
  facts.is_terminal = true;
  facts.columns = columns;
  facts.window_width = window;
  return facts;
}

TEST(ChooseLayout, APipeOrAFileGetsTheWholePlainTable)
{
  TerminalFacts pipe;
  pipe.columns = "40";
  pipe.window_width = 40;
  const auto layout = choose_layout(pipe, false);
  EXPECT_EQ(layout.width, 0U);
  EXPECT_FALSE(layout.colour);
}

TEST(ChooseLayout, ColumnsFirstThenTheTerminalsWidth)
{
  EXPECT_EQ(choose_layout(terminal("100", 80), false).width, 100U);
  EXPECT_EQ(choose_layout(terminal(nullptr, 132), false).width, 132U);
  EXPECT_EQ(choose_layout(terminal(nullptr, std::nullopt), false).width, 80U);
  for (const char* bad : {"", "0", "-5", "80x", " 80", "abc", "9999999"}) {
    EXPECT_EQ(choose_layout(terminal(bad, 120), false).width, 120U) << bad;
  }
}

TEST(ChooseLayout, WideTurnsFittingOffButNotColour)
{
  const auto layout = choose_layout(terminal("80", 80), true);
  EXPECT_EQ(layout.width, 0U);
  EXPECT_TRUE(layout.colour);
}

TEST(ChooseLayout, NoColorOrADumbTerminalTurnsColourOff)
{
  auto facts = terminal(nullptr, 80);
  EXPECT_TRUE(choose_layout(facts, false).colour);
  facts.no_color = true;
  EXPECT_FALSE(choose_layout(facts, false).colour);
  EXPECT_EQ(choose_layout(facts, false).width, 80U);
  facts.no_color = false;
  facts.dumb = true;
  EXPECT_FALSE(choose_layout(facts, false).colour);
}

} // namespace
} // namespace vendorcat::cli
