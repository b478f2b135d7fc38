#pragma once

// The PostgreSQL backend's statement (statement.cpp), for connection.cpp.

#include "store/postgres/backend.hpp"

#include <memory>
#include <string_view>

namespace vendorcat::store::postgres {

// The types a parameter is prepared with: an integer as bigint, a text as
// "unknown" (the server reads it as its place needs), or text where its
// place says nothing.
inline constexpr Oid unknown_type = 0;
inline constexpr Oid text_type = 25;
inline constexpr Oid bigint_type = 20;

// A statement of SQL (with `?` or `?N` parameters) on BACKEND's connection.
std::unique_ptr<Statement> make_statement(PostgresBackend& backend, std::string_view sql);

} // namespace vendorcat::store::postgres
