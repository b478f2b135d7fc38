#pragma once

// One case of the hostile corpus (tests/data/hostile/*.case): what to set up,
// the command to run and what must come out. The format is described in
// tests/data/hostile/README.md. Values keep their escapes and placeholders
// until expand() turns them into bytes for one run.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::test {

// A file system object a case makes in its folder before the run (`make:`).
struct MadeEntry
{
  std::string kind;     // fifo, empty, dir, link, hardlink, file, device
  std::string name;     // relative to the case folder
  std::string argument; // the link's target, the file's content, the empty file's mode
};

// A data file the case writes in its folder (`file:` then `line:`/`text:`).
struct DataFile
{
  std::string name;
  std::string content; // raw: escapes and placeholders still in
};

struct SqlCheck
{
  std::string db; // raw; empty for the seeded catalogue
  std::string sql;
  std::string expected;
  int line = 0;
};

struct ModeCheck
{
  std::string name;
  unsigned mode = 0;
};

struct CaseSpec
{
  std::string name;    // the file name without `.case`
  std::string summary; // the first comment line
  std::vector<MadeEntry> make;
  std::vector<DataFile> files;
  std::vector<std::vector<std::string>> before; // vendorcat commands run first
  std::vector<std::string> before_sql;
  std::vector<std::pair<std::string, std::optional<std::string>>> env;
  std::vector<std::string> args;
  std::optional<std::string> stdin_file;
  std::vector<int> exit_statuses;
  std::vector<std::string> stderr_contains;
  std::vector<std::string> stdout_contains;
  std::vector<std::string> stdout_lacks;
  std::vector<SqlCheck> sql;
  std::vector<ModeCheck> modes;
  std::vector<std::string> absent;
  bool unchanged = false; // also for exit 0: the dump must not change
  int timeout_seconds = 30;
};

// Reads the case file at PATH; throws std::runtime_error naming the file and
// line of a directive it does not know or a value it cannot read.
CaseSpec read_case(const std::filesystem::path& path);

// The paths a run substitutes for `{dir}` and `{db}`.
struct CaseContext
{
  std::string dir;
  std::string db;
};

// RAW with `{dir}`, `{db}` and `{repeat:N:TEXT}` substituted, then its C-style
// escapes (\\ \n \r \t \e \a \0 \s \xHH) turned into bytes.
std::string expand(const std::string& raw, const CaseContext& context);

// True when TEXT is well-formed UTF-8 (no overlong forms, surrogates or code
// points past U+10FFFF).
bool is_utf8(const std::string& text);

// The first character of TEXT that must never reach a terminal raw: a C0 or
// C1 control other than a line feed, DEL, or a bidirectional override or
// isolate (U+202A-U+202E, U+2066-U+2069), described as `U+XXXX at byte N`;
// nullopt when there is none. TEXT is read as UTF-8 where it is well formed.
std::optional<std::string> raw_control_in(const std::string& text);

} // namespace vendorcat::test
