#pragma once

// The PostgreSQL side of the end-to-end suite, which runs once per backend:
// with VENDORCAT_TEST_BACKEND=postgresql every Cli catalogue is a fresh
// database on the server that VENDORCAT_TEST_PG names (scripts/with-postgres
// starts one), dropped when the test is done.

#include <memory>
#include <string>

typedef struct pg_conn PGconn;

namespace vendorcat::test {

// True when this run of the suite is the PostgreSQL one.
bool on_postgresql();

// The test server's URI for DATABASE (its `postgres` database by default).
// Throws std::runtime_error when VENDORCAT_TEST_PG is not set: a suite meant
// for the server fails without one, it does not skip.
std::string server_uri(const std::string& database = "postgres");

// Runs SQL on the database at URI; returns its rows as sqlite3's list mode
// prints them (columns joined by '|', NULL empty, a line per row) and sets
// STATUS to 0, or 1 with ERROR set.
std::string run_server_sql(const std::string& uri, const std::string& sql, int& status, std::string& error);

// A connection of its own to the database at URI, for a test that holds a
// lock or a transaction open while the binary runs.
class ServerSession
{
public:
  explicit ServerSession(const std::string& uri);
  ServerSession(const ServerSession&) = delete;
  ServerSession& operator=(const ServerSession&) = delete;
  ~ServerSession();

  // Runs SQL; throws std::runtime_error when it fails.
  void execute(const std::string& sql);

private:
  PGconn* m_connection;
};

// A new empty database on the test server, dropped when the object goes.
class ServerDatabase
{
public:
  ServerDatabase();
  ServerDatabase(const ServerDatabase&) = delete;
  ServerDatabase& operator=(const ServerDatabase&) = delete;
  ~ServerDatabase();

  const std::string& name() const { return m_name; }
  const std::string& uri() const { return m_uri; }

private:
  std::string m_name;
  std::string m_uri;
};

} // namespace vendorcat::test
