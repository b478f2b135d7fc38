#include "domain/utf8.hpp"

#include <gtest/gtest.h>

using namespace vendorcat::domain;

TEST(TextProblem, AcceptsUtf8WithoutNul)
{
  EXPECT_FALSE(text_problem(""));
  EXPECT_FALSE(text_problem("Baltic Research O\xC3\x9C"));      // OÜ
  EXPECT_FALSE(text_problem("\xE6\xA0\xAA\xE5\xBC\x8F"));       // 株式
  EXPECT_FALSE(text_problem("\xF0\x9F\x98\x80 and a\x1b[31m")); // an emoji and ESC: escaped on display only
}

TEST(TextProblem, NamesTheFirstBadByte)
{
  EXPECT_EQ(text_problem("Bad\xFFName"), "not valid UTF-8 (byte 0xFF at position 4)");
  EXPECT_EQ(text_problem("\xC3"), "not valid UTF-8 (byte 0xC3 at position 1)");             // truncated
  EXPECT_EQ(text_problem("\xC0\xAF"), "not valid UTF-8 (byte 0xC0 at position 1)");         // overlong '/'
  EXPECT_EQ(text_problem("\xED\xA0\x80"), "not valid UTF-8 (byte 0xED at position 1)");     // a surrogate
  EXPECT_EQ(text_problem("\xF4\x90\x80\x80"), "not valid UTF-8 (byte 0xF4 at position 1)"); // above U+10FFFF
  EXPECT_EQ(text_problem(std::string_view("ab\0c", 4)), "contains a NUL byte (at position 3)");
}

TEST(EscapeForTerminal, EscapesControlsBidiAndBadBytes)
{
  EXPECT_EQ(escape_for_terminal("plain \xC3\xB6"), "plain \xC3\xB6");
  EXPECT_EQ(escape_for_terminal("a\x1b[2Jb\x07"), "a\\x1b[2Jb\\x07");
  EXPECT_EQ(escape_for_terminal("line\nnext\ttab\r"), "line\\nnext\\ttab\\r");
  EXPECT_EQ(escape_for_terminal("\x7F\xC2\x9B"), "\\x7f\\x9b"); // DEL and the C1 CSI
  EXPECT_EQ(escape_for_terminal("\xE2\x80\xAEgnp.exe"), "\\u202egnp.exe");
  EXPECT_EQ(escape_for_terminal("\xE2\x81\xA6x\xE2\x81\xA9"), "\\u2066x\\u2069");
  EXPECT_EQ(escape_for_terminal("bad\xFF"), "bad\\xff");
}

TEST(Shorten, CutsAtCodePointsWithAnEllipsis)
{
  EXPECT_EQ(shorten("short", 10), "short");
  EXPECT_EQ(shorten("exactly10!", 10), "exactly10!");
  EXPECT_EQ(shorten("eleven char", 10), "eleven ch\xE2\x80\xA6");
  EXPECT_EQ(shorten("\xC3\xB6\xC3\xB6\xC3\xB6", 2), "\xC3\xB6\xE2\x80\xA6");
}
