#pragma once

// Runs a program (the real vendorcat binary) and captures what it prints.

#include <nlohmann/json.hpp>

#include <filesystem>
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

// A temporary catalogue driven through the real binary.
class Cli
{
public:
  explicit Cli(std::filesystem::path db) : m_db(std::move(db)) {}

  // vendorcat --db DB ARGS...
  Output run(const std::vector<std::string>& args, const std::string& input = "") const;

  // Runs ARGS with --format json, expects exit 0 and returns the parsed output.
  nlohmann::ordered_json json(std::vector<std::string> args) const;

  // Runs ARGS and expects exit 0; returns stdout.
  std::string ok(const std::vector<std::string>& args, const std::string& input = "") const;

  // The number of rows in TABLE, read with sqlite3 directly.
  long long count(const std::string& table) const;

  // Runs SQL on the catalogue with sqlite3 and returns its output (-list mode).
  std::string sql(const std::string& sql) const;

  const std::filesystem::path& db() const { return m_db; }

private:
  std::filesystem::path m_db;
};

} // namespace vendorcat::test
