// Option declarations and their validation. CLI11 checks the syntax and the
// numeric ranges; resolve() checks what depends on several options and turns
// the currency list into indices into the currency table.

#include "gen/options.hpp"

#include "domain/errors.hpp"
#include "gen/tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace vendorcat::gen {

namespace {

constexpr std::uint64_t max_records = 50'000'000;
constexpr int max_months = 600;
constexpr int last_month_index = 2026 * 12 + 9; // 2026-10, as Month::index()

std::string known_currencies()
{
  std::string result;
  for (const auto& currency : currency_table()) {
    result += result.empty() ? "" : ",";
    result += currency.code;
  }
  return result;
}

std::size_t currency_index(std::string code)
{
  for (auto& c : code) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  const auto table = currency_table();
  const auto found =
    std::find_if(table.begin(), table.end(), [&](const Currency& currency) { return currency.code == code; });
  if (found == table.end()) {
    throw UsageError(
      fmt::format("--currencies: unknown currency '{}' (known: {})", code, known_currencies()));
  }
  return static_cast<std::size_t>(found - table.begin());
}

std::vector<std::size_t> parse_currencies(std::string_view list)
{
  std::vector<std::size_t> result;
  while (true) {
    const auto comma = list.find(',');
    const auto index = currency_index(std::string(list.substr(0, comma)));
    if (std::find(result.begin(), result.end(), index) != result.end()) {
      throw UsageError(fmt::format("--currencies: '{}' is listed twice", currency_table()[index].code));
    }
    result.push_back(index);
    if (comma == std::string_view::npos) {
      return result;
    }
    list.remove_prefix(comma + 1);
  }
}

// CLI11 2.1 converts `-5` to a huge unsigned value; refuse the sign instead.
const CLI::Validator not_negative(
  [](const std::string& text) {
    return text.starts_with('-') ? std::string("must not be negative") : std::string();
  },
  "", "NOT_NEGATIVE");

} // namespace

void setup_options(CLI::App& app, Options& options)
{
  app.add_option("--out", options.out, "Folder to write the CSV files to (created)")->required();
  app.add_option("--seed", options.seed, "Seed; the same seed and options give the same files")
    ->check(not_negative)
    ->capture_default_str();
  app
    .add_option("--profile", options.profile,
                "concentrated (default: Pareto engagements, 24 months), spread (20,000 engagements, "
                "8 years, lines at random) or monthly (one line per engagement and month)")
    ->check(CLI::IsMember({"concentrated", "spread", "monthly"}))
    ->capture_default_str();
  app
    .add_option_function<std::uint64_t>(
      "--providers", [&options](std::uint64_t value) { options.providers = value; },
      "Number of providers (default: 200, 2,000 for spread and monthly)")
    ->check(not_negative)
    ->check(CLI::Range(std::uint64_t{1}, max_records));
  app
    .add_option_function<std::uint64_t>(
      "--engagements", [&options](std::uint64_t value) { options.engagements = value; },
      "Number of engagements (default: 1,000; 20,000 for spread; for monthly, enough for one line "
      "per engagement and month)")
    ->check(not_negative)
    ->check(CLI::Range(std::uint64_t{0}, max_records));
  app
    .add_option_function<std::uint64_t>(
      "--locations", [&options](std::uint64_t value) { options.locations = value; },
      "Mean delivery locations per provider (default: about one, 0 to 3)")
    ->check(not_negative)
    ->check(CLI::Range(std::uint64_t{0}, std::uint64_t{50}));
  app.add_option("--spend", options.spend, "Number of spend lines (streamed, any size)")
    ->check(not_negative)
    ->capture_default_str();
  app
    .add_option_function<int>(
      "--months", [&options](int value) { options.months = value; },
      "Months of spend, ending 2026-10 (default: 24, 96 for spread and monthly)")
    ->check(CLI::Range(1, max_months));
  app.add_option_function<std::string>(
    "--currencies", [&options](const std::string& value) { options.currencies = value; },
    "Comma-separated currencies of engagements and spend, 2 minor digits each (default: "
    "EUR,USD,GBP,SEK,INR,PHP; EUR,USD,GBP,SEK,INR for spread and monthly)");
}

Settings resolve(const Options& options)
{
  Settings settings;
  settings.profile = options.profile == "spread"    ? Profile::spread
                     : options.profile == "monthly" ? Profile::monthly
                                                    : Profile::concentrated;
  const bool wide = settings.profile != Profile::concentrated;
  settings.out = options.out;
  settings.seed = options.seed;
  settings.spend = options.spend;
  settings.locations = options.locations.value_or(0);
  settings.providers = options.providers.value_or(wide ? 2000 : 200);
  settings.months = options.months.value_or(wide ? 96 : 24);
  // Monthly: every engagement invoices each month of its term, about half the
  // window on average, so this many leave no engagement invoicing twice.
  const auto monthly_engagements = std::max<std::uint64_t>(
    1000, options.spend / static_cast<std::uint64_t>(std::max(1, settings.months / 2)) + 1);
  settings.engagements =
    options.engagements.value_or(settings.profile == Profile::spread    ? 20000
                                 : settings.profile == Profile::monthly ? monthly_engagements
                                                                        : 1000);
  if (settings.spend > 0 && settings.engagements == 0) {
    throw UsageError("--spend needs at least one engagement (--engagements 0 was given)");
  }
  settings.first_month = domain::Month::from_index(last_month_index - (settings.months - 1));
  settings.currencies =
    parse_currencies(options.currencies.value_or(wide ? "EUR,USD,GBP,SEK,INR" : "EUR,USD,GBP,SEK,INR,PHP"));
  return settings;
}

} // namespace vendorcat::gen
