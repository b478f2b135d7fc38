// The hostile corpus: every tests/data/hostile/*.case is one test. Each runs
// the real binary on a fresh copy of a small seeded catalogue and asserts the
// contract's two outcomes: exit 0 with the value stored verbatim, or exit 2
// (1 where a case allows it) with one `vendorcat: error: ` line (one per bad
// row and a summary for an import) and a catalogue whose dump has not changed.
// Whatever the outcome, stderr stays short, valid UTF-8, free of raw terminal
// controls and of library text.

#include "support/hostile_runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace vendorcat::test;

namespace {

namespace fs = std::filesystem;

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
