// The footers of `import --help` and `export --help`: a kind's columns, or
// every kind's, in lines of at most 80 columns.

#include "cli/import_help.hpp"
#include "io/kind.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

using vendorcat::cli::export_footer;
using vendorcat::cli::import_footer;

namespace {

void expect_narrow(const std::string& text)
{
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    EXPECT_LE(line.size(), 80U) << line;
  }
  EXPECT_FALSE(text.ends_with("\n")) << "CLI11 adds the last line break";
}

} // namespace

TEST(ImportFooter, ListsTheColumnsOfTheKindGiven)
{
  const auto spend = import_footer("spend");
  EXPECT_TRUE(spend.ends_with("\n\nColumns of spend (required first, marked *):\n"
                              "  engagement*, date*, amount*, currency, reference"))
    << spend;
  EXPECT_NE(spend.find("--delimiter"), std::string::npos);
  expect_narrow(spend);
  expect_narrow(import_footer("engagements"));
  EXPECT_NE(import_footer("engagements").find("model_source, type_source"), std::string::npos)
    << import_footer("engagements");
}

TEST(ImportFooter, ListsEveryKindWithoutOne)
{
  for (const auto* kind : {"", "spnd"}) {
    const auto all = import_footer(kind);
    for (const auto each : vendorcat::io::all_kinds()) {
      EXPECT_NE(all.find("\n  " + std::string(vendorcat::io::to_string(each)) + " "), std::string::npos)
        << vendorcat::io::to_string(each);
    }
    expect_narrow(all);
  }
  expect_narrow(export_footer());
}
