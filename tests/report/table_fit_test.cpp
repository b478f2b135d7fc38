#include "report/table_fit.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace vendorcat::report {
namespace {

using Widths = std::vector<std::size_t>;

TEST(FitColumns, KeepsNaturalWidthsWhenTheyFitOrThereIsNoLimit)
{
  const std::vector<ColumnSpan> columns{{5, 5}, {3, 3}};
  EXPECT_EQ(fit_columns(columns, 10), (Widths{5, 3})); // 5 + 2 + 3
  EXPECT_EQ(fit_columns(columns, 0), (Widths{5, 3}));
  EXPECT_EQ(fit_columns({}, 10), Widths{});
}

TEST(FitColumns, GivesTheSpaceLeftToTheLeftmostFirst)
{
  // 26 columns for cells, 24 at the minimums: the first column takes both.
  EXPECT_EQ(fit_columns({{30, 10}, {12, 10}, {4, 4}}, 30), (Widths{12, 10, 4}));
  EXPECT_EQ(fit_columns({{20, 10}, {5, 5}}, 20), (Widths{13, 5}));
  EXPECT_EQ(fit_columns({{30, 10}, {30, 10}}, 23), (Widths{11, 10}));
  // The first is whole at 12; the second takes the rest.
  EXPECT_EQ(fit_columns({{12, 10}, {30, 10}, {4, 4}}, 40), (Widths{12, 20, 4}));
}

TEST(FitColumns, LeavesOutTheRightmostColumnsThatCannotFit)
{
  // At their minimums the first three take 5 + 10 + 8 and two gaps: 27.
  EXPECT_EQ(fit_columns({{5, 5}, {20, 10}, {8, 8}, {8, 8}}, 30), (Widths{5, 13, 8}));
}

TEST(FitColumns, KeepsOneColumnCutToTheWidthWhenNothingFits)
{
  EXPECT_EQ(fit_columns({{50, 10}, {4, 4}}, 5), (Widths{5}));
  EXPECT_EQ(fit_columns({{50, 50}}, 20), (Widths{20}));
}

TEST(FitColumns, NeverExceedsTheWidthWhenTheMinimumsFit)
{
  const std::vector<ColumnSpan> columns{{3, 3}, {40, 10}, {2, 2}, {25, 10}, {10, 10}, {60, 10}, {8, 8}};
  for (std::size_t width = 10; width <= 200; ++width) {
    const auto widths = fit_columns(columns, width);
    std::size_t total = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
      total += widths[i] + (i == 0 ? 0 : column_gap);
      EXPECT_GE(widths[i], columns[i].minimum);
      EXPECT_LE(widths[i], columns[i].natural);
    }
    EXPECT_LE(total, width) << width;
  }
}

} // namespace
} // namespace vendorcat::report
