// The SQLite backend's tactic for a bulk load: the provider search index
// (FTS5) is brought up to date once at the end instead of by its triggers.
// FTS5 writes its pending rows out at every statement's savepoint, so with
// the triggers each later statement of an import paid for a tiny index
// segment: three quarters of a provider import's time. While the load runs,
// temporary triggers keep the old text of every provider it changes or
// removes; at the end that text leaves the index, and the current text of
// those providers and of every new one goes in. The main triggers are
// dropped and recreated from their own stored SQL inside the transaction, so
// a rollback restores them.

#include "store/sql.hpp"
#include "store/sqlite/backend.hpp"

#include <fmt/format.h>

#include <string>
#include <utility>

namespace vendorcat::store::sqlite {

namespace {

// A larger page cache keeps the pages of the tables and indexes a load
// writes in memory instead of writing them out and reading them again.
constexpr int bulk_cache_kib = 24 * 1024;

} // namespace

void SqliteBackend::begin_bulk_load()
{
  execute(fmt::format("PRAGMA cache_size = -{}", bulk_cache_kib));
  m_deferred_triggers.clear();
  std::vector<std::string> names;
  {
    Query triggers(*this,
                   "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'provider' "
                   "AND name LIKE 'provider\\_fts\\_%' ESCAPE '\\' ORDER BY name");
    while (triggers.next()) {
      names.push_back(triggers.text(0));
      m_deferred_triggers.push_back(triggers.text(1));
    }
  }
  if (m_deferred_triggers.empty()) {
    return; // a catalogue being created: nothing indexed yet
  }
  m_providers_before = Query(*this, "SELECT coalesce(max(id), 0) FROM provider").run_integer();
  for (const auto& name : names) {
    execute("DROP TRIGGER \"" + name + "\"");
  }
  execute("CREATE TEMP TABLE IF NOT EXISTS provider_fts_old "
          "(id INTEGER PRIMARY KEY, name TEXT, legal_name TEXT, hq_city TEXT, notes TEXT)");
  execute("DELETE FROM temp.provider_fts_old");
  for (const auto& [name, event] :
       {std::pair{"update", "UPDATE OF name, legal_name, hq_city, notes"}, std::pair{"delete", "DELETE"}}) {
    execute(fmt::format("CREATE TEMP TRIGGER IF NOT EXISTS provider_fts_old_{} AFTER {} ON main.provider "
                        "BEGIN INSERT OR IGNORE INTO provider_fts_old "
                        "VALUES (old.id, old.name, old.legal_name, old.hq_city, old.notes); END",
                        name, event));
  }
}

void SqliteBackend::finish_bulk_load()
{
  if (m_deferred_triggers.empty()) {
    return;
  }
  execute("DROP TRIGGER temp.provider_fts_old_update");
  execute("DROP TRIGGER temp.provider_fts_old_delete");
  // Only what the index holds may be deleted from it: rows older than the load.
  Query(*this,
        "INSERT INTO provider_fts (provider_fts, rowid, name, legal_name, hq_city, notes) "
        "SELECT 'delete', id, name, legal_name, hq_city, notes FROM temp.provider_fts_old WHERE id <= ?",
        m_providers_before)
    .run();
  Query(*this,
        "INSERT INTO provider_fts (rowid, name, legal_name, hq_city, notes) "
        "SELECT id, name, legal_name, hq_city, notes FROM provider "
        "WHERE id > ? OR id IN (SELECT id FROM temp.provider_fts_old) ORDER BY id",
        m_providers_before)
    .run();
  execute("DELETE FROM temp.provider_fts_old");
  for (const auto& sql : m_deferred_triggers) {
    execute(sql);
  }
  m_deferred_triggers.clear();
}

} // namespace vendorcat::store::sqlite
