#include "io/sha256.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>

#include <fstream>
#include <openssl/evp.h>

namespace vendorcat::io {

struct Sha256::State
{
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  ~State() { EVP_MD_CTX_free(context); }
};

Sha256::Sha256() : m_state(std::make_unique<State>())
{
  if (m_state->context == nullptr || EVP_DigestInit_ex(m_state->context, EVP_sha256(), nullptr) != 1) {
    throw Error("cannot compute SHA-256: OpenSSL's digest is not available");
  }
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes)
{
  EVP_DigestUpdate(m_state->context, bytes.data(), bytes.size());
}

std::string Sha256::hex()
{
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(m_state->context, digest, &size);
  std::string text;
  for (unsigned int i = 0; i < size; ++i) {
    text += fmt::format("{:02x}", digest[i]);
  }
  return text;
}

std::string sha256_of(std::string_view text)
{
  Sha256 hash;
  hash.update(text);
  return hash.hex();
}

std::string sha256_of_file(const std::filesystem::path& path)
{
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw UsageError(fmt::format("cannot read '{}': no such file or not readable", path.string()));
  }
  Sha256 hash;
  std::string buffer(1 << 16, '\0');
  while (file) {
    file.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(file.gcount())));
  }
  if (file.bad()) {
    throw UsageError(fmt::format("cannot read '{}': a read failed", path.string()));
  }
  return hash.hex();
}

HashingBuffer::int_type HashingBuffer::underflow()
{
  if (gptr() < egptr()) {
    return traits_type::to_int_type(*gptr());
  }
  m_source.read(m_buffer, sizeof m_buffer);
  const auto count = m_source.gcount();
  if (count <= 0) {
    return traits_type::eof();
  }
  m_hash.update(std::string_view(m_buffer, static_cast<std::size_t>(count)));
  setg(m_buffer, m_buffer, m_buffer + count);
  return traits_type::to_int_type(*gptr());
}

} // namespace vendorcat::io
