#pragma once

// Runs a program (the real vendorcat binary) and captures what it prints.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace vendorcat::test {

struct Output
{
  int status = -1;
  std::string out;
  std::string err;
};

// TEXT's lines, without their line ends.
std::vector<std::string> lines_of(const std::string& text);

// Runs PROGRAM with ARGS, feeding INPUT on stdin; waits and returns the exit
// status (128 + signal when killed) and both outputs.
Output run_program(const std::string& program, const std::vector<std::string>& args,
                   const std::string& input = "");

class ServerDatabase;

// A temporary catalogue driven through the real binary: the file DB, or in
// the suite's PostgreSQL run (support/server_database.hpp) a new database on
// the test server in its place.
class Cli
{
public:
  explicit Cli(std::filesystem::path db);

  // A catalogue in the file DB in either run of the suite (a backup's copy).
  static Cli file(std::filesystem::path db);

  // The server catalogue at URI, which the test made (or means to fail).
  static Cli server(std::string uri);

  // vendorcat --db DB ARGS...
  Output run(const std::vector<std::string>& args, const std::string& input = "") const;

  // Runs ARGS with --format json, expects exit 0 and returns the parsed output.
  nlohmann::ordered_json json(std::vector<std::string> args) const;

  // Runs ARGS and expects exit 0; returns stdout.
  std::string ok(const std::vector<std::string>& args, const std::string& input = "") const;

  // The number of rows in TABLE, read with sqlite3 (or libpq) directly.
  long long count(const std::string& table) const;

  // Runs SQL on the catalogue with sqlite3 (or libpq) and returns its output
  // as sqlite3's -list mode prints it.
  std::string sql(const std::string& sql) const;

  // The file's path (in the PostgreSQL run, the file the server's database
  // stands in for, which does not exist).
  const std::filesystem::path& db() const { return m_db; }

  // What --db gets: the file's path or the server database's URI.
  std::string target() const;

  // True when the catalogue is a database on the test server.
  bool on_server() const { return !m_uri.empty(); }

  // The catalogue's schema version as the backend records it, and a new
  // one written behind vendorcat's back.
  std::string schema_version() const;
  void set_schema_version(int version) const;

private:
  Cli(std::filesystem::path db, bool server);

  std::filesystem::path m_db;
  std::shared_ptr<ServerDatabase> m_server;
  std::string m_uri; // of the server database, when the catalogue is one
};

} // namespace vendorcat::test
