// The spend importer, built for millions of lines: engagement refs and
// currencies are resolved from maps loaded once, the insert is prepared once
// (SpendWriter), the roll-up is applied once per (engagement, month,
// currency) at the end, and the import is audited as one entry rather than
// one per line.

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

#include <unordered_map>

namespace vendorcat::io {

namespace {

class SpendImporter : public KindImporter
{
public:
  SpendImporter(store::Catalogue& catalogue, OnConflict on_conflict)
    : m_catalogue(catalogue), m_on_conflict(on_conflict), m_reference(store::Reference::of(catalogue)), m_writer(catalogue)
  {
    // Keys fold ASCII letters only, as the ref column's NOCASE collation does.
    catalogue.use_bulk_cache();
    m_existing_lines = m_writer.line_count();
    for (auto& key : store::engagement_keys(catalogue)) {
      m_refs.push_back(key.ref);
      m_engagements.emplace(domain::ascii_lower(key.ref), std::move(key));
    }
  }

  Outcome import(const Row& row) override
  {
    if (++m_rows == defer_index_after && m_existing_lines <= max_lines_to_rebuild) {
      m_writer.defer_date_index();
    }
    store::SpendRow line;
    const auto& engagement = resolve_engagement(row[0]);
    line.engagement_id = engagement.id;
    if (!row[1] || row[1]->empty()) {
      throw FieldError("date", "a value is required");
    }
    line.date = domain::Date::parse(*row[1]).to_string();
    line.currency = row[3] && !row[3]->empty() ? m_reference.currency(*row[3]).code : engagement.currency;
    if (!row[2] || row[2]->empty()) {
      throw FieldError("amount", "a value is required");
    }
    line.amount = domain::parse_amount(*row[2], m_reference.currency(line.currency).minor_units);
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
    m_writer.insert(line);
    return Outcome::created;
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

  static constexpr std::size_t max_refs_to_suggest = 5000;
  // A large import into a table that is not much larger rebuilds the date
  // index once at the end instead of inserting into it line by line.
  static constexpr std::size_t defer_index_after = 50'000;
  static constexpr std::int64_t max_lines_to_rebuild = 2'000'000;

  std::size_t m_rows = 0;
  std::int64_t m_existing_lines = 0;

  store::Catalogue& m_catalogue;
  OnConflict m_on_conflict;
  const store::Reference& m_reference;
  store::SpendWriter m_writer;
  std::unordered_map<std::string, store::EngagementKey> m_engagements;
  std::vector<std::string> m_refs;
};

} // namespace

std::unique_ptr<KindImporter> make_spend_importer(store::Catalogue& catalogue, OnConflict on_conflict)
{
  return std::make_unique<SpendImporter>(catalogue, on_conflict);
}

} // namespace vendorcat::io
