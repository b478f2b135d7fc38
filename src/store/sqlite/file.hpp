#pragma once

// The catalogue file before SQLite opens it: what is at its path, creating it
// privately, and whether this process may write it. Kept apart from the
// connection so that the file policy is one short, testable piece.

#include <filesystem>

namespace vendorcat::store::sqlite {

enum class FileState
{
  missing,
  empty, // a regular file of zero bytes
  file,  // a regular file with content
};

// What is at PATH, following symbolic links. Throws UsageError when it is
// anything but a regular file (a folder, a device, a FIFO, a socket), and
// IoError when it cannot be looked at.
FileState inspect_catalogue_file(const std::filesystem::path& path);

// Creates PATH empty with mode 0600, and each missing folder above it with
// mode 0700, whatever the umask. Throws IoError naming what could not be made.
void create_private_file(const std::filesystem::path& path);

// Gives PATH mode 0600; throws IoError when it cannot.
void make_private(const std::filesystem::path& path);

// True when this process may write PATH and create files in its folder (the
// write-ahead log and its index live beside the file). Never fails.
bool can_write_catalogue(const std::filesystem::path& path);

// True when PATH's write-ahead log (PATH-wal) exists and is not empty: a
// writer may have left changes there that a reader must see. Never fails.
bool has_write_ahead_log(const std::filesystem::path& path);

} // namespace vendorcat::store::sqlite
