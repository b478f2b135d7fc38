#pragma once

// The SQLite spend sink. A large bulk load (ReferenceCheck::by_size: at least
// defer_after lines, into a table at most rebuild_factor times the size of
// what it has added) drops the invoice-reference index and builds it once at
// the end (one sorted pass instead of an insert per line), writing lines
// batch_rows at a time with one multi-row INSERT and explicit ids. A
// repeated reference is then found when the index is built again, and each
// repeat is reported by id. Otherwise it writes line by line.

#include "store/spend_sink.hpp"

#include <cstddef>
#include <cstdint>
#include <sqlite3.h>
#include <utility>
#include <vector>

namespace vendorcat::store::sqlite {

class SqliteBackend;

class BatchSink : public StatementSink
{
public:
  static constexpr std::size_t defer_after = 50'000;
  static constexpr std::size_t rebuild_factor = 4;
  static constexpr std::size_t batch_rows = 64;

  // True when a load that has added ADDED lines to a table whose largest id
  // was EXISTING at its start should build the index once at the end.
  static bool should_defer(std::size_t added, std::int64_t existing);

  BatchSink(SqliteBackend& backend, const SinkPlan& plan);
  BatchSink(const BatchSink&) = delete;
  BatchSink& operator=(const BatchSink&) = delete;
  ~BatchSink() override;

  std::int64_t insert(const SpendRow& row) override;
  void finish(const DuplicateVisitor& duplicate) override;
  bool reference_check_deferred() const override { return m_deferred; }

private:
  void defer();
  void write_batch();
  std::int64_t largest_id();

  SqliteBackend& m_backend;
  ReferenceCheck m_check;
  std::int64_t m_existing = 0; // the largest id when the load began
  std::size_t m_added = 0;
  bool m_deferred = false;
  std::int64_t m_next_id = 0;
  std::vector<std::pair<std::int64_t, SpendRow>> m_batch;
  sqlite3_stmt* m_insert_batch = nullptr;
};

} // namespace vendorcat::store::sqlite
