// The copy of a whole catalogue, table by table in the order their
// references need, every column as the source's SELECT * names it, many
// rows per INSERT. The reference data (countries, currencies) is the
// migrations' on both sides; the built-in services are replaced by the
// source's, so that every service keeps its id.

#include "store/copy.hpp"

#include "domain/errors.hpp"
#include "store/backend.hpp"
#include "store/maintenance.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <variant>

namespace vendorcat::store {

namespace {

constexpr std::array<const char*, 14> copied_tables = {
  "setting",    "import_batch", "service", "provider", "location",  "offering",      "engagement",
  "assessment", "volume",       "spend",   "fx_rate",  "audit_log", "spend_monthly", "spend_by_class"};

constexpr std::size_t rows_per_insert = 64;

// A value read from the source, NULL as nullopt.
using Cell = std::optional<SqlValue>;

struct Copied
{
  std::int64_t rows = 0;
  bool ids = false; // the table's first column is its id
};

// The rows of TABLE from SOURCE into DESTINATION, with NULL for the column
// named LATER (written by a second pass).
Copied copy_table(Backend& source, Connection& destination, const std::string& table,
                  std::string_view later = {})
{
  Query rows(source, fmt::format("SELECT * FROM \"{}\" ORDER BY 1", table));
  std::vector<std::string> columns;
  std::vector<Cell> pending;
  std::unique_ptr<Query> full_insert;
  const auto insert_sql = [&](std::size_t count) {
    std::string names;
    std::string row = "(";
    for (std::size_t c = 0; c < columns.size(); ++c) {
      names += fmt::format("{}\"{}\"", c == 0 ? "" : ", ", columns[c]);
      row += c == 0 ? "?" : ", ?";
    }
    row += ")";
    std::string values;
    for (std::size_t r = 0; r < count; ++r) {
      values += (r == 0 ? "" : ", ") + row;
    }
    return fmt::format("INSERT INTO \"{}\" ({}) VALUES {}", table, names, values);
  };
  const auto write = [&](Query& insert) {
    for (std::size_t i = 0; i < pending.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      if (const auto& cell = pending[i]) {
        std::visit([&](const auto& value) { insert.bind(index, value); }, *cell);
      } else {
        insert.statement().bind_null(index, ColumnType::text);
      }
    }
    insert.run();
    pending.clear();
  };
  std::int64_t copied = 0;
  while (rows.next()) {
    ++copied;
    if (columns.empty()) {
      for (int c = 0; c < rows.statement().column_count(); ++c) {
        columns.push_back(rows.statement().column_name(c));
      }
    }
    for (int c = 0; c < static_cast<int>(columns.size()); ++c) {
      const auto type =
        columns[static_cast<std::size_t>(c)] == later ? ColumnType::null : rows.statement().column_type(c);
      if (type == ColumnType::integer) {
        pending.emplace_back(rows.integer(c));
      } else if (type == ColumnType::text) {
        pending.emplace_back(rows.text(c));
      } else {
        pending.emplace_back();
      }
    }
    if (pending.size() == rows_per_insert * columns.size()) {
      if (!full_insert) {
        full_insert = std::make_unique<Query>(destination, insert_sql(rows_per_insert));
      }
      write(*full_insert);
    }
  }
  if (!pending.empty()) {
    Query last(destination, insert_sql(pending.size() / columns.size()));
    write(last);
  }
  return {copied, !columns.empty() && columns.front() == "id"};
}

} // namespace

std::vector<std::pair<std::string, std::int64_t>> copy_records(Backend& source, Catalogue& destination)
{
  auto& target = backend(destination);
  const int version = source.schema_version();
  if (version != target.schema_version()) {
    throw DatabaseError(fmt::format("cannot copy: the source has schema version {} and '{}' has {}; run "
                                    "'vendorcat db migrate' on the older one first",
                                    version, destination.path(), target.schema_version()));
  }
  std::vector<std::pair<std::string, std::int64_t>> copied;
  source.begin(TransactionKind::read);
  try {
    WriteTransaction transaction(destination, Workload::bulk_load);
    // Empty, under the write lock: no record and no change ever audited (a
    // service added, a rate set). Its settings give way to the source's.
    for (const char* table : {"provider", "location", "offering", "engagement", "assessment", "volume",
                              "spend", "fx_rate", "audit_log", "import_batch"}) {
      if (Query(target, fmt::format("SELECT count(*) FROM {}", table)).run_integer() != 0) {
        throw UsageError(fmt::format("'{}' is not empty (it has {} records): db copy writes only into an "
                                     "empty catalogue",
                                     destination.path(), table));
      }
    }
    target.execute("DELETE FROM setting");
    target.execute("DELETE FROM service");
    for (const std::string table : copied_tables) {
      // A service's parent may come after it: parents are set once all are in.
      const auto rows = copy_table(source, target, table, table == "service" ? "parent_id" : "");
      copied.emplace_back(table, rows.rows);
      if (rows.ids) {
        target.after_copy(table, source.highest_id(table));
      }
      if (table == "service") {
        Query parents(source, "SELECT id, parent_id FROM service WHERE parent_id IS NOT NULL");
        Query set_parent(target, "UPDATE service SET parent_id = ? WHERE id = ?");
        while (parents.next()) {
          set_parent.bind(1, parents.integer(1)).bind(2, parents.integer(0)).run();
        }
      }
    }
    transaction.commit();
  } catch (...) {
    source.rollback();
    throw;
  }
  source.commit();
  return copied;
}

std::vector<std::pair<std::string, std::int64_t>> copy_catalogue(Catalogue& source, Catalogue& destination)
{
  try {
    return copy_records(backend(source), destination);
  } catch (const ReadOnlyRole& error) {
    throw DatabaseError(error.what());
  } catch (const SqlError& error) {
    throw DatabaseError(
      fmt::format("copying '{}' to '{}': {}", source.path(), destination.path(), error.what()));
  }
}

} // namespace vendorcat::store
