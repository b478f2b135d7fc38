// Import batches (see import_batches.hpp). Undo removes what a batch created
// table by table, children first; spend lines leave the roll-up through one
// set of deltas rather than line by line.

#include "store/import_batches.hpp"

#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "store/assessments.hpp"
#include "store/audit.hpp"
#include "store/backend.hpp"
#include "store/engagements.hpp"
#include "store/spend_rollup.hpp"
#include "store/timestamp.hpp"

#include <fmt/format.h>

#include <array>

namespace vendorcat::store {

namespace {

constexpr std::string_view batch_columns =
  "id, at, actor, kind, file, sha256, rows, created, updated, skipped, undone_at";

ImportBatch read_batch(Query& query)
{
  ImportBatch batch;
  batch.id = query.integer(0);
  batch.at = query.text(1);
  batch.actor = query.optional_text(2);
  batch.kind = query.text(3);
  batch.file = query.text(4);
  batch.sha256 = query.text(5);
  batch.rows = query.integer(6);
  batch.created = query.integer(7);
  batch.updated = query.integer(8);
  batch.skipped = query.integer(9);
  batch.undone_at = query.optional_text(10);
  return batch;
}

// A reference from CHILD (its COLUMN) to a PARENT record: records outside a
// batch that refer to what it created keep it from being undone.
struct Dependency
{
  const char* parent;
  const char* child;
  const char* column;
  const char* label;   // what names a child record in the message
  const char* one;     // "engagement"
  const char* many;    // "engagements"
  const char* parents; // "providers"
};

constexpr std::array<Dependency, 9> dependencies{{
  {"provider", "engagement", "provider_id", "c.ref", "engagement", "engagements", "providers"},
  {"provider", "location", "provider_id", "c.id", "location", "locations", "providers"},
  {"provider", "offering", "provider_id", "c.id", "offering", "offerings", "providers"},
  {"service", "engagement", "service_id", "c.ref", "engagement", "engagements", "services"},
  {"service", "offering", "service_id", "c.id", "offering", "offerings", "services"},
  {"service", "service", "parent_id", "c.code", "service", "services", "services"},
  {"engagement", "spend", "engagement_id", "c.id", "spend line", "spend lines", "engagements"},
  {"engagement", "volume", "engagement_id", "c.id", "volume", "volumes", "engagements"},
  {"engagement", "assessment", "engagement_id", "p.ref", "assessment", "assessments", "engagements"},
}};

// "2 engagements (ENG-1, ENG-2) refer to the providers it created", or
// nothing when no record outside batch ID refers to DEPENDENCY's parents.
std::optional<std::string> dependents(Catalogue& catalogue, const Dependency& dependency, std::int64_t id)
{
  const auto from = fmt::format("FROM {} c JOIN {} p ON p.id = c.{} WHERE p.batch_id = ? AND "
                                "(c.batch_id IS NULL OR c.batch_id <> ?)",
                                dependency.child, dependency.parent, dependency.column);
  const auto count =
    Query(connection(catalogue), fmt::format("SELECT count(*) {}", from), id, id).run_integer();
  if (count == 0) {
    return std::nullopt;
  }
  constexpr int shown = 3;
  Query names(connection(catalogue),
              fmt::format("SELECT {} {} ORDER BY c.id LIMIT {}", dependency.label, from, shown), id, id);
  std::string listed;
  while (names.next()) {
    listed += fmt::format("{}{}", listed.empty() ? "" : ", ", names.text(0));
  }
  return fmt::format("{} ({}{}) {} to the {} it created",
                     domain::counted(count, dependency.one, dependency.many), listed,
                     count > shown ? ", ..." : "", count == 1 ? "refers" : "refer", dependency.parents);
}

// Takes batch ID's spend lines out of the roll-up and removes them.
std::int64_t remove_spend(Catalogue& catalogue, std::int64_t id)
{
  RollupDeltas deltas;
  Query lines(connection(catalogue),
              "SELECT engagement_id, date, amount, currency FROM spend WHERE batch_id = ?", id);
  while (lines.next()) {
    auto& delta = deltas[RollupKey::of(lines.integer(0), lines.text(1), lines.text(3))];
    delta.amount -= lines.integer(2);
    delta.lines -= 1;
  }
  RollupWriter(connection(catalogue)).write(deltas);
  Query remove(connection(catalogue), "DELETE FROM spend WHERE batch_id = ?", id);
  remove.run();
  return remove.changes();
}

std::int64_t remove_rows(Catalogue& catalogue, const char* table, std::int64_t id)
{
  Query remove(connection(catalogue), fmt::format("DELETE FROM {} WHERE batch_id = ?", table), id);
  remove.run();
  return remove.changes();
}

// A batch's services. Their parents are let go first: an update may have
// put an older one under a newer one, and no service outside the batch
// refers to them (checked before).
std::int64_t remove_services(Catalogue& catalogue, std::int64_t id)
{
  Query(connection(catalogue), "UPDATE service SET parent_id = NULL WHERE batch_id = ?", id).run();
  return remove_rows(catalogue, "service", id);
}

} // namespace

void stamp_import_batch(Catalogue& catalogue, const char* table, std::int64_t id)
{
  if (const auto batch = current_import_batch(catalogue)) {
    Query(connection(catalogue),
          fmt::format("UPDATE {} SET batch_id = ? WHERE {} = ?", table, key_column(table)), *batch, id)
      .run();
  }
}

std::optional<ImportBatch> find_imported(Catalogue& catalogue, const std::string& kind,
                                         const std::string& sha256, std::int64_t except)
{
  Query query(connection(catalogue),
              fmt::format("SELECT {} FROM import_batch WHERE kind = ? AND sha256 = ? AND undone_at IS NULL "
                          "AND id <> ? ORDER BY id LIMIT 1",
                          batch_columns),
              kind, sha256, except);
  if (!query.next()) {
    return std::nullopt;
  }
  auto batch = read_batch(query);
  query.reset();
  return batch;
}

std::vector<ImportBatch> list_import_batches(Catalogue& catalogue)
{
  std::vector<ImportBatch> batches;
  Query query(connection(catalogue),
              fmt::format("SELECT {} FROM import_batch ORDER BY id DESC", batch_columns));
  while (query.next()) {
    batches.push_back(read_batch(query));
  }
  return batches;
}

ImportBatchScope::ImportBatchScope(Catalogue& catalogue, const std::string& kind, const std::string& file,
                                   const std::string& sha256)
  : m_catalogue(catalogue)
{
  Query insert(connection(catalogue),
               "INSERT INTO import_batch (at, actor, kind, file, sha256, rows, created, "
               "updated, skipped) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0)");
  insert.bind(1, utc_timestamp());
  insert.bind(2, backend(catalogue).actor());
  insert.bind(3, kind);
  insert.bind(4, file);
  insert.bind(5, sha256);
  m_id = insert.run_insert();
  import_batch_slot(catalogue) = m_id;
}

ImportBatchScope::~ImportBatchScope()
{
  import_batch_slot(m_catalogue).reset();
}

void ImportBatchScope::finish(std::size_t rows, const LoadSummary& summary, const std::string& sha256)
{
  import_batch_slot(m_catalogue).reset();
  if (summary.created == 0 && summary.updated == 0) {
    Query(connection(m_catalogue), "DELETE FROM import_batch WHERE id = ?", m_id).run();
    return;
  }
  Query(connection(m_catalogue),
        "UPDATE import_batch SET rows = ?, created = ?, updated = ?, skipped = ?, sha256 = ? WHERE id = ?",
        static_cast<std::int64_t>(rows), static_cast<std::int64_t>(summary.created),
        static_cast<std::int64_t>(summary.updated), static_cast<std::int64_t>(summary.skipped), sha256, m_id)
    .run();
  audit_batch(m_catalogue, m_id, "import", row_snapshot(m_catalogue, "import_batch", m_id));
}

UndoneBatch undo_import_batch(Catalogue& catalogue, std::int64_t id)
{
  Query query(connection(catalogue), fmt::format("SELECT {} FROM import_batch WHERE id = ?", batch_columns),
              id);
  if (!query.next()) {
    throw NotFound(fmt::format("no import batch {} (see 'vendorcat import list')", id));
  }
  UndoneBatch undone{read_batch(query)};
  query.reset();
  if (undone.batch.undone_at) {
    throw ValidationError(
      fmt::format("import batch {} was undone already, at {}", id, *undone.batch.undone_at));
  }
  std::string refused;
  for (const auto& dependency : dependencies) {
    if (const auto found = dependents(catalogue, dependency, id)) {
      refused += fmt::format("{}{}", refused.empty() ? "" : "; ", *found);
    }
  }
  if (!refused.empty()) {
    throw ValidationError(
      fmt::format("cannot undo import batch {}: {}; remove those first, or leave the batch", id, refused));
  }
  undone.removed += remove_spend(catalogue, id);
  // Answers first, then each engagement they assessed gets its type again.
  const auto assessed = assessed_by_batch(catalogue, id);
  undone.removed += remove_rows(catalogue, "assessment", id);
  for (const auto engagement_id : assessed) {
    rederive_type(catalogue, engagement_id);
  }
  for (const char* table : {"volume", "offering", "location", "engagement"}) {
    undone.removed += remove_rows(catalogue, table, id);
  }
  undone.removed += remove_services(catalogue, id);
  for (const char* table : {"provider", "fx_rate"}) {
    undone.removed += remove_rows(catalogue, table, id);
  }
  const auto at = utc_timestamp();
  Query(connection(catalogue), "UPDATE import_batch SET undone_at = ? WHERE id = ?", at, id).run();
  undone.batch.undone_at = at;
  audit_batch(catalogue, id, "undo", fmt::format(R"({{"undone_at":"{}","removed":{}}})", at, undone.removed));
  return undone;
}

} // namespace vendorcat::store
