// End-to-end scenario for `report html`: the real binary writes the page for
// the demo catalogue, then, when Chromium is installed, a headless browser
// renders it.
//
// The browser check avoids decoding PNG (the tests link no image library and
// zlib is not linked either). It rests on two facts instead:
//  - a screenshot of a blank page of the same size compresses to a few
//    kilobytes, so a report screenshot several times larger has real content
//    drawn on it (text, tables and coloured bars);
//  - `--dump-dom` prints the DOM after parsing, so finding the inline <svg>
//    with <rect> bars in the BPO and KPO colours proves the browser built the
//    chart rather than showing markup as text or dropping it.
// Chromium runs with flags that keep it off the network (this machine has
// none) and with a fresh profile each time.

#include "domain/amount.hpp"
#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

const std::string chromium = "/usr/bin/chromium";
const std::string timeout_program = "/usr/bin/timeout";
const std::string bpo_fill = "fill=\"#2563eb\"";
const std::string kpo_fill = "fill=\"#f59e0b\"";

// Writes the demo catalogue's HTML report into DIR and returns its path.
std::filesystem::path demo_page(const TempDir& dir)
{
  const Cli cli(dir / "catalogue.db");
  cli.ok({"demo"});
  const auto page = dir / "page.html";
  cli.ok({"report", "html", "-o", page.string(), "--on", "2026-11-20"});
  // The quarters as report spend gives them, for the figures the page shows.
  cli.ok({"report", "spend", "--period", "quarter", "-o", (dir / "quarters.json").string()});
  return page;
}

// Runs Chromium headless on PAGE with ARGS added, under a time limit when
// timeout(1) is there.
Output run_chromium(const TempDir& dir, const std::string& profile, const std::vector<std::string>& args,
                    const std::filesystem::path& page)
{
  std::vector<std::string> command{"--headless",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--user-data-dir=" + (dir / profile).string(),
                                   "--window-size=1200,1600"};
  command.insert(command.end(), args.begin(), args.end());
  command.push_back("file://" + page.string());
  if (!std::filesystem::exists(timeout_program)) {
    return run_program(chromium, command);
  }
  command.insert(command.begin(), {"120", chromium});
  return run_program(timeout_program, command);
}

// Takes a screenshot of PAGE and returns the PNG's bytes.
std::string screenshot(const TempDir& dir, const std::string& name, const std::filesystem::path& page)
{
  const auto png = dir / (name + ".png");
  const auto result = run_chromium(dir, name + "-profile", {"--screenshot=" + png.string()}, page);
  EXPECT_EQ(result.status, 0) << result.err;
  return std::filesystem::exists(png) ? read_file(png) : std::string();
}

// The big-endian 32-bit number at OFFSET of BYTES.
std::uint32_t big_endian(const std::string& bytes, std::size_t offset)
{
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8U) | static_cast<unsigned char>(bytes.at(offset + i));
  }
  return value;
}

// How many <rect> start tags in DOM carry the attribute FILL.
int rects_with(const std::string& dom, const std::string& fill)
{
  int count = 0;
  for (auto start = dom.find("<rect "); start != std::string::npos; start = dom.find("<rect ", start + 1)) {
    const auto tag = dom.substr(start, dom.find('>', start) - start);
    count += tag.find(fill) != std::string::npos ? 1 : 0;
  }
  return count;
}

bool browser_tests_required()
{
  const char* value = std::getenv("VENDORCAT_BROWSER_TESTS");
  return value != nullptr && std::string(value) == "1";
}

} // namespace

TEST(HtmlReportE2e, DemoPageIsOneSelfContainedFile)
{
  const TempDir dir;
  const auto path = demo_page(dir);
  ASSERT_FALSE(testing::Test::HasFailure());
  const auto page = read_file(path);
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page.find("<svg class=\"chart\" role=\"img\""), std::string::npos);
  EXPECT_NE(page.find(">2025-Q1</text>"), std::string::npos);
  EXPECT_NE(page.find("Öresund Kundtjänst AB"), std::string::npos); // UTF-8 kept as is
  EXPECT_GE(rects_with(page, bpo_fill), 4);
  EXPECT_GE(rects_with(page, kpo_fill), 4);
  EXPECT_NE(page.find("<span class=\"badge auto\">auto-renews</span>"), std::string::npos);
  for (const std::string outside : {"<script", "http://", "https://", "<link", "<img", "url("}) {
    EXPECT_EQ(page.find(outside), std::string::npos) << outside;
  }
}

TEST(HtmlReportE2e, FailureLeavesNoFile)
{
  const TempDir dir;
  const Cli cli(dir / "catalogue.db");
  cli.ok({"demo"});
  const auto page = dir / "page.html";
  const auto result = cli.run({"report", "html", "-o", page.string(), "--on", "2026-02-30"});
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_FALSE(std::filesystem::exists(page));
}

TEST(HtmlReportE2e, BrowserRendersTheCharts)
{
  if (!std::filesystem::exists(chromium)) {
    if (browser_tests_required()) {
      FAIL() << "VENDORCAT_BROWSER_TESTS=1 but " << chromium << " is not installed";
    }
    GTEST_SKIP() << "chromium is not installed (set VENDORCAT_BROWSER_TESTS=1 with scripts/bootstrap)";
  }
  const TempDir dir;
  const auto page = demo_page(dir);
  ASSERT_FALSE(testing::Test::HasFailure());
  const auto blank = dir / "blank.html";
  write_file(blank, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>blank</title>"
                    "</head><body></body></html>\n");

  const auto report_png = screenshot(dir, "report", page);
  const auto blank_png = screenshot(dir, "blank", blank);
  ASSERT_GT(report_png.size(), 24U);
  ASSERT_GT(blank_png.size(), 24U);
  EXPECT_EQ(report_png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(report_png.substr(12, 4), "IHDR");
  EXPECT_EQ(big_endian(report_png, 16), 1200U); // width
  EXPECT_EQ(big_endian(report_png, 20), 1600U); // height
  EXPECT_GT(report_png.size(), 5 * blank_png.size())
    << "report " << report_png.size() << " bytes, blank page " << blank_png.size() << " bytes";
  if (const char* keep = std::getenv("VENDORCAT_KEEP_SCREENSHOT")) {
    write_file(keep, report_png); // for a human look, e.g. as a CI artifact
  }

  const auto dom = run_chromium(dir, "dom-profile", {"--dump-dom"}, page);
  ASSERT_EQ(dom.status, 0) << dom.err;
  EXPECT_NE(dom.out.find("<svg class=\"chart\" role=\"img\""), std::string::npos);
  EXPECT_GE(rects_with(dom.out, bpo_fill), 4) << "BPO bars missing from the rendered DOM";
  EXPECT_GE(rects_with(dom.out, kpo_fill), 4) << "KPO bars missing from the rendered DOM";
  EXPECT_EQ(dom.out.find("<script"), std::string::npos);

  // The figures people read are the tables' figures, with thousands separators.
  const auto quarters = nlohmann::json::parse(read_file(dir / "quarters.json"));
  ASSERT_FALSE(quarters.empty());
  for (const auto& row : quarters) {
    const auto amount = row["amount"].get<std::string>();
    const auto shown = vendorcat::domain::group_thousands(amount);
    EXPECT_NE(shown, amount) << "the demo's quarters are above 1,000";
    EXPECT_NE(dom.out.find("<td class=\"num\">" + shown + "</td>"), std::string::npos)
      << row["period"] << " " << row["type"] << ": " << shown << " not on the rendered page";
  }
}
