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
#include "store/audit.hpp"
#include "store/reference.hpp"
#include "store/spend_writer.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <algorithm>
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
      m_writer(catalogue,
               {on_conflict == OnConflict::error ? ReferenceCheck::by_size : ReferenceCheck::per_line})
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
    SpendRow line;
    const auto& engagement = resolve_engagement(fields.engagement);
    line.engagement_id = engagement.id;
    const auto& date = required(fields.date, "date");
    domain::Date::parse(date); // accepts only YYYY-MM-DD: a valid date is already as stored
    line.date = std::move(*fields.date);
    const auto& currency =
      currency_named(fields.currency && !fields.currency->empty() ? *fields.currency : engagement.currency);
    line.currency = currency.code;
    line.amount = domain::parse_amount(required(fields.amount, "amount"), currency.minor_units);
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
    m_lines.note(m_writer.insert(line), file_line);
    return Outcome::created;
  }

  void check(const LateError& late)
  {
    m_writer.check([&](std::int64_t id, const std::string& reference) {
      late(m_lines.line_of(id), "reference", repeated_reference_message(reference));
    });
  }

  void finish(const LoadSummary& summary)
  {
    m_writer.flush();
    audit_import(m_catalogue, "spend",
                 fmt::format(R"({{"created":{},"updated":{},"skipped":{}}})", summary.created,
                             summary.updated, summary.skipped));
  }

private:
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

void SpendLoad::finish(const LoadSummary& summary)
{
  m_impl->finish(summary);
}

} // namespace vendorcat::store
