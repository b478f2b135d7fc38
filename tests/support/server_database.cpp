#include "support/server_database.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <libpq-fe.h>
#include <random>
#include <stdexcept>

namespace vendorcat::test {

bool on_postgresql()
{
  const char* backend = std::getenv("VENDORCAT_TEST_BACKEND");
  return backend != nullptr && std::string(backend) == "postgresql";
}

std::string server_uri(const std::string& database)
{
  const char* admin = std::getenv("VENDORCAT_TEST_PG");
  if (admin == nullptr || *admin == '\0') {
    throw std::runtime_error(
      "VENDORCAT_TEST_PG is not set: run the PostgreSQL tests through "
      "scripts/with-postgres (scripts/test does), or VENDORCAT_PG_TESTS=0 to leave them out");
  }
  std::string uri = admin;
  const auto slash = uri.rfind('/');
  return uri.substr(0, slash + 1) + database;
}

std::string run_server_sql(const std::string& uri, const std::string& sql, int& status, std::string& error)
{
  PGconn* connection = PQconnectdb(uri.c_str());
  std::string out;
  status = 1;
  if (PQstatus(connection) != CONNECTION_OK) {
    error = PQerrorMessage(connection);
    PQfinish(connection);
    return out;
  }
  PQsetNoticeProcessor(
    connection, [](void*, const char*) {}, nullptr);
  PGresult* result = PQexec(connection, sql.c_str());
  const auto state = PQresultStatus(result);
  if (state == PGRES_TUPLES_OK || state == PGRES_COMMAND_OK) {
    status = 0;
    for (int row = 0; row < PQntuples(result); ++row) {
      for (int column = 0; column < PQnfields(result); ++column) {
        out += column == 0 ? "" : "|";
        out += PQgetvalue(result, row, column);
      }
      out += '\n';
    }
  } else {
    error = PQresultErrorMessage(result);
  }
  PQclear(result);
  PQfinish(connection);
  return out;
}

ServerSession::ServerSession(const std::string& uri) : m_connection(PQconnectdb(uri.c_str()))
{
  if (PQstatus(m_connection) != CONNECTION_OK) {
    const std::string error = PQerrorMessage(m_connection);
    PQfinish(m_connection);
    throw std::runtime_error("cannot connect to the test server: " + error);
  }
  PQsetNoticeProcessor(
    m_connection, [](void*, const char*) {}, nullptr);
}

ServerSession::~ServerSession()
{
  PQfinish(m_connection);
}

void ServerSession::execute(const std::string& sql)
{
  PGresult* result = PQexec(m_connection, sql.c_str());
  const auto state = PQresultStatus(result);
  const std::string error = PQresultErrorMessage(result);
  PQclear(result);
  if (state != PGRES_TUPLES_OK && state != PGRES_COMMAND_OK) {
    throw std::runtime_error(sql + ": " + error);
  }
}

ServerDatabase::ServerDatabase()
{
  std::random_device random;
  m_name = fmt::format("vc_test_{:08x}{:08x}", random(), random());
  m_uri = server_uri(m_name);
  int status = 0;
  std::string error;
  run_server_sql(server_uri(), fmt::format("CREATE DATABASE {}", m_name), status, error);
  if (status != 0) {
    throw std::runtime_error("cannot create a test database on the server: " + error);
  }
}

ServerDatabase::~ServerDatabase()
{
  int status = 0;
  std::string error;
  run_server_sql(server_uri(), fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", m_name), status, error);
}

} // namespace vendorcat::test
