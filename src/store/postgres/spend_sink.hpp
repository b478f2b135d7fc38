#pragma once

// The PostgreSQL spend sink for bulk loads: lines go to a temporary staging
// table through COPY (one stream, no per-line round trip), with ids taken
// from the spend table's sequence in blocks; finish() reports every
// repeated invoice reference (against the catalogue and within the load)
// and then moves the lines into spend with one INSERT ... SELECT. Before
// anything else reads or changes lines (stored, find, update, remove) the
// staged lines are moved first, so that those see every line.

#include "store/spend_sink.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace vendorcat::store::postgres {

class PostgresBackend;

class CopySink : public StatementSink
{
public:
  CopySink(PostgresBackend& backend, std::optional<std::int64_t> batch);
  CopySink(const CopySink&) = delete;
  CopySink& operator=(const CopySink&) = delete;
  ~CopySink() override = default;

  std::int64_t insert(const SpendRow& row) override;
  void update(std::int64_t id, const SpendRow& row) override;
  std::optional<SpendRow> stored(std::int64_t id) override;
  std::optional<std::int64_t> find(std::int64_t engagement_id, std::string_view reference) override;
  void remove(std::int64_t id) override;
  void finish(const DuplicateVisitor& duplicate) override;
  bool reference_check_deferred() const override { return true; }

private:
  static constexpr std::size_t ids_per_block = 8192;
  static constexpr std::size_t flush_bytes = 1 << 20;

  std::int64_t next_id();
  void send(); // the buffered rows to the staging table
  // The staged rows into spend; false (nothing moved) on a repeated
  // invoice reference.
  bool settle();
  void settle_or_throw();

  PostgresBackend& m_backend;
  std::vector<std::int64_t> m_ids; // reserved, handed out from the back
  std::string m_buffer;            // COPY text rows
  bool m_staging = false;          // the staging table exists
  bool m_staged = false;           // and holds rows
};

} // namespace vendorcat::store::postgres
