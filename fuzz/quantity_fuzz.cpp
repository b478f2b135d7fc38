// Fuzzes domain::parse_quantity and parse_volume_unit with the input as
// text. Expected: a count of thousandths or a ValidationError. Properties of
// an accepted quantity: it is 0 to max_quantity, the text was a plain
// decimal without a sign, and format_quantity() writes it in its shortest
// form (no leading zeros, no trailing decimal zeros), which parses back to
// the same count. An accepted unit prints as the text in lower case.

#include "domain/ascii.hpp"
#include "domain/errors.hpp"
#include "domain/quantity.hpp"
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
  if (integer.empty() || !domain::ascii_all_digits(integer) ||
      (dot != std::string_view::npos && (fraction.empty() || !domain::ascii_all_digits(fraction)))) {
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

void check_quantity(std::string_view text)
{
  std::int64_t quantity = 0;
  try {
    quantity = domain::parse_quantity(text);
  } catch (const ValidationError&) {
    return;
  }
  if (quantity < 0 || quantity > domain::max_quantity) {
    fuzz::finding(fmt::format("parse_quantity('{}') is out of range: {}", text, quantity));
  }
  const auto written = domain::format_quantity(quantity);
  const auto expected = shortest(text);
  if (!expected) {
    fuzz::finding(fmt::format("parse_quantity accepted '{}', which is no plain decimal", text));
  }
  if (written != *expected) {
    fuzz::finding(fmt::format("quantity '{}' is written '{}', expected '{}'", text, written, *expected));
  }
  try {
    if (domain::parse_quantity(written) != quantity) {
      fuzz::finding(fmt::format("quantity '{}' does not survive '{}'", text, written));
    }
  } catch (const ValidationError& error) {
    fuzz::finding(fmt::format("parse_quantity refuses format_quantity()'s '{}' (from '{}'): {}", written,
                              text, error.what()));
  }
}

void check_unit(std::string_view text)
{
  try {
    const auto unit = domain::parse_volume_unit(text);
    if (domain::to_string(unit) != domain::ascii_lower(text)) {
      fuzz::finding(fmt::format("unit '{}' is read as '{}'", text, domain::to_string(unit)));
    }
  } catch (const ValidationError&) {
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  return fuzz::run([text = fuzz::as_text(data, size)] {
    check_quantity(text);
    check_unit(text);
  });
}
