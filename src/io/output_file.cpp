// OutputFile (see output_file.hpp): the temporary file is made by mkstemp in
// the target's own folder, so the final rename is atomic on the same file
// system, and written through a small stream buffer over the descriptor that
// keeps the system's error (EFBIG, ENOSPC) for the message. The catalogue is
// recognised by path and by inode, so neither a symbolic link nor a hard
// link to it can be written over.

#include "io/output_file.hpp"

#include "domain/errors.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <streambuf>
#include <sys/stat.h>

namespace vendorcat::io {

// A stream buffer writing to a file descriptor; remembers the first error.
class OutputFile::Buffer : public std::streambuf
{
public:
  explicit Buffer(int fd) : m_fd(fd) { setp(m_data.data(), m_data.data() + m_data.size()); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer() override { close(); }

  int fd() const { return m_fd; }
  int error() const { return m_error; }

  // Writes what is buffered; false (error() set) when it cannot.
  bool drain()
  {
    const char* data = pbase();
    auto size = static_cast<std::size_t>(pptr() - pbase());
    while (size > 0 && m_error == 0) {
      const ssize_t written = ::write(m_fd, data, size);
      if (written < 0) {
        if (errno != EINTR) {
          m_error = errno;
        }
        continue;
      }
      data += written;
      size -= static_cast<std::size_t>(written);
    }
    setp(m_data.data(), m_data.data() + m_data.size());
    return m_error == 0;
  }

  // Closes the descriptor; false (error() set) when closing reports an error.
  bool close()
  {
    if (m_fd >= 0) {
      if (::close(m_fd) != 0 && m_error == 0) {
        m_error = errno;
      }
      m_fd = -1;
    }
    return m_error == 0;
  }

  void fail(int error)
  {
    if (m_error == 0) {
      m_error = error;
    }
  }

protected:
  int_type overflow(int_type c) override
  {
    if (!drain()) {
      return traits_type::eof();
    }
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  int sync() override { return drain() ? 0 : -1; }

private:
  int m_fd;
  int m_error = 0;
  std::array<char, 64 * 1024> m_data{};
};

namespace {

std::filesystem::path resolved(const std::filesystem::path& path)
{
  std::error_code error;
  auto result = std::filesystem::weakly_canonical(std::filesystem::absolute(path), error);
  return error ? std::filesystem::absolute(path) : result;
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b)
{
  struct stat first
  {
  };
  struct stat second
  {
  };
  return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 && first.st_dev == second.st_dev &&
         first.st_ino == second.st_ino;
}

mode_t umask_mode()
{
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

[[noreturn]] void fail_write(const std::filesystem::path& shown, int error)
{
  throw IoError(fmt::format("cannot write '{}': {}", shown.string(), std::strerror(error)));
}

} // namespace

OutputFile::OutputFile(const std::filesystem::path& path,
                       const std::vector<std::filesystem::path>& protected_files, const OutputPolicy& policy)
  : m_target(resolved(path)), m_shown(path)
{
  struct stat link
  {
  };
  if (policy.links == Links::refuse && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    throw UsageError(
      fmt::format("'{}' is a symbolic link, not a regular file: give the file itself", path.string()));
  }
  for (const auto& file : protected_files) {
    if (resolved(file) == m_target || same_file(file, m_target)) {
      throw UsageError(
        fmt::format("'{}' is the catalogue's own file: write the output somewhere else", path.string()));
    }
  }
  struct stat info
  {
  };
  const bool exists = ::stat(m_target.c_str(), &info) == 0;
  mode_t mode = policy.mode == FileMode::owner_only ? 0600 : umask_mode();
  if (exists) {
    if (S_ISDIR(info.st_mode)) {
      throw UsageError(fmt::format("'{}' is a folder, not a regular file: give a file name", path.string()));
    }
    if (!S_ISREG(info.st_mode)) {
      if (policy.non_regular == NonRegular::refuse) {
        throw UsageError(fmt::format("'{}' is not a regular file (a device, FIFO or socket): only a regular "
                                     "file may be replaced",
                                     path.string()));
      }
      const int fd = ::open(m_target.c_str(), O_WRONLY | O_CLOEXEC);
      if (fd < 0) {
        fail_write(m_shown, errno);
      }
      m_buffer = std::make_unique<Buffer>(fd);
      m_stream = std::make_unique<std::ostream>(m_buffer.get());
      return;
    }
    if (policy.replace == Replace::no) {
      throw UsageError(
        fmt::format("'{}' already exists: choose another file or pass --force", path.string()));
    }
    if (policy.mode == FileMode::user_umask) {
      mode = info.st_mode & 07777;
    }
  }
  std::string name = m_target.filename().string();
  name.insert(0, 1, '.');
  name.append(".vendorcat-XXXXXX");
  std::string pattern = (m_target.parent_path() / name).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    fail_write(m_shown, errno);
  }
  m_temporary = pattern;
  m_buffer = std::make_unique<Buffer>(fd);
  m_stream = std::make_unique<std::ostream>(m_buffer.get());
  if (::fchmod(fd, mode) != 0) {
    m_buffer->fail(errno);
  }
}

OutputFile::~OutputFile()
{
  m_stream.reset();
  m_buffer.reset();
  if (!m_committed && !m_temporary.empty()) {
    ::unlink(m_temporary.c_str());
  }
}

std::ostream& OutputFile::stream()
{
  return *m_stream;
}

void OutputFile::write(const std::function<void(std::ostream&)>& content)
{
  try {
    content(*m_stream);
  } catch (const IoError&) {
    if (m_buffer->error() != 0) {
      fail_write(m_shown, m_buffer->error());
    }
    throw;
  }
}

void OutputFile::commit()
{
  m_stream->flush();
  if (!m_buffer->drain()) {
    fail_write(m_shown, m_buffer->error());
  }
  if (!m_temporary.empty() && ::fsync(m_buffer->fd()) != 0) {
    fail_write(m_shown, errno);
  }
  if (!m_buffer->close()) {
    fail_write(m_shown, m_buffer->error());
  }
  if (!m_temporary.empty()) {
    if (::rename(m_temporary.c_str(), m_target.c_str()) != 0) {
      fail_write(m_shown, errno);
    }
    // Make the rename itself durable; a folder that cannot be synced is no
    // reason to fail a write that has happened.
    const int folder = ::open(m_target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder >= 0) {
      ::fsync(folder);
      ::close(folder);
    }
  }
  m_committed = true;
}

std::vector<std::filesystem::path> catalogue_files(const std::filesystem::path& path)
{
  const auto name = path.string();
  return {path, name + "-wal", name + "-shm", name + "-journal"};
}

} // namespace vendorcat::io
