#pragma once

#include <filesystem>

namespace vendorcat::test {

// A fresh folder under the system's temporary folder, removed with its
// contents when the object goes away.
class TempDir
{
public:
  TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::filesystem::path& name) const { return m_path / name; }

private:
  std::filesystem::path m_path;
};

// Writes CONTENT to PATH (binary, replacing any file).
void write_file(const std::filesystem::path& path, const std::string& content);

// The whole content of PATH.
std::string read_file(const std::filesystem::path& path);

} // namespace vendorcat::test
