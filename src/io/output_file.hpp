#pragma once

// Output files written whole or not at all. The content goes to a temporary
// file beside the target, which is flushed to disk and renamed over the
// target only on commit(); a failure (a full disk, a file size limit, an
// error half-way) removes it and leaves any old file as it was. Writing onto
// the catalogue itself, through any link, is refused.

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace vendorcat::io {

// Whether an existing file may be replaced.
enum class Replace
{
  no, // refused: UsageError naming --force
  yes,
};

// What an existing target that is not a regular file (a FIFO, a device such
// as /dev/stdout) gets.
enum class NonRegular
{
  refuse,        // UsageError: only a regular file may be replaced
  write_through, // written in place, as a shell redirection would
};

// What a target that is a symbolic link gets.
enum class Links
{
  follow, // the file it points to is written (the link stays)
  refuse, // UsageError: a copy of the catalogue goes to the file named
};

// The new file's mode.
enum class FileMode
{
  user_umask, // 0666 less the umask, as other tools' output (an existing file's mode is kept)
  owner_only, // 0600 (a catalogue copy)
};

struct OutputPolicy
{
  Replace replace = Replace::no;
  NonRegular non_regular = NonRegular::refuse;
  FileMode mode = FileMode::user_umask;
  Links links = Links::follow;
};

class OutputFile
{
public:
  // Prepares to write PATH, its symbolic links resolved. Throws UsageError
  // when PATH is (a link to, or another name of) one of PROTECTED, when it
  // exists and POLICY does not allow replacing it, or names a folder; IoError
  // when the temporary file cannot be made.
  OutputFile(const std::filesystem::path& path, const std::vector<std::filesystem::path>& protected_files,
             const OutputPolicy& policy);
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile(); // removes the temporary file unless committed

  // The stream to write the content to.
  std::ostream& stream();

  // Calls CONTENT with the stream; when it fails because the stream failed,
  // throws IoError "cannot write 'PATH': REASON" with the system's reason.
  void write(const std::function<void(std::ostream&)>& content);

  // The temporary file's path, for writers that need a name (SQLite's
  // backup); empty when writing through to a FIFO or device.
  const std::filesystem::path& temporary_path() const { return m_temporary; }

  // Flushes, syncs and renames the temporary file over the target. Throws
  // IoError "cannot write 'PATH': REASON" (then nothing has changed).
  void commit();

private:
  class Buffer;

  std::filesystem::path m_target;    // links resolved
  std::filesystem::path m_shown;     // as given, for messages
  std::filesystem::path m_temporary; // empty when writing through
  std::unique_ptr<Buffer> m_buffer;
  std::unique_ptr<std::ostream> m_stream;
  bool m_committed = false;
};

// The files of the catalogue at PATH that no output may replace: the file
// and its -wal, -shm and -journal companions.
std::vector<std::filesystem::path> catalogue_files(const std::filesystem::path& path);

} // namespace vendorcat::io
