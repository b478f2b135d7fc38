// spend.csv, streamed. Where each line falls depends on the profile: for
// concentrated, each engagement gets a Pareto weight (alpha 4/3, so a few
// engagements collect most lines) and a line picks its engagement from an
// alias table in constant time; for spread, any engagement alike; for
// monthly, the engagements in turn, each once for every month of its term.
// A line then takes a month in the engagement's live stretch (the next one
// for monthly) and a day 1-28, so every date is valid and within the
// engagement's dates. About 2% of lines are credit notes and 3% are billed
// in another currency. Memory is the alias table (16 bytes per engagement),
// never the lines.

#include "gen/csv_file.hpp"
#include "gen/ledger.hpp"
#include "gen/random.hpp"
#include "gen/tables.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <span>
#include <utility>
#include <vector>

namespace vendorcat::gen {

namespace {

// Walker's alias method in integers, so a draw costs O(1) however many
// engagements there are: bucket i keeps i when a draw below the total weight
// is under keep, else goes to alias. Each engagement's weight is Pareto,
// 1000 * u^-3/4 for u uniform in (0, 1]; sqrt is correctly rounded by IEEE 754,
// so the weights are identical everywhere.
class AliasTable
{
public:
  AliasTable(Random& rng, std::size_t count) : m_buckets(count)
  {
    std::vector<std::uint64_t> weights(count);
    for (auto& weight : weights) {
      const double u = static_cast<double>((rng.next() >> 11) + 1) * 0x1.0p-53;
      const double root = std::sqrt(u);
      weight = static_cast<std::uint64_t>(std::min(1000.0 / (root * std::sqrt(root)), 1e9));
      m_total += weight;
    }
    std::vector<std::uint32_t> small;
    std::vector<std::uint32_t> large;
    for (std::uint32_t i = 0; i < count; ++i) {
      weights[i] *= count; // now the buckets hold m_total each
      (weights[i] < m_total ? small : large).push_back(i);
    }
    while (!small.empty() && !large.empty()) {
      const auto lender = large.back();
      const auto borrower = small.back();
      small.pop_back();
      m_buckets[borrower] = {weights[borrower], lender};
      weights[lender] -= m_total - weights[borrower];
      if (weights[lender] < m_total) {
        large.pop_back();
        small.push_back(lender);
      }
    }
    for (auto i : large) {
      m_buckets[i] = {m_total, i};
    }
  }

  std::size_t draw(Random& rng) const
  {
    const auto index = static_cast<std::size_t>(rng.below(m_buckets.size()));
    const auto& bucket = m_buckets[index];
    return rng.below(m_total) < bucket.keep ? index : bucket.alias;
  }

private:
  struct Bucket
  {
    std::uint64_t keep = 0;
    std::uint32_t alias = 0;
  };

  std::vector<Bucket> m_buckets;
  std::uint64_t m_total = 0;
};

std::int64_t line_amount(Random& rng, std::int64_t invoice)
{
  if (rng.chance(20)) {
    return -std::max<std::int64_t>(1, invoice * rng.between(500, 5'000) / 10'000);
  }
  return std::max<std::int64_t>(1, invoice * rng.between(6'000, 14'000) / 10'000);
}

// Picks each line's engagement and month, as the profile says.
class Placement
{
public:
  Placement(const Settings& settings, Random& rng, std::span<const EngagementModel> engagements)
    : m_profile(settings.profile), m_rng(rng), m_engagements(engagements),
      m_table(rng, settings.profile == Profile::concentrated ? engagements.size() : 0)
  {
  }

  // The next line's engagement and its month as an offset into the window.
  std::pair<std::size_t, int> next()
  {
    if (m_profile == Profile::monthly) {
      const auto index = m_engagement;
      const auto& engagement = m_engagements[index];
      const int month = engagement.first + m_month;
      if (++m_month > engagement.last - engagement.first) {
        m_month = 0;
        m_engagement = (m_engagement + 1) % m_engagements.size();
      }
      return {index, month};
    }
    const auto index = m_profile == Profile::concentrated
                         ? m_table.draw(m_rng)
                         : static_cast<std::size_t>(m_rng.below(m_engagements.size()));
    const auto& engagement = m_engagements[index];
    return {index, static_cast<int>(m_rng.between(engagement.first, engagement.last))};
  }

private:
  Profile m_profile;
  Random& m_rng;
  std::span<const EngagementModel> m_engagements;
  AliasTable m_table;
  std::size_t m_engagement = 0;
  int m_month = 0;
};

} // namespace

void write_spend(const Settings& settings, std::span<const EngagementModel> engagements, Counts& counts)
{
  CsvFile out((std::filesystem::path(settings.out) / "spend.csv").string(),
              {"engagement", "date", "amount", "currency", "reference"});
  Random rng(settings.seed, Stream::spend);
  Placement placement(settings, rng, engagements);
  const auto currencies = currency_table();
  const auto window = settings.first_month.index();
  for (std::uint64_t line = 1; line <= settings.spend; ++line) {
    const auto [index, offset] = placement.next();
    const auto& engagement = engagements[index];
    const auto month = window + offset;
    const auto day = 1 + static_cast<int>(rng.below(28));
    auto amount = line_amount(rng, engagement.invoice);
    auto currency = static_cast<std::size_t>(engagement.currency);
    if (settings.currencies.size() > 1 && rng.chance(30)) {
      const auto other = settings.currencies[rng.below(settings.currencies.size())];
      // Same value in the other currency; never rounds to zero.
      const auto converted = amount * currencies[currency].micro_eur / currencies[other].micro_eur;
      amount = converted != 0 ? converted : (amount < 0 ? -1 : 1);
      currency = other;
    }
    out.numbered("GEN-", index + 1, 6).date(month / 12, month % 12 + 1, day);
    out.amount(amount).field(currencies[currency].code).numbered("INV-", line, 7);
    out.end_row();
  }
  counts.spend = out.close();
}

} // namespace vendorcat::gen
