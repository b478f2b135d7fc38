// The spend importer, built for millions of lines: engagement refs and
// currencies are resolved from maps loaded once, the insert is prepared once
// (SpendWriter), the roll-up is applied once per (engagement, month,
// currency) at the end, and the import is audited as one entry rather than
// one per line. A large import (with --on-conflict error) drops the index of
// invoice references and builds it once at the end; repeated references are
// then found by that build and reported with their lines.

#include "domain/amount.hpp"
#include "domain/ascii.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/suggest.hpp"
#include "io/import_kinds.hpp"
#include "store/audit.hpp"
#include "store/reference.hpp"
#include "store/spend.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace vendorcat::io {

namespace {

// The file line each inserted spend line came from, kept as the points where
// the line stops following the id (a single point for a file of one line per
// record), so that it stays small however many lines are imported.
class LineMap
{
public:
  void note(std::int64_t id, std::size_t line)
  {
    // Ids only grow, so the last point tells where ID's line would follow.
    if (m_points.empty() || m_points.back().line + static_cast<std::size_t>(id - m_points.back().id) != line) {
      m_points.push_back({id, line});
    }
  }

  // The line of ID, or 0 for an id not inserted by this import.
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

class SpendImporter : public KindImporter
{
public:
  SpendImporter(store::Catalogue& catalogue, OnConflict on_conflict)
    : m_catalogue(catalogue), m_on_conflict(on_conflict), m_reference(store::Reference::of(catalogue)),
      m_writer(catalogue)
  {
    // Keys fold ASCII letters only, as the ref column's NOCASE collation does.
    catalogue.use_bulk_cache();
    m_existing_lines = m_writer.largest_id(); // about the number of lines
    for (auto& key : store::engagement_keys(catalogue)) {
      m_refs.push_back(key.ref);
      m_engagements.emplace(domain::ascii_lower(key.ref), std::move(key));
    }
  }

  Outcome import(const Row& row, std::size_t file_line) override
  {
    if (++m_rows >= defer_index_after && m_on_conflict == OnConflict::error &&
        !m_writer.reference_index_deferred() &&
        m_rows * rebuild_factor >= static_cast<std::size_t>(m_existing_lines)) {
      m_writer.defer_reference_index();
    }
    store::SpendRow line;
    const auto& engagement = resolve_engagement(row[0]);
    line.engagement_id = engagement.id;
    if (!row[1] || row[1]->empty()) {
      throw FieldError("date", "a value is required");
    }
    domain::Date::parse(*row[1]); // accepts only YYYY-MM-DD: a valid date is already as stored
    line.date = *row[1];
    const auto& currency = currency_named(row[3] && !row[3]->empty() ? *row[3] : engagement.currency);
    line.currency = currency.code;
    if (!row[2] || row[2]->empty()) {
      throw FieldError("amount", "a value is required");
    }
    line.amount = domain::parse_amount(*row[2], currency.minor_units);
    if (row[4] && !row[4]->empty()) {
      line.reference = row[4];
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

  void check(const LateError& report) override
  {
    m_writer.restore_reference_index([&](std::int64_t id, const std::string& reference) {
      report(m_lines.line_of(id), "reference", store::repeated_reference_message(reference));
    });
  }

  void finish(const ImportSummary& summary) override
  {
    m_writer.flush();
    store::audit_import(m_catalogue, "spend",
                        fmt::format(R"({{"created":{},"updated":{},"skipped":{}}})", summary.created,
                                    summary.updated, summary.skipped));
  }

private:
  const store::EngagementKey& resolve_engagement(const std::optional<std::string>& ref)
  {
    if (!ref || ref->empty()) {
      throw FieldError("engagement", "a value is required");
    }
    const auto it = m_engagements.find(domain::ascii_lower(*ref));
    if (it == m_engagements.end()) {
      // Suggestions need a scan of every ref: only offered for a modest catalogue.
      const bool suggest = m_refs.size() <= max_refs_to_suggest;
      throw NotFound(fmt::format("no engagement '{}'{}", *ref,
                                 suggest ? domain::did_you_mean(*ref, m_refs) : std::string()));
    }
    return it->second;
  }

  // The currency spelled TEXT (any letter case), remembered by spelling.
  const store::Currency& currency_named(const std::string& text)
  {
    auto it = m_currencies.find(text);
    if (it == m_currencies.end()) {
      it = m_currencies.emplace(text, &m_reference.currency(text)).first;
    }
    return *it->second;
  }

  static constexpr std::size_t max_refs_to_suggest = 5000;
  // An import of many lines, into a table at most rebuild_factor times as
  // large as what it has added so far, builds the invoice-reference index
  // once at the end instead of inserting into it line by line.
  static constexpr std::size_t defer_index_after = 50'000;
  static constexpr std::size_t rebuild_factor = 4;

  std::size_t m_rows = 0;
  std::int64_t m_existing_lines = 0;

  store::Catalogue& m_catalogue;
  OnConflict m_on_conflict;
  const store::Reference& m_reference;
  store::SpendWriter m_writer;
  std::unordered_map<std::string, store::EngagementKey> m_engagements;
  std::vector<std::string> m_refs;
  std::unordered_map<std::string, const store::Currency*> m_currencies;
  LineMap m_lines;
};

} // namespace

std::unique_ptr<KindImporter> make_spend_importer(store::Catalogue& catalogue, OnConflict on_conflict)
{
  return std::make_unique<SpendImporter>(catalogue, on_conflict);
}

} // namespace vendorcat::io
