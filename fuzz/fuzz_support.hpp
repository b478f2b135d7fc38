#pragma once

// What the fuzz targets share: the input as text, and how a finding is
// reported. A finding prints what broke and aborts, which libFuzzer records as
// a crash and saves the input that caused it (crash-<sha1> in the working
// folder, or under -artifact_prefix).

#include <cxxabi.h>
#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>

namespace vendorcat::fuzz {

// The fuzz input as bytes of text (any bytes: NUL, invalid UTF-8, ...).
inline std::string_view as_text(const std::uint8_t* data, std::size_t size)
{
  return {reinterpret_cast<const char*>(data), size};
}

// Reports a broken property or an unexpected exception and aborts.
[[noreturn]] inline void finding(std::string_view what)
{
  fmt::print(stderr, "vendorcat fuzz finding: {}\n", what);
  std::fflush(stderr);
  std::abort();
}

// The demangled type name of ERROR's dynamic type, e.g. vendorcat::IoError.
inline std::string type_name(const std::exception& error)
{
  int status = 0;
  const std::unique_ptr<char, void (*)(void*)> name(
    abi::__cxa_demangle(typeid(error).name(), nullptr, nullptr, &status), std::free);
  return status == 0 && name ? std::string(name.get()) : std::string(typeid(error).name());
}

// Runs BODY, which catches the exceptions it expects; any other escaping it
// is a finding. Returns 0, what LLVMFuzzerTestOneInput returns.
template<typename Body>
int run(Body&& body)
{
  try {
    std::forward<Body>(body)();
  } catch (const std::exception& error) {
    finding(fmt::format("unexpected exception {}: {}", type_name(error), error.what()));
  } catch (...) {
    finding("unexpected exception of an unknown type");
  }
  return 0;
}

} // namespace vendorcat::fuzz
