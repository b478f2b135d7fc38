#pragma once

// The SQLiteCpp handle of a catalogue kept in SQLite, for tests that look at
// the file itself (its schema, pragmas, raw rows). The product reaches it
// only inside store/sqlite/.

#include "store/backend.hpp"
#include "store/catalogue.hpp"
#include "store/sqlite/backend.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

namespace vendorcat::test {

inline SQLite::Database& sqlite_db(store::Catalogue& catalogue)
{
  return dynamic_cast<store::sqlite::SqliteBackend&>(store::backend(catalogue)).database();
}

} // namespace vendorcat::test
