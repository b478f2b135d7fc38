#include "report/record.hpp"
#include "report/render.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace vendorcat::report {
namespace {

std::string rendered_json(const table::Table& table)
{
  std::ostringstream out;
  render_json(table, out);
  return out.str();
}

std::string rendered_jsonl(const table::Table& table)
{
  std::ostringstream out;
  render_jsonl(table, out);
  return out.str();
}

table::Table sample()
{
  table::Table table{{{"name"},
                      {"amount", table::Align::right},
                      {"share", table::Align::right},
                      {"count"},
                      {"active"},
                      {"note"}},
                     {}};
  table.add_row(
    {std::string("株式会社テスト"), std::string("1050.00"), 0.7778, std::int64_t{3}, true, std::monostate{}});
  table.add_row({std::string("Kraków \"Best\"\n"), std::string("80.00"), 0.75, std::int64_t{-1}, false,
                 std::string("x")});
  return table;
}

TEST(RenderJson, EmptyTableIsAnEmptyArray)
{
  table::Table table{{{"name"}}, {}};
  EXPECT_EQ(rendered_json(table), "[]\n");
}

TEST(RenderJson, ArrayOfObjectsInColumnOrder)
{
  EXPECT_EQ(rendered_json(sample()), R"([
  {
    "name": "株式会社テスト",
    "amount": "1050.00",
    "share": 0.7778,
    "count": 3,
    "active": true,
    "note": null
  },
  {
    "name": "Kraków \"Best\"\n",
    "amount": "80.00",
    "share": 0.75,
    "count": -1,
    "active": false,
    "note": "x"
  }
]
)");
}

TEST(RenderJson, ParsesBackToTheSameValues)
{
  const auto json = nlohmann::json::parse(rendered_json(sample()));
  ASSERT_EQ(json.size(), 2U);
  EXPECT_EQ(json[0]["name"], "株式会社テスト");
  EXPECT_EQ(json[0]["share"].get<double>(), 0.7778);
  EXPECT_TRUE(json[0]["note"].is_null());
  EXPECT_EQ(json[1]["name"], "Kraków \"Best\"\n");
}

TEST(RenderJson, RoundsDoublesToFourDecimals)
{
  table::Table table{{{"share"}}, {}};
  table.add_row({2.0 / 3.0});
  table.add_row({1.0});
  EXPECT_EQ(rendered_jsonl(table), "{\"share\":0.6667}\n{\"share\":1.0}\n");
}

TEST(RenderJson, InvalidUtf8IsReplacedNotThrown)
{
  table::Table table{{{"v"}}, {}};
  table.add_row({std::string("a\xFF"
                             "b")});
  EXPECT_EQ(rendered_jsonl(table), "{\"v\":\"a\xEF\xBF\xBD"
                                   "b\"}\n");
}

TEST(RenderJsonl, OneCompactObjectPerLine)
{
  EXPECT_EQ(rendered_jsonl(sample()),
            "{\"name\":\"株式会社テスト\",\"amount\":\"1050.00\",\"share\":0.7778,\"count\":3,"
            "\"active\":true,\"note\":null}\n"
            "{\"name\":\"Kraków \\\"Best\\\"\\n\",\"amount\":\"80.00\",\"share\":0.75,\"count\":-1,"
            "\"active\":false,\"note\":\"x\"}\n");
}

TEST(RenderJsonl, EmptyTablePrintsNothing)
{
  table::Table table{{{"name"}}, {}};
  EXPECT_EQ(rendered_jsonl(table), "");
}

} // namespace
TEST(RenderJson, AJsonColumnIsEmbeddedAndPlainElsewhere)
{
  table::Table table{{{"id"}, {"changes", table::Align::left, table::Content::json}}, {}};
  table.add_row({std::int64_t{1}, std::string(R"({"name":[null,"Acme"]})")});
  table.add_row({std::int64_t{2}, std::string("not json")});
  EXPECT_EQ(rendered_jsonl(table), "{\"id\":1,\"changes\":{\"name\":[null,\"Acme\"]}}\n"
                                   "{\"id\":2,\"changes\":\"not json\"}\n");
  std::ostringstream csv;
  render_csv(table, csv);
  EXPECT_EQ(csv.str(), "id,changes\n1,\"{\"\"name\"\":[null,\"\"Acme\"\"]}\"\n2,not json\n");
}

TEST(RenderJson, ARecordSectionOfValuesIsAnArrayOfThem)
{
  Record record;
  record.fields.emplace_back("name", std::string("Acme"));
  table::Table codes{{{"service"}}, {}};
  codes.add_row({std::string("payroll")});
  codes.add_row({std::string("training")});
  record.sections.emplace_back("offerings", codes, SectionShape::values);
  record.sections.emplace_back("locations", table::Table{{{"city"}}, {}});
  std::ostringstream out;
  render_record_json(record, out, -1);
  EXPECT_EQ(out.str(), R"({"name":"Acme","offerings":["payroll","training"],"locations":[]})"
                       "\n");
}

} // namespace vendorcat::report
