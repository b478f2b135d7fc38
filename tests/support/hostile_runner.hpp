#pragma once

// The hostile corpus's runner parts (tests/e2e/hostile_test.cpp): the case
// files, the seeded template catalogue every case copies, the special files a
// case can make and check, and the rules every case's stderr must follow.

#include "support/catalogue_files.hpp"
#include "support/hostile_case.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <vector>

namespace vendorcat::test {

namespace fs = std::filesystem;

inline constexpr std::size_t stderr_limit = 64 * 1024;
// Bump when the template's recipe changes, so a cached copy is not reused.
inline constexpr int template_recipe = 1;

inline const fs::path corpus_dir = fs::path(VENDORCAT_SOURCE_DIR) / "tests" / "data" / "hostile";

inline std::vector<fs::path> case_files()
{
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(corpus_dir, error)) {
    if (entry.path().extension() == ".case") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// TEXT with every byte outside printable ASCII written as \xHH, cut to CAP
// bytes, for failure messages.
inline std::string visible(const std::string& text, std::size_t cap = 2000)
{
  std::string result;
  for (const char c : text.substr(0, cap)) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n' || (byte >= 0x20 && byte < 0x7f)) {
      result.push_back(c);
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
      result += escaped;
    }
  }
  if (text.size() > cap) {
    result += "... (" + std::to_string(text.size()) + " bytes)";
  }
  return result;
}

inline std::string joined(const std::vector<std::string>& args)
{
  std::string result;
  for (const auto& arg : args) {
    if (!result.empty()) {
      result += ' ';
    }
    result += '\'';
    result += visible(arg, 200);
    result += '\'';
  }
  return result;
}

inline std::string without_trailing_newlines(std::string text)
{
  while (!text.empty() && text.back() == '\n') {
    text.pop_back();
  }
  return text;
}

inline TimedOutput sqlite(const fs::path& db, const std::string& sql)
{
  RunOptions options;
  options.timeout = std::chrono::seconds(60);
  return run_with("/usr/bin/sqlite3", {db.string(), sql}, options);
}

// The commands that fill the template catalogue: two providers, a custom
// service, engagements E1 (EUR) and E2 (USD), four spend lines and USD rates.
const std::vector<std::vector<std::string>> template_recipe_commands{
  {"db", "init", "--home-country", "FI", "--base-currency", "EUR"},
  {"provider", "add", "Acme Oy", "--country", "FI", "--city", "Helsinki"},
  {"provider", "add", "Globex Inc", "--country", "US", "--city", "Boston"},
  {"location", "add", "Acme Oy", "--country", "EE", "--city", "Tallinn"},
  {"offering", "add", "Acme Oy", "payroll"},
  {"service", "add", "claims-processing", "--name", "Claims processing", "--type", "BPO", "--parent",
   "finance-accounting"},
  {"engagement", "add", "E1", "--provider", "Acme Oy", "--service", "payroll", "--delivery-country", "EE",
   "--start", "2025-01-01", "--end", "2026-12-31", "--value", "120000.00", "--notice-days", "90"},
  {"engagement", "add", "E2", "--provider", "Globex Inc", "--service", "market-research",
   "--delivery-country", "US", "--start", "2025-01-01", "--currency", "USD", "--value", "50000.00"},
  {"spend", "add", "E1", "--date", "2025-01-15", "--amount", "1000.00", "--ref", "INV-1"},
  {"spend", "add", "E1", "--date", "2025-02-15", "--amount", "2000.50", "--ref", "INV-2"},
  {"spend", "add", "E2", "--date", "2025-02-20", "--amount", "300.00", "--ref", "INV-3"},
  {"spend", "add", "E2", "--date", "2025-03-05", "--amount", "-25.00"},
  {"fx", "set", "USD", "2025-01", "0.92"},
  {"fx", "set", "USD", "2025-02", "0.93"},
  {"fx", "set", "USD", "2025-03", "0.94"},
};

// The seeded template, made once through the real binary and kept beside the
// test binary under a name that changes with the vendorcat binary, so that
// every test process (CTest runs one per case) copies it instead of making it.
inline fs::path make_template()
{
  struct stat binary = {};
  if (stat(VENDORCAT_BIN, &binary) != 0) {
    throw std::runtime_error("cannot stat " + std::string(VENDORCAT_BIN));
  }
  const auto folder = fs::read_symlink("/proc/self/exe").parent_path();
  const auto name = "hostile-template-" + std::to_string(binary.st_mtim.tv_sec) + "." +
                    std::to_string(binary.st_mtim.tv_nsec) + "-" + std::to_string(binary.st_size) + "-v" +
                    std::to_string(template_recipe) + ".db";
  const auto path = folder / name;
  if (fs::exists(path)) {
    return path;
  }
  TempDir work;
  Cli cli(work / "c.db");
  for (const auto& command : template_recipe_commands) {
    const auto output = cli.run(command);
    if (output.status != 0) {
      throw std::runtime_error("making the template: " + joined(command) + ": " + output.err);
    }
  }
  sqlite(work / "c.db", "PRAGMA wal_checkpoint(TRUNCATE)");
  const auto partial = folder / (name + "." + std::to_string(getpid()));
  fs::copy_file(work / "c.db", partial, fs::copy_options::overwrite_existing);
  fs::rename(partial, path); // atomic: a parallel process sees all of it or none
  return path;
}

inline const fs::path& template_catalogue()
{
  static const fs::path path = make_template();
  return path;
}

// What a made entry was before the run, to prove a refused command left it.
struct EntryState
{
  bool exists = false;
  mode_t type = 0;
  ino_t inode = 0;
  std::string link_target;
  std::string content;

  bool operator==(const EntryState&) const = default;
};

inline EntryState state_of(const fs::path& path, bool read_content)
{
  EntryState state;
  struct stat info = {};
  if (lstat(path.c_str(), &info) != 0) {
    return state;
  }
  state.exists = true;
  state.type = info.st_mode & S_IFMT;
  state.inode = info.st_ino;
  if (S_ISLNK(info.st_mode)) {
    state.link_target = fs::read_symlink(path).string();
  } else if (S_ISREG(info.st_mode) && read_content) {
    state.content = read_file(path);
  }
  return state;
}

inline fs::path in_dir(const std::string& name, const CaseContext& context)
{
  const fs::path path = expand(name, context);
  return path.is_absolute() ? path : fs::path(context.dir) / path;
}

// Makes ENTRY in the case folder; false (with REASON) when the system does
// not allow it (a device node in a container without CAP_MKNOD).
inline bool make_entry(const MadeEntry& entry, const CaseContext& context, std::string& reason)
{
  const auto path = in_dir(entry.name, context);
  if (entry.kind == "fifo") {
    return mkfifo(path.c_str(), 0644) == 0;
  }
  if (entry.kind == "empty") {
    const auto mode =
      entry.argument.empty() ? 0644u : static_cast<unsigned>(std::stoul(entry.argument, nullptr, 8));
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY, mode);
    if (fd < 0) {
      return false;
    }
    fchmod(fd, mode);
    ::close(fd);
    return true;
  }
  if (entry.kind == "dir") {
    return fs::create_directories(path);
  }
  if (entry.kind == "link") {
    return symlink(expand(entry.argument, context).c_str(), path.c_str()) == 0;
  }
  if (entry.kind == "hardlink") {
    return link(in_dir(entry.argument, context).c_str(), path.c_str()) == 0;
  }
  if (entry.kind == "file") {
    write_file(path, expand(entry.argument, context));
    return true;
  }
  if (entry.kind == "device") {
    if (mknod(path.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
      reason = "cannot make a device node here (" + std::string(std::strerror(errno)) + ")";
      return false;
    }
    return true;
  }
  reason = "unknown make: kind '" + entry.kind + "'";
  return false;
}

// Every rule that holds for any outcome, as messages for what broke.
inline std::vector<std::string> stderr_problems(const std::string& err, bool failed, bool per_row)
{
  std::vector<std::string> problems;
  if (err.size() > stderr_limit) {
    problems.push_back("stderr has " + std::to_string(err.size()) + " bytes (limit " +
                       std::to_string(stderr_limit) + ")");
  }
  if (!is_utf8(err)) {
    problems.push_back("stderr is not valid UTF-8");
  }
  if (const auto control = raw_control_in(err)) {
    problems.push_back("stderr has a raw control character, " + *control);
  }
  if (err.find("json.exception") != std::string::npos) {
    problems.push_back("stderr shows the JSON library's exception text");
  }
  const auto lines = lines_of(err);
  for (const auto& line : lines) {
    if (line.ends_with("integer overflow")) {
      problems.push_back("stderr shows SQLite's bare 'integer overflow'");
    }
    const std::string prefix = failed ? "vendorcat: error: " : "vendorcat: ";
    if (!line.starts_with(prefix)) {
      problems.push_back("a stderr line does not start with '" + prefix + "': " + visible(line, 200));
      break;
    }
  }
  if (failed && !per_row && lines.size() != 1) {
    problems.push_back("expected exactly one line on stderr, got " + std::to_string(lines.size()));
  }
  if (failed && per_row && lines.empty()) {
    problems.push_back("expected error lines on stderr, got none");
  }
  if (!err.empty() && err.back() != '\n') {
    problems.push_back("stderr does not end with a line feed");
  }
  return problems;
}

inline std::string lower(std::string text)
{
  for (auto& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

} // namespace vendorcat::test
