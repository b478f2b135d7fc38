#pragma once

// SpendWriter: every write of spend lines goes through it, so that the
// monthly roll-up stays exact in the caller's transaction. Each line's change
// to the roll-up is a delta held in memory and written by flush(), so a bulk
// load touches each roll-up row once; a single add flushes at once. For
// store/ only (the layers above call add_spend, remove_spend and SpendLoad).

#include "store/catalogue.hpp"
#include "store/spend_rollup.hpp"
#include "store/spend_sink.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace vendorcat::store {

class SpendWriter
{
public:
  explicit SpendWriter(Catalogue& catalogue, const SinkPlan& plan = {});
  SpendWriter(const SpendWriter&) = delete;
  SpendWriter& operator=(const SpendWriter&) = delete;
  ~SpendWriter();

  // Inserts ROW and returns its id. Throws ValidationError for a repeated
  // invoice reference (unless the check waits for check()), or a monthly
  // total beyond 64 bits.
  std::int64_t insert(const SpendRow& row);

  // Replaces line ID by ROW; throws NotFound when there is none.
  void update(std::int64_t id, const SpendRow& row);

  // The id of ENGAGEMENT_ID's line with invoice reference REFERENCE, if any.
  std::optional<std::int64_t> find(std::int64_t engagement_id, const std::string& reference);

  // Removes line ID; throws NotFound when there is none.
  void remove(std::int64_t id);

  // Writes what is pending and runs the invoice-reference check a bulk load
  // deferred, calling DUPLICATE for each repeat (the caller must then roll
  // back).
  void check(const DuplicateVisitor& duplicate);

  // check(), throwing ValidationError for the first repeat, then writes the
  // roll-up changes.
  void flush();

  // Whether the invoice-reference check waits for check().
  bool reference_check_deferred() const;

private:
  // Roll-up changes are written once this many keys are held, so that memory
  // stays flat however many (engagement, month, currency) a load touches.
  // At three quarters of 2^19 slots of 24 bytes: 12 MiB, and as much again
  // to sort them when they are written.
  static constexpr std::size_t max_pending_keys = 3 << 17;

  void add_delta(const SpendRow& row, int sign);

  std::unique_ptr<SpendSink> m_sink;
  RollupWriter m_rollup;
  RollupDeltas m_deltas;
};

} // namespace vendorcat::store
