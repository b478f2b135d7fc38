// Fuzzes domain::Rate::parse with the input as text. Expected: a rate or a
// ValidationError. Properties of an accepted text: it is a plain decimal
// (digits[.digits]) and to_string() is that decimal in its shortest form (no
// leading zeros, no trailing zeros after the dot), which is positive and
// parses back to the same rate; from_scaled() rebuilds it.

#include "domain/ascii.hpp"
#include "domain/errors.hpp"
#include "domain/rate.hpp"
#include "fuzz_support.hpp"

#include <optional>
#include <string>

namespace {

using namespace vendorcat;

// TEXT, a plain decimal, without leading zeros or trailing decimal zeros (and
// without the dot when no decimal is left); nullopt when TEXT is no such
// decimal.
std::optional<std::string> shortest(std::string_view text)
{
  const auto dot = text.find('.');
  auto integer = text.substr(0, dot);
  auto fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (!domain::ascii_all_digits(integer) ||
      (dot != std::string_view::npos && !domain::ascii_all_digits(fraction))) {
    return std::nullopt;
  }
  while (integer.size() > 1 && integer.front() == '0') {
    integer.remove_prefix(1);
  }
  while (!fraction.empty() && fraction.back() == '0') {
    fraction.remove_suffix(1);
  }
  return std::string(integer) + (fraction.empty() ? "" : ".") + std::string(fraction);
}

void check_rate(std::string_view text)
{
  std::optional<domain::Rate> rate;
  try {
    rate = domain::Rate::parse(text);
  } catch (const ValidationError&) {
    return;
  }
  if (rate->scaled() <= 0) {
    fuzz::finding(fmt::format("Rate::parse('{}') is not positive: {}", text, rate->scaled()));
  }
  const auto written = rate->to_string();
  const auto expected = shortest(text);
  if (!expected) {
    fuzz::finding(fmt::format("Rate::parse accepted '{}', which is no plain decimal", text));
  }
  if (written != *expected) {
    fuzz::finding(fmt::format("rate '{}' is written '{}', expected '{}'", text, written, *expected));
  }
  std::optional<domain::Rate> again;
  try {
    again = domain::Rate::parse(written);
  } catch (const ValidationError& error) {
    fuzz::finding(
      fmt::format("Rate::parse refuses to_string()'s '{}' (from '{}'): {}", written, text, error.what()));
  }
  if (*again != *rate || domain::Rate::from_scaled(rate->scaled()) != *rate) {
    fuzz::finding(fmt::format("rate '{}' ({}) does not survive '{}' ({})", text, rate->scaled(), written,
                              again->scaled()));
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  return fuzz::run([text = fuzz::as_text(data, size)] { check_rate(text); });
}
