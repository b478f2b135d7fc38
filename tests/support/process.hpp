#pragma once

// Running programs with a changed environment, a time limit, or in the
// background to be killed at a chosen moment: what the hostile corpus and the
// fault tests need beyond run_program().

#include "support/run_binary.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace vendorcat::test {

struct RunOptions
{
  // NAME and VALUE to set in the child's environment, or NAME and nullopt to
  // remove NAME; applied in order over this process's environment.
  std::vector<std::pair<std::string, std::optional<std::string>>> env;
  // Fed on stdin (stdin is closed at once when empty).
  std::string input;
  // The child is killed with SIGKILL when it runs longer.
  std::chrono::milliseconds timeout = std::chrono::seconds(60);
  // RLIMIT_FSIZE in bytes for the child (as `ulimit -f` sets it): a write
  // past it fails with EFBIG, after SIGXFSZ unless the child ignores that.
  std::optional<std::uint64_t> file_size_limit;
};

struct TimedOutput : Output
{
  bool timed_out = false;
};

// Runs PROGRAM with ARGS as OPTIONS say and returns its exit status (128 +
// signal when killed) and both outputs.
TimedOutput run_with(const std::string& program, const std::vector<std::string>& args,
                     const RunOptions& options);

// A program running in the background with stdin, stdout and stderr on
// /dev/null, for tests that kill it part way. The destructor kills and reaps
// it if it is still running.
class Background
{
public:
  Background(const std::string& program, const std::vector<std::string>& args);
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  ~Background();

  pid_t pid() const { return m_pid; }

  // True once the program has ended (and then reaps it).
  bool finished();

  // Sends SIGKILL (unless it has ended) and returns the exit status as
  // run_program() counts it.
  int kill_and_wait();

  // Waits for the end and returns the exit status.
  int wait();

private:
  pid_t m_pid = -1;
  std::optional<int> m_status;
};

// The exit status of a wait() status word: the code, or 128 + signal.
int exit_status_of(int wait_status);

} // namespace vendorcat::test
