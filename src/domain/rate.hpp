#pragma once

// Exchange rates as exact decimals with ten decimal places, never binary floats.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace vendorcat::domain {

// A strictly positive exchange rate stored as an integer count of 1e-10 units,
// so `11.25` is 112'500'000'000 and `0.0912` is 912'000'000.
class Rate
{
public:
  static constexpr int scale_digits = 10;
  static constexpr std::int64_t scale = 10'000'000'000;
  static constexpr int max_integer_digits = 8;

  // A rate of exactly 1; never fails.
  Rate() = default;

  // The plain decimal TEXT (`11.25`, `0.0912`, `1`): digits, optionally a dot
  // and 1 to 10 decimals, at most 8 significant digits before the dot. Throws
  // ValidationError on a sign, spaces, separators, exponents, zero or any
  // other form.
  static Rate parse(std::string_view text);

  // The rate of SCALED units of 1e-10; throws ValidationError unless SCALED > 0.
  static Rate from_scaled(std::int64_t scaled);

  // The shortest exact decimal (`11.25`, `1`, `0.0912`); never fails.
  std::string to_string() const;

  // The rate in units of 1e-10; never fails.
  std::int64_t scaled() const { return m_scaled; }

  // Numeric order; never fails.
  auto operator<=>(const Rate&) const = default;

private:
  explicit Rate(std::int64_t scaled) : m_scaled(scaled) {}

  std::int64_t m_scaled = scale;
};

} // namespace vendorcat::domain
