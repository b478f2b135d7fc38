#pragma once

// The audit log: every insert, update and delete of a provider, location,
// service, offering, engagement or spend line is recorded in the same
// transaction as the change, with the changed fields before and after as JSON.

#include "store/catalogue.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace vendorcat::store {

// The column that identifies a row of TABLE: `engagement_id` for an
// assessment (an engagement has one at most), `id` for every other table.
const char* key_column(std::string_view table);

// A row's columns as a JSON object text, read before a change so that the
// audit entry can show what it was. Throws NotFound when there is no such row.
std::string row_snapshot(Catalogue& catalogue, const std::string& table, std::int64_t id);

// Records that row ID of TABLE was inserted (after = the new row).
void audit_insert(Catalogue& catalogue, const std::string& table, std::int64_t id);

// Records an update of row ID of TABLE, with BEFORE from row_snapshot: only the
// fields that changed (timestamps aside) are written. Nothing is written when
// nothing changed.
void audit_update(Catalogue& catalogue, const std::string& table, std::int64_t id, const std::string& before);

// Records that row ID of TABLE, whose last state was BEFORE, was deleted.
void audit_delete(Catalogue& catalogue, const std::string& table, std::int64_t id, const std::string& before);

// Records ACTION ("import" or "undo") of import batch ID, with AFTER_JSON (an
// object: the batch as recorded, or what the undo removed).
void audit_batch(Catalogue& catalogue, std::int64_t id, const std::string& action,
                 const std::string& after_json);

} // namespace vendorcat::store
