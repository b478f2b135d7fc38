// BatchSink (see spend_sink.hpp). The batch statement binds the rows' text
// without copying it (the rows live in the batch until it is written), and
// the index is built with a smaller page cache: SQLite gives a sort as much
// memory as the page cache, and 8 MiB keeps the peak of a large load well
// under 64 MiB with no loss of speed (measured on a million lines: 42 MB
// instead of 60 MB, same time).

#include "store/sqlite/spend_sink.hpp"

#include "store/sqlite/backend.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <string_view>

namespace vendorcat::store::sqlite {

namespace {

constexpr int sort_cache_kib = 8 * 1024;

// The definition in migrations/0005_spend_reference_index.sql.
constexpr const char* create_reference_index =
  "CREATE UNIQUE INDEX spend_reference ON spend (engagement_id, reference)";

// A smaller page cache for the life of the object.
class SortCache
{
public:
  explicit SortCache(SqliteBackend& backend)
    : m_backend(backend), m_cache_size(Query(backend, "PRAGMA cache_size").run_integer())
  {
    backend.execute(fmt::format("PRAGMA cache_size = -{}", sort_cache_kib));
  }
  SortCache(const SortCache&) = delete;
  SortCache& operator=(const SortCache&) = delete;
  ~SortCache() { m_backend.database().tryExec(fmt::format("PRAGMA cache_size = {}", m_cache_size)); }

private:
  SqliteBackend& m_backend;
  std::int64_t m_cache_size;
};

void check(SqliteBackend& backend, int result)
{
  if (result != SQLITE_OK && result != SQLITE_DONE) {
    throw_sql_error(backend.database(), SQLite::Exception(backend.database().getHandle(), result));
  }
}

void bind_text(SqliteBackend& backend, sqlite3_stmt* statement, int index, std::string_view text)
{
  check(backend,
        sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC));
}

} // namespace

bool BatchSink::should_defer(std::size_t added, std::int64_t existing)
{
  return added >= defer_after && added * rebuild_factor >= static_cast<std::size_t>(existing);
}

BatchSink::BatchSink(SqliteBackend& backend, const SinkPlan& plan)
  : StatementSink(backend, plan.batch), m_backend(backend), m_check(plan.reference_check)
{
  if (m_check == ReferenceCheck::per_line) {
    return;
  }
  // (The bulk load has given the connection a larger page cache.)
  m_existing = largest_id(); // about the number of lines, without a count
  if (m_check == ReferenceCheck::deferred) {
    defer();
  }
}

BatchSink::~BatchSink()
{
  sqlite3_finalize(m_insert_batch);
}

std::int64_t BatchSink::largest_id()
{
  return m_backend.highest_id("spend");
}

void BatchSink::defer()
{
  m_backend.execute("DROP INDEX spend_reference");
  m_next_id = largest_id() + 1; // the ids SQLite would give (AUTOINCREMENT)
  m_deferred = true;
}

std::int64_t BatchSink::insert(const SpendRow& row)
{
  if (!m_deferred && m_check == ReferenceCheck::by_size && should_defer(++m_added, m_existing)) {
    defer();
  }
  if (!m_deferred) {
    return StatementSink::insert(row);
  }
  m_batch.emplace_back(m_next_id, row);
  if (m_batch.size() == batch_rows) {
    write_batch();
  }
  return m_next_id++;
}

void BatchSink::write_batch()
{
  constexpr std::string_view insert =
    "INSERT INTO spend (id, engagement_id, date, amount, currency, reference, batch_id) VALUES ";
  // The batch is the same for every line: written into the statement.
  const auto values =
    fmt::format("(?, ?, ?, ?, ?, ?, {})", m_import_batch ? std::to_string(*m_import_batch) : "NULL");
  constexpr int columns = 6;
  if (m_batch.empty()) {
    return;
  }
  if (m_batch.size() < batch_rows) {
    // The last, partial batch: line by line, with the same ids.
    Query one(m_backend, std::string(insert) + values);
    for (const auto& [id, row] : m_batch) {
      one.bind(1, id).bind(2, row.engagement_id).bind(3, row.date).bind(4, row.amount).bind(5, row.currency);
      one.bind(6, row.reference);
      one.run();
    }
    m_batch.clear();
    return;
  }
  if (m_insert_batch == nullptr) {
    std::string sql(insert);
    for (std::size_t i = 0; i < batch_rows; ++i) {
      sql += i == 0 ? "" : ", ";
      sql += values;
    }
    check(m_backend,
          sqlite3_prepare_v2(m_backend.database().getHandle(), sql.c_str(), -1, &m_insert_batch, nullptr));
  }
  int first = 1;
  for (const auto& [id, row] : m_batch) {
    check(m_backend, sqlite3_bind_int64(m_insert_batch, first, id));
    check(m_backend, sqlite3_bind_int64(m_insert_batch, first + 1, row.engagement_id));
    bind_text(m_backend, m_insert_batch, first + 2, row.date);
    check(m_backend, sqlite3_bind_int64(m_insert_batch, first + 3, row.amount));
    bind_text(m_backend, m_insert_batch, first + 4, row.currency);
    if (row.reference) {
      bind_text(m_backend, m_insert_batch, first + 5, *row.reference);
    } else {
      check(m_backend, sqlite3_bind_null(m_insert_batch, first + 5));
    }
    first += columns;
  }
  const int result = sqlite3_step(m_insert_batch);
  sqlite3_reset(m_insert_batch);
  check(m_backend, result);
  m_batch.clear();
}

void BatchSink::finish(const DuplicateVisitor& duplicate)
{
  write_batch();
  if (!m_deferred) {
    return;
  }
  const SortCache sort_cache(m_backend);
  try {
    m_backend.execute(create_reference_index);
    m_deferred = false;
    return;
  } catch (const UniqueViolation&) {
    // Repeats: find them, and leave the index unbuilt for the rollback.
  }
  Query repeats(m_backend, "SELECT id, reference FROM (SELECT id, reference, row_number() OVER ("
                           "PARTITION BY engagement_id, reference ORDER BY id) AS n "
                           "FROM spend WHERE reference IS NOT NULL) AS numbered WHERE n > 1 ORDER BY id");
  while (repeats.next()) {
    duplicate(repeats.integer(0), repeats.text(1));
  }
}

} // namespace vendorcat::store::sqlite
