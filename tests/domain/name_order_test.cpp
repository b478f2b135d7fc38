#include "domain/name_order.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace vendorcat::domain {
namespace {

using Names = std::vector<std::string>;

Names sorted(Names names)
{
  std::sort(names.begin(), names.end(), NameLess{});
  return names;
}

TEST(NameOrder, IgnoresCaseAndAccentsBeforeTheyBreakTies)
{
  EXPECT_EQ(sorted({"Zeta", "Öresund Logistics", "acme", "Oslo Data", "Acme Inc", "Bravo", "oak", "Ärzte"}),
            (Names{"acme", "Acme Inc", "Ärzte", "Bravo", "oak", "Öresund Logistics", "Oslo Data", "Zeta"}));
  EXPECT_LT(compare_names("acme", "Acme"), 0); // lower case first, as ICU's root order
  EXPECT_LT(compare_names("Oresund", "Öresund"), 0);
  EXPECT_LT(compare_names("Öresund", "Oslo"), 0);
  EXPECT_LT(compare_names("Kraków", "Krakowiak"), 0);
}

TEST(NameOrder, IsTotal)
{
  // e + combining acute and é are the same to ICU: the bytes decide.
  const std::string composed = "caf\xC3\xA9";
  const std::string decomposed = "cafe\xCC\x81";
  EXPECT_NE(compare_names(composed, decomposed), 0);
  EXPECT_EQ(compare_names(composed, decomposed), -compare_names(decomposed, composed));
  EXPECT_EQ(compare_names("same", "same"), 0);
  EXPECT_EQ(compare_names("", ""), 0);
  EXPECT_LT(compare_names("", "a"), 0);
}

TEST(NameOrder, ReadsTextThatIsNotUtf8)
{
  EXPECT_NE(compare_names("a\xFF", "a\xFE"), 0);
  EXPECT_EQ(compare_names("a\xFF", "a\xFF"), 0);
}

} // namespace
} // namespace vendorcat::domain
