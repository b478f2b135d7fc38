#pragma once

// Where spend lines are written: the statements behind SpendWriter. The
// portable sink writes one line per statement; a backend may give a faster
// one for bulk loads (the SQLite sink batches inserts and builds the
// invoice-reference index once at the end). For store/ only.

#include "store/sql.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace vendorcat::store {

// A spend line ready to store: references resolved, values checked.
struct SpendRow
{
  std::int64_t engagement_id = 0;
  std::string date;
  std::int64_t amount = 0; // minor units
  std::string currency;
  std::optional<std::string> reference;
};

// When a repeated invoice reference is found.
enum class ReferenceCheck
{
  per_line, // by each insert and update
  by_size,  // as the sink finds cheapest for the lines the load adds against
            // those there are (a bulk load that never calls find())
  deferred, // once, by finish() (for tests of that path)
};

// What a sink is told about the writes to come, so that it can pick its
// tactics.
struct SinkPlan
{
  ReferenceCheck reference_check = ReferenceCheck::per_line;
  // The import batch the inserted lines belong to (their batch_id).
  std::optional<std::int64_t> batch;
};

// Calls DUPLICATE for each line (by id order) whose invoice reference an
// earlier line of its engagement already has.
using DuplicateVisitor = std::function<void(std::int64_t id, const std::string& reference)>;

class SpendSink
{
public:
  virtual ~SpendSink() = default;

  // Inserts ROW and returns its id. Throws UniqueViolation for a repeated
  // invoice reference (unless the check is deferred to finish()).
  virtual std::int64_t insert(const SpendRow& row) = 0;

  // Replaces line ID by ROW; UniqueViolation as insert.
  virtual void update(std::int64_t id, const SpendRow& row) = 0;

  // Line ID as stored (without its reference), or nullopt.
  virtual std::optional<SpendRow> stored(std::int64_t id) = 0;

  // The id of ENGAGEMENT_ID's line with invoice reference REFERENCE, if any.
  virtual std::optional<std::int64_t> find(std::int64_t engagement_id, std::string_view reference) = 0;

  virtual void remove(std::int64_t id) = 0;

  // Writes what is pending and runs the checks deferred until now: calls
  // DUPLICATE for each repeated invoice reference (the caller must then roll
  // back). Returns once the lines are all written.
  virtual void finish(const DuplicateVisitor& duplicate) = 0;

  // Whether the invoice-reference check waits for finish().
  virtual bool reference_check_deferred() const = 0;
};

// The sink that writes each line with one prepared statement, on any backend.
class StatementSink : public SpendSink
{
public:
  explicit StatementSink(Connection& connection, std::optional<std::int64_t> batch = std::nullopt);

  std::int64_t insert(const SpendRow& row) override;
  void update(std::int64_t id, const SpendRow& row) override;
  std::optional<SpendRow> stored(std::int64_t id) override;
  std::optional<std::int64_t> find(std::int64_t engagement_id, std::string_view reference) override;
  void remove(std::int64_t id) override;
  void finish(const DuplicateVisitor&) override {}
  bool reference_check_deferred() const override { return false; }

protected:
  Connection& m_connection;
  std::optional<std::int64_t> m_import_batch;

private:
  Query m_insert;
  Query m_update;
  Query m_select;
  Query m_delete;
  Query m_find;
};

// The message for a line whose invoice reference its engagement already has.
std::string repeated_reference_message(std::string_view reference);

} // namespace vendorcat::store
