#include "report/render.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vendorcat::report {
namespace {

using Lines = std::vector<std::string>;

TEST(CutToWidth, KeepsTextThatFits)
{
  EXPECT_EQ(cut_to_width("Kraków", 6), "Kraków");
  EXPECT_EQ(cut_to_width("", 0), "");
}

TEST(CutToWidth, CutsOnCodePointsAndMarksTheCut)
{
  EXPECT_EQ(cut_to_width("Deccan Knowledge Services", 10), "Deccan Kn…");
  EXPECT_EQ(display_width(cut_to_width("Deccan Knowledge Services", 10)), 10U);
  EXPECT_EQ(cut_to_width("Łódź Łódź", 4), "Łód…");
  EXPECT_EQ(cut_to_width("abc", 1), "…");
  EXPECT_EQ(cut_to_width("abc", 0), "");
}

TEST(CutToWidth, NeverSplitsAWideCharacter)
{
  // 株式会社 is 8 columns: 5 leave room for two characters and the mark.
  EXPECT_EQ(cut_to_width("株式会社", 5), "株式…");
  EXPECT_EQ(cut_to_width("株式会社", 6), "株式…");
  EXPECT_EQ(cut_to_width("株式会社", 7), "株式会…");
}

TEST(CutToWidth, DropsTheCombiningMarksOfACutLetter)
{
  EXPECT_EQ(cut_to_width("Krako\xCC\x81w", 5), "Krak…");
  EXPECT_EQ(cut_to_width("Krako\xCC\x81wx", 6), "Krako\xCC\x81…");
}

TEST(WrapToWidth, BreaksAtSpaces)
{
  EXPECT_EQ(wrap_to_width("call centres across the Nordics and the Baltics", 23),
            (Lines{"call centres across the", "Nordics and the Baltics"}));
  EXPECT_EQ(wrap_to_width("short", 23), (Lines{"short"}));
  EXPECT_EQ(wrap_to_width("no limit at all", 0), (Lines{"no limit at all"}));
  EXPECT_EQ(wrap_to_width("a  b", 3), (Lines{"a", "b"}));
}

TEST(WrapToWidth, BreaksAWordWiderThanALine)
{
  EXPECT_EQ(wrap_to_width("see https://example.com/a/long/path", 10),
            (Lines{"see", "https://ex", "ample.com/", "a/long/pat", "h"}));
  EXPECT_EQ(wrap_to_width("株式会社", 3), (Lines{"株", "式", "会", "社"}));
  EXPECT_EQ(wrap_to_width("株", 1), (Lines{"株"})); // wider than the line: alone on it
}

} // namespace
} // namespace vendorcat::report
