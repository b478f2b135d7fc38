// SpendLoad (see spend_load.hpp). Keys fold ASCII letters only, as the
// engagement ref lookups do. The file line of each inserted line is kept as
// the points where the line stops following the id (a single point for a
// file of one line per record), so that it stays small however many lines
// are loaded.

#include "store/spend_load.hpp"

#include "domain/amount.hpp"
#include "domain/ascii.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/suggest.hpp"
#include "store/import_batches.hpp"
#include "store/reference.hpp"
#include "store/spend_writer.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace vendorcat::store {

namespace {

struct EngagementKey
{
  std::int64_t id = 0;
  std::string ref;
  std::string currency;
};

class LineMap
{
public:
  void note(std::int64_t id, std::size_t line)
  {
    // Ids only grow, so the last point tells where ID's line would follow.
    if (m_points.empty() ||
        m_points.back().line + static_cast<std::size_t>(id - m_points.back().id) != line) {
      m_points.push_back({id, line});
    }
  }

  // The line of ID, or 0 for an id not inserted by this load.
  std::size_t line_of(std::int64_t id) const
  {
    auto after = std::upper_bound(m_points.begin(), m_points.end(), id,
                                  [](std::int64_t value, const Point& point) { return value < point.id; });
    if (after == m_points.begin()) {
      return 0;
    }
    --after;
    return after->line + static_cast<std::size_t>(id - after->id);
  }

private:
  struct Point
  {
    std::int64_t id;
    std::size_t line;
  };
  std::vector<Point> m_points;
};

const std::string& required(const std::optional<std::string>& value, const char* column)
{
  if (!value || value->empty()) {
    throw FieldError(column, "a value is required");
  }
  return *value;
}

} // namespace

class SpendLoad::Impl
{
public:
  Impl(Catalogue& catalogue, OnConflict on_conflict)
    : m_catalogue(catalogue), m_on_conflict(on_conflict), m_reference(Reference::of(catalogue)),
      m_writer(
        catalogue,
        {on_conflict == OnConflict::error ? ReferenceCheck::by_size : ReferenceCheck::per_line, std::nullopt})
  {
    Query query(connection(catalogue), "SELECT id, ref, currency FROM engagement");
    while (query.next()) {
      EngagementKey key{query.integer(0), query.text(1), query.text(2)};
      m_refs.push_back(key.ref);
      m_engagements.emplace(domain::ascii_lower(key.ref), std::move(key));
    }
  }

  Outcome add(SpendFields& fields, std::size_t file_line)
  {
    // Every bad cell of the line is reported, not only the first.
    FieldChecks checks;
    SpendRow line;
    const EngagementKey* engagement = nullptr;
    checks.check("engagement", [&] { engagement = &resolve_engagement(fields.engagement); });
    domain::Date day;
    checks.check("date", [&] {
      day = domain::Date::parse(required(fields.date, "date")); // only YYYY-MM-DD: a valid date is as stored
    });
    const Currency* currency = nullptr;
    const bool given = fields.currency && !fields.currency->empty();
    if (given || engagement != nullptr) {
      checks.check("currency",
                   [&] { currency = &currency_named(given ? *fields.currency : engagement->currency); });
    }
    checks.check("amount", [&] {
      const auto& amount = required(fields.amount, "amount");
      // Without a currency, at most the decimals any currency has.
      line.amount = domain::parse_amount(amount, currency != nullptr ? currency->minor_units : 4);
    });
    checks.throw_if_any();
    line.engagement_id = engagement->id;
    line.date = std::move(*fields.date);
    line.currency = currency->code;
    if (fields.reference && !fields.reference->empty()) {
      line.reference = std::move(fields.reference);
    }
    if (line.reference && m_on_conflict != OnConflict::error) {
      if (const auto existing = m_writer.find(line.engagement_id, *line.reference)) {
        if (m_on_conflict == OnConflict::skip) {
          return Outcome::skipped;
        }
        m_writer.update(*existing, line);
        return Outcome::updated;
      }
    }
    if (!line.reference) {
      m_unreferenced.push_back({line.engagement_id, line.amount,
                                static_cast<std::int32_t>(day.days_since_epoch()),
                                pack_currency(line.currency), file_line});
    }
    m_lines.note(m_writer.insert(line), file_line);
    return Outcome::created;
  }

  void check(const LateError& late)
  {
    m_writer.check([&](std::int64_t id, const std::string& reference) {
      late(m_lines.line_of(id), "reference", repeated_reference_message(reference));
    });
  }

  void finish(const LateError& warn)
  {
    m_writer.flush();
    if (warn) {
      warn_repeats(warn);
    }
  }

private:
  // A line written without an invoice reference, kept small: a load may
  // have millions.
  struct Unreferenced
  {
    std::int64_t engagement_id;
    std::int64_t amount;
    std::int32_t day;
    std::uint16_t currency;
    std::size_t line;
    auto key() const { return std::tuple(day, amount, currency); }
  };

  static std::uint16_t pack_currency(std::string_view code)
  {
    return static_cast<std::uint16_t>(((code[0] - 'A') * 26 + (code[1] - 'A')) * 26 + (code[2] - 'A'));
  }

  // Reads, engagement by engagement, the lines without a reference recorded
  // before this load (through the reference index), and warns for each new
  // one that equals one of them.
  void warn_repeats(const LateError& warn)
  {
    std::sort(m_unreferenced.begin(), m_unreferenced.end(), [](const Unreferenced& a, const Unreferenced& b) {
      return std::tie(a.engagement_id, a.line) < std::tie(b.engagement_id, b.line);
    });
    // Only the lines of the days the new ones span, found through the
    // reference index's engagement prefix.
    Query recorded(connection(m_catalogue),
                   "SELECT id, date, amount, currency FROM spend WHERE engagement_id = ? "
                   "AND reference IS NULL AND date BETWEEN ? AND ?");
    std::map<std::tuple<std::int32_t, std::int64_t, std::uint16_t>, std::int64_t> earlier;
    for (std::size_t first = 0; first < m_unreferenced.size();) {
      const auto engagement_id = m_unreferenced[first].engagement_id;
      auto first_day = m_unreferenced[first].day;
      auto last_day = first_day;
      for (auto i = first; i < m_unreferenced.size() && m_unreferenced[i].engagement_id == engagement_id;
           ++i) {
        first_day = std::min(first_day, m_unreferenced[i].day);
        last_day = std::max(last_day, m_unreferenced[i].day);
      }
      earlier.clear();
      recorded.bind(1, engagement_id);
      recorded.bind(2, domain::Date::from_days(first_day).to_string());
      recorded.bind(3, domain::Date::from_days(last_day).to_string());
      while (recorded.next()) {
        const auto id = recorded.integer(0);
        if (m_lines.line_of(id) == 0) {
          const auto day =
            static_cast<std::int32_t>(domain::Date::parse(recorded.text(1)).days_since_epoch());
          earlier.emplace(std::tuple(day, recorded.integer(2), pack_currency(recorded.text(3))), id);
        }
      }
      recorded.reset();
      for (; first < m_unreferenced.size() && m_unreferenced[first].engagement_id == engagement_id; ++first) {
        const auto& line = m_unreferenced[first];
        if (const auto it = earlier.find(line.key()); it != earlier.end()) {
          warn(line.line, "amount",
               fmt::format(
                 "equals spend line {} (same engagement, date, amount and currency, and neither has an "
                 "invoice reference): imported all the same; if it is the same invoice, 'vendorcat "
                 "spend remove' one of them",
                 it->second));
        }
      }
    }
    m_unreferenced.clear();
  }

  const EngagementKey& resolve_engagement(const std::optional<std::string>& ref)
  {
    const auto& text = required(ref, "engagement");
    const auto it = m_engagements.find(domain::ascii_lower(text));
    if (it == m_engagements.end()) {
      // Suggestions need a scan of every ref: only offered for a modest catalogue.
      const bool suggest = m_refs.size() <= max_refs_to_suggest;
      throw NotFound(fmt::format("no engagement '{}'{}", text,
                                 suggest ? domain::did_you_mean(text, m_refs) : std::string()));
    }
    return it->second;
  }

  // The currency spelled TEXT (any letter case), remembered by spelling.
  const Currency& currency_named(const std::string& text)
  {
    auto it = m_currencies.find(text);
    if (it == m_currencies.end()) {
      it = m_currencies.emplace(text, &m_reference.currency(text)).first;
    }
    return *it->second;
  }

  static constexpr std::size_t max_refs_to_suggest = 5000;

  Catalogue& m_catalogue;
  OnConflict m_on_conflict;
  const Reference& m_reference;
  SpendWriter m_writer;
  std::unordered_map<std::string, EngagementKey> m_engagements;
  std::vector<std::string> m_refs;
  std::unordered_map<std::string, const Currency*> m_currencies;
  LineMap m_lines;
  std::vector<Unreferenced> m_unreferenced;
};

SpendLoad::SpendLoad(Catalogue& catalogue, OnConflict on_conflict)
  : m_impl(std::make_unique<Impl>(catalogue, on_conflict))
{
}

SpendLoad::~SpendLoad() = default;

Outcome SpendLoad::add(SpendFields& fields, std::size_t line)
{
  return m_impl->add(fields, line);
}

void SpendLoad::check(const LateError& late)
{
  m_impl->check(late);
}

void SpendLoad::finish(const LateError& warn)
{
  m_impl->finish(warn);
}

} // namespace vendorcat::store
