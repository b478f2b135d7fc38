#include "report/record.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace vendorcat::report {
namespace {

Record transcom()
{
  Record record;
  record.fields.emplace_back("name", std::string("Transcom"));
  record.fields.emplace_back("notes", std::string("call centres across the Nordics and the Baltics"));
  record.fields.emplace_back("status", std::string("active"));
  record.notes.push_back("nearshore: delivered from EE, home country FI, both in Europe");
  table::Table locations{{{"country"}, {"city"}, {"name"}}, {}};
  locations.add_row({std::string("EE"), std::string("Tallinn"), std::string("Tallinn delivery centre")});
  record.sections.emplace_back("locations", std::move(locations));
  return record;
}

TEST(RenderRecordTable, WholeWithoutALayout)
{
  std::ostringstream out;
  const auto fit = render_record(transcom(), table::Format::table, out);
  EXPECT_EQ(out.str(), "name:   Transcom\n"
                       "notes:  call centres across the Nordics and the Baltics\n"
                       "status: active\n"
                       "  nearshore: delivered from EE, home country FI, both in Europe\n"
                       "\n"
                       "locations (1)\n"
                       "country  city     name\n"
                       "-------  -------  -----------------------\n"
                       "EE       Tallinn  Tallinn delivery centre\n");
  EXPECT_TRUE(fit.left_out.empty());
}

TEST(RenderRecordTable, WrapsValuesAndFitsSectionsToTheWidth)
{
  std::ostringstream out;
  const auto fit = render_record(transcom(), table::Format::table, out, {.width = 31});
  EXPECT_EQ(out.str(), "name:   Transcom\n"
                       "notes:  call centres across the\n"
                       "        Nordics and the Baltics\n"
                       "status: active\n"
                       "  nearshore: delivered from\n"
                       "    EE, home country FI, both\n"
                       "    in Europe\n"
                       "\n"
                       "locations (1)\n"
                       "country  city     name\n"
                       "-------  -------  -------------\n"
                       "EE       Tallinn  Tallinn deli\u2026\n");
  EXPECT_TRUE(fit.left_out.empty());
}

TEST(RenderRecordTable, ReportsWhatTheSectionsLeftOut)
{
  std::ostringstream out;
  const auto fit = render_record(transcom(), table::Format::table, out, {.width = 20});
  EXPECT_EQ(fit.left_out, std::vector<std::string>{"name"});
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(display_width(line), 20U) << line;
  }
}

TEST(RenderRecordTable, ColoursStatesInColour)
{
  std::ostringstream out;
  render_record(transcom(), table::Format::table, out, {.width = 0, .colour = true});
  EXPECT_NE(out.str().find("status: \x1b[32mactive\x1b[0m\n"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\x1b[1mcountry\x1b[0m"), std::string::npos) << out.str();
}

} // namespace
} // namespace vendorcat::report
