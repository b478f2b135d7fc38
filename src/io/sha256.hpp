#pragma once

// SHA-256 of what an import reads (OpenSSL's libcrypto), as lower-case hex:
// how a file imported before is recognised.

#include <filesystem>
#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

namespace vendorcat::io {

class Sha256
{
public:
  Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  ~Sha256();

  void update(std::string_view bytes);
  // The digest of everything given, as 64 hex digits; once.
  std::string hex();

private:
  struct State;
  std::unique_ptr<State> m_state;
};

// The SHA-256 of TEXT.
std::string sha256_of(std::string_view text);

// The SHA-256 of the file at PATH; throws UsageError when it cannot be read.
std::string sha256_of_file(const std::filesystem::path& path);

// A read buffer that hashes every byte read through it from SOURCE (stdin,
// which cannot be read twice).
class HashingBuffer : public std::streambuf
{
public:
  explicit HashingBuffer(std::istream& source) : m_source(source) {}
  std::string hex() { return m_hash.hex(); }

protected:
  int_type underflow() override;

private:
  std::istream& m_source;
  Sha256 m_hash;
  char m_buffer[1 << 16];
};

} // namespace vendorcat::io
