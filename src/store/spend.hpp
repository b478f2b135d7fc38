#pragma once

// Spend lines (invoices and credit notes) and the monthly roll-up that
// reports read. Every write goes through SpendWriter, which keeps the roll-up
// exact in the caller's transaction.

#include "store/catalogue.hpp"
#include "store/spend_rollup.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Statement;
}

namespace vendorcat::store {

struct SpendLine
{
  std::int64_t id = 0;
  std::string engagement; // ref
  std::string date;
  std::string amount; // decimal string in the currency's minor digits
  std::string currency;
  std::optional<std::string> reference;
};

// A spend line ready to store: references resolved, values checked.
struct SpendRow
{
  std::int64_t engagement_id = 0;
  std::string date;
  std::int64_t amount = 0; // minor units
  std::string currency;
  std::optional<std::string> reference;
};

struct SpendFilter
{
  std::string engagement{};
  std::string provider{};
  std::string from{};
  std::string to{};
};

// Writes spend lines with statements prepared once, and the roll-up deltas
// they cause; flush() (or the destructor's caller committing) must follow
// the last write. Throws ValidationError for a duplicate invoice reference.
class SpendWriter
{
public:
  explicit SpendWriter(Catalogue& catalogue);
  SpendWriter(const SpendWriter&) = delete;
  SpendWriter& operator=(const SpendWriter&) = delete;
  ~SpendWriter();

  // Inserts ROW and returns its id.
  std::int64_t insert(const SpendRow& row);

  // Replaces line ID by ROW.
  void update(std::int64_t id, const SpendRow& row);

  // The id of ENGAGEMENT_ID's line with invoice reference REFERENCE, if any.
  std::optional<std::int64_t> find(std::int64_t engagement_id, const std::string& reference);

  // Removes line ID; throws NotFound when there is none.
  void remove(std::int64_t id);

  // Writes the accumulated roll-up changes, after restore_reference_index() when the
  // index was deferred (throwing ValidationError for a duplicate invoice
  // reference).
  void flush();

  // Drops the index of spend by engagement and invoice reference until
  // restore_reference_index() or flush() builds it again in one sorted pass: far
  // cheaper than an insert per line when a bulk import adds many lines to a
  // table of comparable size. Until then only insert() may be used (its rows
  // must satisfy every constraint but that one: they are written in batches
  // of batch_rows by one statement), and a duplicate invoice reference is
  // found when the index is built again.
  void defer_reference_index();
  bool reference_index_deferred() const { return m_reference_index_deferred; }

  // Builds the deferred index again. When invoice references turn out to
  // repeat on an engagement, calls DUPLICATE for each line (by id order)
  // whose reference an earlier line of the engagement already has, and
  // leaves the reference index unbuilt: the caller must then roll back.
  using DuplicateVisitor = std::function<void(std::int64_t id, const std::string& reference)>;
  void restore_reference_index(const DuplicateVisitor& duplicate);

  // The largest spend line id, 0 when there is none. Ids are given in
  // sequence, so it is also about how many lines there are, without a count.
  std::int64_t largest_id();

private:
  // Line ID as stored (without its reference); NotFound when there is none.
  SpendRow stored(std::int64_t id);
  void add_delta(const SpendRow& row, int sign);
  void write_batch();
  void apply_delta(const RollupKey& key, const RollupDelta& delta);

  Catalogue& m_catalogue;
  std::unique_ptr<SQLite::Statement> m_insert;
  std::unique_ptr<SQLite::Statement> m_update;
  std::unique_ptr<SQLite::Statement> m_select;
  std::unique_ptr<SQLite::Statement> m_delete;
  std::unique_ptr<SQLite::Statement> m_find;
  std::unique_ptr<SQLite::Statement> m_rollup_select;
  std::unique_ptr<SQLite::Statement> m_rollup_insert;
  std::unique_ptr<SQLite::Statement> m_rollup_update;
  std::unique_ptr<SQLite::Statement> m_rollup_delete;
  // Roll-up changes not yet written.
  RollupDeltas m_deltas;
  // Lines inserted while the index is deferred, with the ids given to them,
  // written by one multi-row INSERT per batch_rows (fewer statement runs).
  static constexpr std::size_t batch_rows = 64;
  std::vector<std::pair<std::int64_t, SpendRow>> m_batch;
  std::int64_t m_next_id = 0;
  std::unique_ptr<SQLite::Statement> m_insert_batch;
  bool m_reference_index_deferred = false;
};

// The message for a line whose invoice reference its engagement already has.
std::string repeated_reference_message(std::string_view reference);

// What a spend import needs to resolve an engagement ref without a query.
struct EngagementKey
{
  std::int64_t id = 0;
  std::string ref;
  std::string currency;
};

// Every engagement's id, ref and currency.
std::vector<EngagementKey> engagement_keys(Catalogue& catalogue);

// Adds one spend line to engagement ENGAGEMENT (id or ref), audited. CURRENCY
// defaults to the engagement's. Throws ValidationError for a bad date, an
// amount with too many decimals, an unknown currency or a duplicate invoice
// reference on the engagement; NotFound for an unknown engagement.
SpendLine add_spend(Catalogue& catalogue, const std::string& engagement, const std::string& date,
                    const std::string& amount, const std::optional<std::string>& currency,
                    const std::optional<std::string>& reference);

// Removes spend line ID, audited; NotFound when there is none.
void remove_spend(Catalogue& catalogue, std::int64_t id);

// Spend lines matching FILTER, by date then id.
std::vector<SpendLine> list_spend(Catalogue& catalogue, const SpendFilter& filter);

enum class SpendOrder
{
  by_date,     // then by id
  as_recorded, // by id: no sort, however many lines (exports)
};

// Calls VISIT for each spend line matching FILTER, in ORDER, without holding
// them all in memory (exports of millions of lines).
void each_spend(Catalogue& catalogue, const SpendFilter& filter,
                const std::function<void(const SpendLine&)>& visit, SpendOrder order = SpendOrder::by_date);

// Differences between the roll-up and the raw lines, one text per
// (engagement, month, currency) that disagrees; empty when consistent.
std::vector<std::string> check_spend_rollup(Catalogue& catalogue);

} // namespace vendorcat::store
