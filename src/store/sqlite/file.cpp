// The catalogue file's policy (see catalogue_file.hpp). Modes are set with
// chmod after creation because open() and mkdir() only ever take bits away
// through the umask: 0600 and 0700 are then exact, never looser or tighter.

#include "store/sqlite/file.hpp"

#include "domain/errors.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <vector>

namespace vendorcat::store::sqlite {

namespace {

std::filesystem::path folder_of(const std::filesystem::path& path)
{
  return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

std::string system_error()
{
  return std::strerror(errno);
}

} // namespace

FileState inspect_catalogue_file(const std::filesystem::path& path)
{
  struct stat info
  {
  };
  if (::stat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) {
      return FileState::missing;
    }
    if (errno == ENOTDIR) {
      throw UsageError(
        fmt::format("catalogue '{}': a part of that path is a file, not a folder", path.string()));
    }
    throw IoError(fmt::format("cannot look at catalogue '{}': {}", path.string(), system_error()));
  }
  if (S_ISDIR(info.st_mode)) {
    throw UsageError(fmt::format("catalogue '{}' is a folder: give a file inside it, e.g. '{}'",
                                 path.string(), (path / "catalogue.db").string()));
  }
  if (!S_ISREG(info.st_mode)) {
    throw UsageError(fmt::format(
      "catalogue '{}' is not a regular file (a device, FIFO or socket): give a file", path.string()));
  }
  return info.st_size == 0 ? FileState::empty : FileState::file;
}

void create_private_file(const std::filesystem::path& path)
{
  // The missing folders, outermost first.
  std::vector<std::filesystem::path> missing;
  for (auto folder = folder_of(path); !folder.empty() && !std::filesystem::exists(folder);
       folder = folder.parent_path()) {
    missing.push_back(folder);
    if (!folder.has_parent_path() || folder.parent_path() == folder) {
      break;
    }
  }
  for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
    if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST) {
      throw IoError(fmt::format("cannot create folder '{}': {}", it->string(), system_error()));
    }
    ::chmod(it->c_str(), 0700);
  }
  const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    if (errno == EEXIST) {
      return; // made by another process meanwhile: SQLite checks it
    }
    throw IoError(fmt::format("cannot create catalogue '{}': {}", path.string(), system_error()));
  }
  const bool private_mode = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!private_mode) {
    throw IoError(fmt::format("cannot make catalogue '{}' private: {}", path.string(), system_error()));
  }
}

void make_private(const std::filesystem::path& path)
{
  if (::chmod(path.c_str(), 0600) != 0) {
    throw IoError(fmt::format("cannot make catalogue '{}' private: {}", path.string(), system_error()));
  }
}

bool can_write_catalogue(const std::filesystem::path& path)
{
  return ::access(path.c_str(), W_OK) == 0 && ::access(folder_of(path).c_str(), W_OK | X_OK) == 0;
}

bool has_write_ahead_log(const std::filesystem::path& path)
{
  struct stat info
  {
  };
  return ::stat((path.string() + "-wal").c_str(), &info) == 0 && info.st_size > 0;
}

} // namespace vendorcat::store::sqlite
