#pragma once

// Import batches: every import that writes is one, recorded with its file's
// SHA-256 and counts, and every record it creates points to it (batch_id),
// so that a file imported twice can be recognised and a batch undone.

#include "store/catalogue.hpp"
#include "store/load.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::store {

struct ImportBatch
{
  std::int64_t id = 0;
  std::string at; // UTC, seconds
  std::optional<std::string> actor;
  std::string kind;
  std::string file;
  std::string sha256;
  std::int64_t rows = 0;
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t skipped = 0;
  std::optional<std::string> undone_at;
};

// The batch the records written now belong to (set by ImportBatchScope),
// for the repositories' inserts; nullopt outside an import.
std::optional<std::int64_t>& import_batch_slot(Catalogue& catalogue);
inline std::optional<std::int64_t> current_import_batch(Catalogue& catalogue)
{
  return import_batch_slot(catalogue);
}

// Marks row ID of TABLE, just inserted, as created by the current batch
// (nothing outside an import).
void stamp_import_batch(Catalogue& catalogue, const char* table, std::int64_t id);

// The earliest batch other than EXCEPT, not undone, that imported a file of
// KIND whose content has SHA256, if any.
std::optional<ImportBatch> find_imported(Catalogue& catalogue, const std::string& kind,
                                         const std::string& sha256, std::int64_t except = 0);

// Every batch, newest first.
std::vector<ImportBatch> list_import_batches(Catalogue& catalogue);

// Records a new batch inside the caller's write transaction, and makes it
// the current one until destroyed; finish() writes its counts.
class ImportBatchScope
{
public:
  ImportBatchScope(Catalogue& catalogue, const std::string& kind, const std::string& file,
                   const std::string& sha256);
  ImportBatchScope(const ImportBatchScope&) = delete;
  ImportBatchScope& operator=(const ImportBatchScope&) = delete;
  ~ImportBatchScope();

  std::int64_t id() const { return m_id; }

  // Writes ROWS, SUMMARY's counts and SHA256 (the content's, when known only
  // now); a batch that wrote nothing is removed again (only an import that
  // writes is a batch).
  void finish(std::size_t rows, const LoadSummary& summary, const std::string& sha256);

private:
  Catalogue& m_catalogue;
  std::int64_t m_id = 0;
};

// What an undo removed, by kind of record.
struct UndoneBatch
{
  ImportBatch batch;
  std::int64_t removed = 0;
};

// Removes every record batch ID created, in the caller's write transaction,
// marks the batch undone and audits it. Throws NotFound for no such batch,
// ValidationError when it was undone already or when records outside it
// refer to what it created (naming them).
UndoneBatch undo_import_batch(Catalogue& catalogue, std::int64_t id);

} // namespace vendorcat::store
