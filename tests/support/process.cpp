// fork/execve with pipes polled against a deadline. The environment is built
// in the parent so the child only calls async-signal-safe functions between
// fork and exec.

#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>

extern char** environ;

namespace vendorcat::test {

namespace {

std::vector<std::string> child_environment(const RunOptions& options)
{
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    env.emplace_back(*entry);
  }
  for (const auto& [name, value] : options.env) {
    const auto prefix = name + "=";
    std::erase_if(env, [&](const std::string& entry) { return entry.starts_with(prefix); });
    if (value) {
      env.push_back(prefix + *value);
    }
  }
  return env;
}

std::vector<char*> pointers_to(const std::vector<std::string>& strings)
{
  std::vector<char*> result;
  for (const auto& s : strings) {
    result.push_back(const_cast<char*>(s.c_str()));
  }
  result.push_back(nullptr);
  return result;
}

std::vector<std::string> with_program(const std::string& program, const std::vector<std::string>& args)
{
  std::vector<std::string> argv{program};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

} // namespace

int exit_status_of(int wait_status)
{
  return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

TimedOutput run_with(const std::string& program, const std::vector<std::string>& args,
                     const RunOptions& options)
{
  // A child that exits without reading its input must not kill the test.
  std::signal(SIGPIPE, SIG_IGN);
  const auto env = child_environment(options);
  const auto argv = with_program(program, args);
  auto envp = pointers_to(env);
  auto argvp = pointers_to(argv);

  int in_pipe[2];
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  const pid_t pid = fork();
  if (pid < 0) {
    throw std::runtime_error("fork failed");
  }
  if (pid == 0) {
    std::signal(SIGPIPE, SIG_DFL);
    if (options.file_size_limit) {
      const rlimit limit{*options.file_size_limit, *options.file_size_limit};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    execve(program.c_str(), argvp.data(), envp.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);

  TimedOutput output;
  int in_fd = in_pipe[1];
  if (options.input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  std::array<pollfd, 3> fds{pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0},
                            pollfd{in_fd, POLLOUT, 0}};
  std::array<char, 65536> buffer{};
  std::size_t written = 0;
  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      output.timed_out = true;
      kill(pid, SIGKILL);
      break;
    }
    poll(fds.data(), fds.size(), static_cast<int>(std::min<long long>(left.count(), 1000)));
    for (std::size_t i = 0; i < 2; ++i) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
        const auto n = read(fds[i].fd, buffer.data(), buffer.size());
        if (n <= 0) {
          close(fds[i].fd);
          fds[i].fd = -1;
        } else {
          (i == 0 ? output.out : output.err).append(buffer.data(), static_cast<std::size_t>(n));
        }
      }
    }
    if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
      const auto n = write(fds[2].fd, options.input.data() + written, options.input.size() - written);
      written += n > 0 ? static_cast<std::size_t>(n) : options.input.size();
      if (written >= options.input.size()) {
        close(fds[2].fd);
        fds[2].fd = -1;
      }
    }
  }
  for (const auto& fd : fds) {
    if (fd.fd >= 0) {
      close(fd.fd);
    }
  }
  int status = 0;
  waitpid(pid, &status, 0);
  output.status = exit_status_of(status);
  return output;
}

Background::Background(const std::string& program, const std::vector<std::string>& args)
{
  const auto argv = with_program(program, args);
  auto argvp = pointers_to(argv);
  m_pid = fork();
  if (m_pid < 0) {
    throw std::runtime_error("fork failed");
  }
  if (m_pid == 0) {
    const int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    execv(program.c_str(), argvp.data());
    _exit(127);
  }
}

Background::~Background()
{
  if (!m_status) {
    kill_and_wait();
  }
}

bool Background::finished()
{
  if (m_status) {
    return true;
  }
  int status = 0;
  if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
    m_status = exit_status_of(status);
    return true;
  }
  return false;
}

int Background::kill_and_wait()
{
  if (!m_status) {
    kill(m_pid, SIGKILL);
  }
  return wait();
}

int Background::wait()
{
  if (!m_status) {
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_status = exit_status_of(status);
  }
  return *m_status;
}

} // namespace vendorcat::test
