#pragma once

// Optional values in and out of SQLite statements, shared by the repositories.

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace vendorcat::store {

// The column's text, or nullopt when it is NULL.
inline std::optional<std::string> optional_text(const SQLite::Column& column)
{
  return column.isNull() ? std::nullopt : std::optional<std::string>(column.getString());
}

// Binds VALUE, or NULL when it is absent or empty.
inline void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::string>& value)
{
  if (value && !value->empty()) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

// Binds VALUE, or NULL when it is absent.
inline void bind_optional(SQLite::Statement& statement, int index, const std::optional<std::int64_t>& value)
{
  if (value) {
    statement.bind(index, *value);
  } else {
    statement.bind(index);
  }
}

// A parameter of a query built from optional filters.
using SqlValue = std::variant<std::string, std::int64_t>;

// Binds PARAMS to the statement's parameters 1, 2, ... in order.
inline void bind_all(SQLite::Statement& statement, const std::vector<SqlValue>& params)
{
  for (std::size_t i = 0; i < params.size(); ++i) {
    std::visit([&](const auto& value) { statement.bind(static_cast<int>(i) + 1, value); }, params[i]);
  }
}

} // namespace vendorcat::store
