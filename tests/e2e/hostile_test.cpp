// The hostile corpus: every tests/data/hostile/*.case is one test. Each runs
// the real binary on a fresh copy of a small seeded catalogue and asserts the
// contract's two outcomes: exit 0 with the value stored verbatim, or exit 2
// (1 where a case allows it) with one `vendorcat: error: ` line (one per bad
// row and a summary for an import) and a catalogue whose dump has not changed.
// Whatever the outcome, stderr stays short, valid UTF-8, free of raw terminal
// controls and of library text.

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

using namespace vendorcat::test;

namespace {

namespace fs = std::filesystem;

constexpr std::size_t stderr_limit = 64 * 1024;
// Bump when the template's recipe changes, so a cached copy is not reused.
constexpr int template_recipe = 1;

const fs::path corpus_dir = fs::path(VENDORCAT_SOURCE_DIR) / "tests" / "data" / "hostile";

std::vector<fs::path> case_files()
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
std::string visible(const std::string& text, std::size_t cap = 2000)
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

std::string joined(const std::vector<std::string>& args)
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

std::string without_trailing_newlines(std::string text)
{
  while (!text.empty() && text.back() == '\n') {
    text.pop_back();
  }
  return text;
}

TimedOutput sqlite(const fs::path& db, const std::string& sql)
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
fs::path make_template()
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

const fs::path& template_catalogue()
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

EntryState state_of(const fs::path& path, bool read_content)
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

fs::path in_dir(const std::string& name, const CaseContext& context)
{
  const fs::path path = expand(name, context);
  return path.is_absolute() ? path : fs::path(context.dir) / path;
}

// Makes ENTRY in the case folder; false (with REASON) when the system does
// not allow it (a device node in a container without CAP_MKNOD).
bool make_entry(const MadeEntry& entry, const CaseContext& context, std::string& reason)
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
std::vector<std::string> stderr_problems(const std::string& err, bool failed, bool per_row)
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

std::string lower(std::string text)
{
  for (auto& c : text) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return text;
}

class HostileCase : public ::testing::TestWithParam<fs::path>
{
};

} // namespace

TEST_P(HostileCase, Run)
{
  const CaseSpec spec = read_case(GetParam());
  SCOPED_TRACE(spec.name + ": " + spec.summary);
  TempDir dir;
  const CaseContext context{dir.path().string(), (dir / "c.db").string()};
  fs::copy_file(template_catalogue(), context.db);
  fs::permissions(context.db, fs::perms::owner_read | fs::perms::owner_write);
  fs::create_directories(dir / "home");

  std::string reason;
  for (const auto& entry : spec.make) {
    if (!make_entry(entry, context, reason)) {
      if (entry.kind == "device") {
        GTEST_SKIP() << reason;
      }
      FAIL() << "cannot make " << entry.kind << " " << entry.name << ": " << reason << " "
             << std::strerror(errno);
    }
  }
  for (const auto& file : spec.files) {
    write_file(in_dir(file.name, context), expand(file.content, context));
  }

  RunOptions options;
  options.env = {{"HOME", (dir / "home").string()},
                 {"XDG_DATA_HOME", (dir / "xdg").string()},
                 {"VENDORCAT_DB", context.db},
                 {"NO_COLOR", "1"},
                 {"COLUMNS", std::nullopt}};
  for (const auto& [name, value] : spec.env) {
    options.env.emplace_back(name, value ? std::optional(expand(*value, context)) : std::nullopt);
  }
  options.timeout = std::chrono::seconds(spec.timeout_seconds);

  for (const auto& sql : spec.before_sql) {
    const auto output = sqlite(context.db, expand(sql, context));
    ASSERT_EQ(output.status, 0) << "before-sql: " << output.err;
  }
  for (const auto& words : spec.before) {
    std::vector<std::string> args;
    for (const auto& word : words) {
      args.push_back(expand(word, context));
    }
    const auto output = run_with(VENDORCAT_BIN, args, options);
    ASSERT_EQ(output.status, 0) << "before: " << joined(args) << ": " << visible(output.err);
  }
  if (spec.stdin_file) {
    options.input = read_file(in_dir(*spec.stdin_file, context));
  }

  // The snapshot: the catalogue's dump, what the case made, what must not appear.
  const auto dump_before = dump_of(context.db);
  std::map<std::string, EntryState> made_before;
  for (const auto& entry : spec.make) {
    made_before[entry.name] = state_of(in_dir(entry.name, context), entry.kind != "hardlink");
  }
  std::vector<fs::path> absent;
  for (const auto& name : spec.absent) {
    const auto path = in_dir(name, context);
    if (fs::exists(fs::symlink_status(path))) {
      if (fs::path(expand(name, context)).is_absolute()) {
        GTEST_SKIP() << path << " exists before the run, so this case cannot tell who made it";
      }
      FAIL() << "absent: " << path << " exists before the run";
    }
    absent.push_back(path);
  }

  std::vector<std::string> args;
  for (const auto& arg : spec.args) {
    args.push_back(expand(arg, context));
  }
  const auto output = run_with(VENDORCAT_BIN, args, options);
  const auto trace = "vendorcat " + joined(args) + "\nexit " + std::to_string(output.status) + "\nstderr:\n" +
                     visible(output.err) + "\nstdout:\n" + visible(output.out);
  SCOPED_TRACE(trace);
  if (std::getenv("VENDORCAT_HOSTILE_VERBOSE") != nullptr) {
    std::cout << trace << '\n';
  }

  // Whatever happened, nothing the case listed as absent may appear; remove
  // what this run made outside the case folder (e.g. /dev/null-journal).
  for (const auto& path : absent) {
    const auto status = fs::symlink_status(path);
    EXPECT_FALSE(fs::exists(status)) << path << " was created";
    if (fs::is_regular_file(status) && !path.string().starts_with(context.dir)) {
      fs::remove(path);
    }
  }

  ASSERT_FALSE(output.timed_out) << "killed after " << spec.timeout_seconds << " s";
  std::string allowed;
  for (const int status : spec.exit_statuses) {
    allowed += (allowed.empty() ? "" : " or ") + std::to_string(status);
  }
  EXPECT_TRUE(std::find(spec.exit_statuses.begin(), spec.exit_statuses.end(), output.status) !=
              spec.exit_statuses.end())
    << "exit status " << output.status << ", expected " << allowed;
  const bool failed = output.status != 0;
  const bool failure_expected =
    std::find(spec.exit_statuses.begin(), spec.exit_statuses.end(), 0) == spec.exit_statuses.end();
  const bool per_row = std::find(args.begin(), args.end(), "import") != args.end();
  for (const auto& problem : stderr_problems(output.err, failed, per_row)) {
    ADD_FAILURE() << problem;
  }
  for (const auto& phrase : spec.stderr_contains) {
    EXPECT_TRUE(lower(output.err).find(lower(expand(phrase, context))) != std::string::npos)
      << "stderr lacks '" << phrase << "'";
  }
  for (const auto& text : spec.stdout_contains) {
    EXPECT_TRUE(output.out.find(expand(text, context)) != std::string::npos)
      << "stdout lacks '" << text << "'";
  }
  for (const auto& text : spec.stdout_lacks) {
    EXPECT_TRUE(output.out.find(expand(text, context)) == std::string::npos) << "stdout has '" << text << "'";
  }

  if (failed || failure_expected || spec.unchanged) {
    const auto dump_after = dump_of(context.db);
    EXPECT_TRUE(dump_after == dump_before) << "the catalogue's dump changed";
    for (const auto& entry : spec.make) {
      EXPECT_TRUE(state_of(in_dir(entry.name, context), entry.kind != "hardlink") == made_before[entry.name])
        << entry.kind << " " << entry.name << " was changed or replaced";
    }
  }
  for (const auto& check : spec.sql) {
    const auto db = check.db.empty() ? fs::path(context.db) : in_dir(check.db, context);
    const auto result = sqlite(db, expand(check.sql, context));
    EXPECT_EQ(visible(without_trailing_newlines(result.out)), visible(expand(check.expected, context)))
      << "line " << check.line << ": " << check.sql << "\n"
      << result.err;
  }
  for (const auto& check : spec.modes) {
    struct stat info = {};
    const auto path = in_dir(check.name, context);
    ASSERT_EQ(stat(path.c_str(), &info), 0) << path;
    EXPECT_EQ(info.st_mode & 07777, check.mode) << path << std::oct << " has mode " << (info.st_mode & 07777);
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, HostileCase, ::testing::ValuesIn(case_files()),
                         [](const ::testing::TestParamInfo<fs::path>& param) {
                           auto name = param.param.stem().string();
                           std::replace_if(
                             name.begin(), name.end(),
                             [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); }, '_');
                           return name;
                         });

TEST(HostileCorpus, HasEnoughCases)
{
  EXPECT_GE(case_files().size(), 70u) << corpus_dir;
}

TEST(HostileCorpus, EveryCaseReads)
{
  for (const auto& path : case_files()) {
    EXPECT_NO_THROW(read_case(path)) << path;
  }
}
