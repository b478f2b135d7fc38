#include "domain/errors.hpp"
#include "report/html_report.hpp"
#include "report/svg_chart.hpp"
#include "store/engagements.hpp"
#include "store/fx.hpp"
#include "store/migrations.hpp"
#include "store/providers.hpp"
#include "store/settings.hpp"
#include "store/spend.hpp"
#include "store/volumes.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using namespace vendorcat;

namespace {

enum class Rates
{
  missing,
  set,
};

store::Catalogue empty_catalogue()
{
  auto catalogue = store::Catalogue::open_in_memory();
  store::migrate(catalogue);
  store::WriteTransaction transaction(catalogue);
  store::set_setting(catalogue, store::SettingKey::home_country, "FI");
  store::set_setting(catalogue, store::SettingKey::base_currency, "EUR");
  transaction.commit();
  return catalogue;
}

store::EngagementFields engagement(std::string ref, std::string service, std::string country,
                                   std::string currency)
{
  store::EngagementFields fields;
  fields.ref = std::move(ref);
  fields.provider = R"(<Acme & "Sons">)";
  fields.service = std::move(service);
  fields.delivery_country = std::move(country);
  fields.start_date = "2025-01-01";
  fields.currency = std::move(currency);
  return fields;
}

// One provider with a BPO engagement in EUR (payroll, delivered from FI:
// onshore) and a KPO engagement in USD (market research from IN: offshore).
//
// By hand, in EUR:
//   2025-Q1  BPO 1000.00 + 250.50 = 1250.50   KPO 2000.00 USD * 0.90 = 1800.00  total 3050.50
//   2025-Q2  BPO -300.00 (a credit note)      KPO  100.00 USD * 0.95 =   95.00  total -205.00
store::Catalogue sample_catalogue(Rates rates)
{
  auto catalogue = empty_catalogue();
  store::WriteTransaction transaction(catalogue);
  store::ProviderFields provider;
  provider.name = R"(<Acme & "Sons">)";
  provider.hq_country = "FI";
  store::add_provider(catalogue, provider);
  auto bpo = engagement("ENG-1", "payroll", "FI", "EUR");
  bpo.end_date = "2025-06-30";
  bpo.notice_days = "30";
  bpo.auto_renew = "true";
  bpo.value = "12000.00";
  store::add_engagement(catalogue, bpo);
  store::add_engagement(catalogue, engagement("ENG-2", "market-research", "IN", "USD"));
  if (rates == Rates::set) {
    store::set_fx_rate(catalogue, "USD", "2025-02", "0.90");
    store::set_fx_rate(catalogue, "USD", "2025-05", "0.95");
  }
  store::add_spend(catalogue, "ENG-1", "2025-01-15", "1000.00", std::nullopt, "INV-1");
  store::add_spend(catalogue, "ENG-1", "2025-02-10", "250.50", std::nullopt, "INV-2");
  store::add_spend(catalogue, "ENG-1", "2025-04-03", "-300.00", std::nullopt, "CN-1");
  store::add_spend(catalogue, "ENG-2", "2025-02-20", "2000.00", std::nullopt, "INV-3");
  store::add_spend(catalogue, "ENG-2", "2025-05-05", "100.00", std::nullopt, "INV-4");
  transaction.commit();
  return catalogue;
}

report::HtmlReportOptions on_june_first()
{
  report::HtmlReportOptions options;
  options.on = "2025-06-01";
  return options;
}

std::string rendered(store::Catalogue& catalogue, const report::HtmlReportOptions& options = on_june_first())
{
  std::ostringstream out;
  report::render_html_report(catalogue, options, out);
  return out.str();
}

bool contains(const std::string& text, const std::string& part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST(HtmlReport, EscapesProviderNamesEverywhere)
{
  auto catalogue = sample_catalogue(Rates::set);
  const auto page = rendered(catalogue);
  EXPECT_TRUE(contains(page, "&lt;Acme &amp; &quot;Sons&quot;&gt;"));
  EXPECT_FALSE(contains(page, R"(<Acme & "Sons">)"));
  EXPECT_FALSE(contains(page, "<Acme"));
  EXPECT_FALSE(contains(page, "\"Sons\""));
}

TEST(HtmlReport, IsOneSelfContainedDocument)
{
  auto catalogue = sample_catalogue(Rates::set);
  const auto page = rendered(catalogue);
  EXPECT_TRUE(page.starts_with("<!DOCTYPE html>\n"));
  EXPECT_TRUE(page.ends_with("</html>\n"));
  EXPECT_TRUE(contains(page, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(contains(page, "<title>"));
  EXPECT_TRUE(contains(page, "<style>"));
  EXPECT_FALSE(contains(page, "<script"));
  EXPECT_FALSE(contains(page, "http://"));
  EXPECT_FALSE(contains(page, "https://"));
  EXPECT_FALSE(contains(page, "<link"));
  EXPECT_FALSE(contains(page, "<img"));
  EXPECT_FALSE(contains(page, "url("));
  EXPECT_FALSE(contains(page, "@import"));
}

TEST(HtmlReport, InlinesTheEmbeddedStyleSheet)
{
  auto catalogue = sample_catalogue(Rates::set);
  const auto page = rendered(catalogue);
  EXPECT_TRUE(contains(page, "<style>/* The HTML report's style sheet"));
  EXPECT_TRUE(contains(page, ".card .value {"));
}

TEST(HtmlReport, TablesHaveTheirHeaders)
{
  auto catalogue = sample_catalogue(Rates::set);
  const auto page = rendered(catalogue);
  for (const char* header :
       {"<th>Quarter</th>", "<th>Delivery model</th>", "<th>Provider</th>", "<th>Ref</th>",
        "<th>Notice deadline</th>", "<th class=\"num\">Value</th>", "<th>Currency</th>"}) {
    EXPECT_TRUE(contains(page, header)) << header;
  }
}

TEST(HtmlReport, ShowsBpoAndKpoPerQuarterAsChartAndTable)
{
  auto catalogue = sample_catalogue(Rates::set);
  const auto page = rendered(catalogue);
  EXPECT_TRUE(contains(page, "Report currency <strong>EUR</strong>"));
  EXPECT_TRUE(contains(page, "BPO versus KPO spend by quarter"));
  EXPECT_TRUE(contains(page, "<svg class=\"chart\" role=\"img\" aria-label=\""));
  EXPECT_TRUE(contains(page, ">2025-Q1</text>"));
  EXPECT_TRUE(contains(page, ">2025-Q2</text>"));
  EXPECT_TRUE(contains(page, "<td>2025-Q1</td><td class=\"num\">1,250.50</td>"
                             "<td class=\"num\">1,800.00</td><td class=\"num\">3,050.50</td>"));
  EXPECT_TRUE(contains(page, "<td>2025-Q2</td><td class=\"num neg\">-300.00</td>"
                             "<td class=\"num\">95.00</td><td class=\"num neg\">-205.00</td>"));
  // Both series are drawn in their own colours, with the exact figure as a tooltip.
  EXPECT_TRUE(contains(page, "fill=\"#2563eb\"><title>2025-Q1 BPO: 1250.50 EUR</title>"));
  EXPECT_TRUE(contains(page, "fill=\"#f59e0b\"><title>2025-Q1 KPO: 1800.00 EUR</title>"));
}

TEST(HtmlReport, ClampsNegativeBarsAtZeroAndSaysSo)
{
  auto catalogue = sample_catalogue(Rates::set);
  const auto page = rendered(catalogue);
  EXPECT_FALSE(contains(page, "height=\"-"));
  EXPECT_FALSE(contains(page, "<title>2025-Q2 BPO")); // nothing to draw for a net credit
  EXPECT_TRUE(contains(page, "<title>2025-Q2 KPO: 95.00 EUR</title>"));
  EXPECT_TRUE(contains(page, "is drawn as zero in the chart"));
}

TEST(HtmlReport, SpendByDeliveryModelAndTopProviders)
{
  auto catalogue = sample_catalogue(Rates::set);
  const auto page = rendered(catalogue);
  // onshore 1250.50 - 300.00 = 950.50 of 2845.50 = 33.4 %; offshore 1895.00 = 66.6 %.
  EXPECT_TRUE(contains(page, "<td>onshore</td><td class=\"num\">950.50</td>"
                             "<td class=\"num\">33.4\u00a0%</td>"));
  EXPECT_TRUE(contains(page, "<td>nearshore</td><td class=\"num\">0.00</td>"));
  EXPECT_TRUE(contains(page, "<td>offshore</td><td class=\"num\">1,895.00</td>"));
  EXPECT_TRUE(contains(page, "<td class=\"num\">1</td><td>&lt;Acme &amp; &quot;Sons&quot;&gt;</td>"
                             "<td class=\"num\">2,845.50</td><td class=\"num\">100.0\u00a0%</td>"));
}

TEST(HtmlReport, ListsUpcomingRenewalsWithAutoRenewBadge)
{
  auto catalogue = sample_catalogue(Rates::set);
  const auto page = rendered(catalogue);
  // Ends 2025-06-30 with 30 days' notice: deadline 2025-05-31 has passed, so 29 days to the end.
  EXPECT_TRUE(contains(page, "<td class=\"nowrap\">ENG-1</td><td>&lt;Acme &amp; &quot;Sons&quot;&gt;"
                             "</td><td class=\"nowrap\">2025-06-30</td><td class=\"nowrap\">"
                             "2025-05-31</td><td class=\"num soon\">29</td>"));
  EXPECT_TRUE(contains(page, "<span class=\"badge auto\">auto-renews</span>"));
  EXPECT_TRUE(contains(page, "<td class=\"num\">12,000.00</td><td>EUR</td>"));
  EXPECT_FALSE(contains(page, "ENG-2</td>")); // open-ended
}

TEST(HtmlReport, SaysWhenNoRenewalsFallInTheWindow)
{
  auto catalogue = sample_catalogue(Rates::set);
  auto options = on_june_first();
  options.renewals_within = 7;
  options.on = "2025-01-01";
  const auto page = rendered(catalogue, options);
  EXPECT_TRUE(contains(page, "No renewals within 7 days."));
  EXPECT_FALSE(contains(page, "badge auto"));
}

TEST(HtmlReport, GroupsProvidersBeyondTheTop)
{
  auto catalogue = sample_catalogue(Rates::set);
  {
    store::WriteTransaction transaction(catalogue);
    store::ProviderFields provider;
    provider.name = "Beta Oy";
    provider.hq_country = "FI";
    store::add_provider(catalogue, provider);
    auto fields = engagement("ENG-3", "payroll", "FI", "EUR");
    fields.provider = "Beta Oy";
    store::add_engagement(catalogue, fields);
    store::add_spend(catalogue, "ENG-3", "2025-03-01", "10.00", std::nullopt, "INV-5");
    transaction.commit();
  }
  auto options = on_june_first();
  options.top_providers = 1;
  const auto page = rendered(catalogue, options);
  EXPECT_TRUE(contains(page, "<td>1 other provider</td><td class=\"num\">10.00</td>"));
  EXPECT_TRUE(contains(page, "<td>Total (2 providers)</td><td class=\"num\">2,855.50</td>"));
  EXPECT_FALSE(contains(page, ">Beta Oy</text>"));
}

TEST(HtmlReport, MissingRateThrowsBeforeWritingAnything)
{
  auto catalogue = sample_catalogue(Rates::missing);
  std::ostringstream out;
  EXPECT_THROW(report::render_html_report(catalogue, on_june_first(), out), ValidationError);
  EXPECT_TRUE(out.str().empty());
}

TEST(HtmlReport, BadOptionsThrowBeforeWritingAnything)
{
  auto catalogue = sample_catalogue(Rates::set);
  auto options = on_june_first();
  options.top_providers = 0;
  std::ostringstream out;
  EXPECT_THROW(report::render_html_report(catalogue, options, out), ValidationError);
  options = on_june_first();
  options.renewals_within = -1;
  EXPECT_THROW(report::render_html_report(catalogue, options, out), ValidationError);
  options = on_june_first();
  options.on = "2025-02-30";
  EXPECT_THROW(report::render_html_report(catalogue, options, out), ValidationError);
  EXPECT_TRUE(out.str().empty());
}

TEST(HtmlReport, FailingStreamThrowsIoError)
{
  auto catalogue = sample_catalogue(Rates::set);
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_THROW(report::render_html_report(catalogue, on_june_first(), out), IoError);
}

TEST(HtmlReport, EmptyCatalogueSaysNoSpendInsteadOfCharts)
{
  auto catalogue = empty_catalogue();
  const auto page = rendered(catalogue);
  EXPECT_TRUE(contains(page, "No spend recorded for this period."));
  EXPECT_TRUE(contains(page, "No renewals within 90 days."));
  EXPECT_FALSE(contains(page, "<svg"));
  EXPECT_FALSE(contains(page, ">nan"));
  EXPECT_FALSE(contains(page, "nan\u00a0%"));
  EXPECT_TRUE(page.ends_with("</html>\n"));
}

TEST(HtmlReport, HeaderShowsTheChosenDateRange)
{
  auto catalogue = sample_catalogue(Rates::set);
  auto options = on_june_first();
  options.from = "2025-04-01";
  const auto page = rendered(catalogue, options);
  EXPECT_TRUE(contains(page, "<strong>2025-04-01 to the last spend</strong>"));
  EXPECT_FALSE(contains(page, ">2025-Q1</text>"));
  options.from.reset();
  EXPECT_TRUE(contains(rendered(catalogue, options), "2025-Q1 to 2025-Q2 (all recorded spend)"));
}

// ENG-1 (onshore) with 2 FTE in January and February: Q1 1250.50 / 4 = 312.625 -> 312.62
// (half to even); ENG-2 (offshore, KPO) with 0.5 FTE in February: 1800.00 / 0.5 = 3600.00,
// 3600.00 / 312.62 = 11.51557... -> 11.5156 times onshore; no FTE in Q2 (ENG-1's 10 hours
// in April are no FTE).
TEST(HtmlReport, UnitCostByDeliveryModelPerQuarter)
{
  auto catalogue = sample_catalogue(Rates::set);
  EXPECT_TRUE(contains(rendered(catalogue), "<h2>Unit cost by delivery model</h2>"));
  EXPECT_TRUE(contains(rendered(catalogue), "No FTE volumes recorded for this period."));
  store::WriteTransaction transaction(catalogue);
  for (const auto& [ref, month, quantity, unit] :
       std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
         {"ENG-1", "2025-01", "2", "fte"},
         {"ENG-1", "2025-02", "2", "fte"},
         {"ENG-2", "2025-02", "0.5", "fte"},
         {"ENG-1", "2025-04", "10", "hours"}}) {
    store::set_volume(catalogue, store::check_volume(catalogue, ref, month, quantity, unit));
  }
  transaction.commit();
  const auto page = rendered(catalogue);
  EXPECT_FALSE(contains(page, "No FTE volumes recorded"));
  const auto section = page.substr(page.find("<section id=\"unit-cost\">"));
  EXPECT_TRUE(contains(section,
                       "aria-label=\"Bar chart of the cost per FTE of each delivery model per quarter in "
                       "EUR\""));
  EXPECT_TRUE(contains(section, "<title>2025-Q1 onshore: 312.62 EUR/FTE</title>"));
  EXPECT_TRUE(contains(section, "<title>2025-Q1 offshore: 3600.00 EUR/FTE</title>"));
  EXPECT_TRUE(contains(section, "<tr><td>2025-Q1</td><td class=\"num\">312.62</td>"));
  EXPECT_TRUE(contains(section, "<td class=\"num\">3,600.00</td><td class=\"num\">1151.56\u00a0%</td></tr>"));
  EXPECT_FALSE(contains(section.substr(0, section.find("</section>")), "2025-Q2"));
}

TEST(HtmlReport, HtmlEscape)
{
  EXPECT_EQ(report::html_escape(""), "");
  EXPECT_EQ(report::html_escape("Acme Oy"), "Acme Oy");
  EXPECT_EQ(report::html_escape("a & b"), "a &amp; b");
  EXPECT_EQ(report::html_escape("<script>"), "&lt;script&gt;");
  EXPECT_EQ(report::html_escape(R"("x" 'y')"), "&quot;x&quot; &#39;y&#39;");
  EXPECT_EQ(report::html_escape("&amp;"), "&amp;amp;");
  EXPECT_EQ(report::html_escape("Öresund Kundtjänst AB"), "Öresund Kundtjänst AB");
}

TEST(HtmlReport, CompactAxisLabels)
{
  EXPECT_EQ(report::compact_amount(0, 2), "0");
  EXPECT_EQ(report::compact_amount(12345, 2), "123.45");
  EXPECT_EQ(report::compact_amount(25000000, 2), "250k");
  EXPECT_EQ(report::compact_amount(150000000, 2), "1.5M");
  EXPECT_EQ(report::compact_amount(-2000000, 0), "-2M");
  EXPECT_EQ(report::compact_amount(3000000000, 0), "3bn");
}
