#include "support/run_binary.hpp"

#include "support/server_database.hpp"

#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <array>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

#ifndef VENDORCAT_BIN
#define VENDORCAT_BIN "vendorcat"
#endif

namespace vendorcat::test {

std::vector<std::string> lines_of(const std::string& text)
{
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

Output run_program(const std::string& program, const std::vector<std::string>& args, const std::string& input)
{
  int in_pipe[2];
  int out_pipe[2];
  int err_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    throw std::runtime_error("pipe failed");
  }
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
      close(fd);
    }
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& arg : args) {
      argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);

  Output output;
  std::size_t written = 0;
  int in_fd = in_pipe[1];
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  std::array<pollfd, 3> fds{pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0},
                            pollfd{in_fd, POLLOUT, 0}};
  std::array<char, 65536> buffer{};
  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    poll(fds.data(), fds.size(), -1);
    for (std::size_t i = 0; i < 2; ++i) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP))) {
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
      const auto n = write(fds[2].fd, input.data() + written, input.size() - written);
      written += n > 0 ? static_cast<std::size_t>(n) : input.size();
      if (written >= input.size()) {
        close(fds[2].fd);
        fds[2].fd = -1;
      }
    }
  }
  if (fds[2].fd >= 0) {
    close(fds[2].fd);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  output.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return output;
}

Cli::Cli(std::filesystem::path db) : Cli(std::move(db), on_postgresql()) {}

Cli::Cli(std::filesystem::path db, bool server) : m_db(std::move(db))
{
  if (server) {
    m_server = std::make_shared<ServerDatabase>();
    m_uri = m_server->uri();
  }
}

Cli Cli::server(std::string uri)
{
  Cli cli("", false);
  cli.m_uri = std::move(uri);
  return cli;
}

Cli Cli::file(std::filesystem::path db)
{
  return Cli(std::move(db), false);
}

std::string Cli::schema_version() const
{
  return sql(on_server() ? "SELECT version FROM vendorcat_schema" : "PRAGMA user_version");
}

void Cli::set_schema_version(int version) const
{
  sql(on_server() ? "UPDATE vendorcat_schema SET version = " + std::to_string(version)
                  : "PRAGMA user_version = " + std::to_string(version));
}

std::string Cli::target() const
{
  return on_server() ? m_uri : m_db.string();
}

Output Cli::run(const std::vector<std::string>& args, const std::string& input) const
{
  std::vector<std::string> full{"--db", target()};
  full.insert(full.end(), args.begin(), args.end());
  return run_program(VENDORCAT_BIN, full, input);
}

nlohmann::ordered_json Cli::json(std::vector<std::string> args) const
{
  args.insert(args.end(), {"--format", "json"});
  const auto output = run(args);
  EXPECT_EQ(output.status, 0) << output.err;
  return nlohmann::ordered_json::parse(output.out.empty() ? "null" : output.out);
}

std::string Cli::ok(const std::vector<std::string>& args, const std::string& input) const
{
  const auto output = run(args, input);
  EXPECT_EQ(output.status, 0) << output.err;
  return output.out;
}

long long Cli::count(const std::string& table) const
{
  return std::stoll(sql("SELECT count(*) FROM " + table));
}

std::string Cli::sql(const std::string& sql) const
{
  if (on_server()) {
    Output output;
    output.out = run_server_sql(m_uri, sql, output.status, output.err);
    EXPECT_EQ(output.status, 0) << output.err;
    while (!output.out.empty() && output.out.back() == '\n') {
      output.out.pop_back();
    }
    return output.out;
  }
  auto output = run_program("/usr/bin/sqlite3", {m_db.string(), sql});
  EXPECT_EQ(output.status, 0) << output.err;
  while (!output.out.empty() && output.out.back() == '\n') {
    output.out.pop_back();
  }
  return output.out;
}

} // namespace vendorcat::test
