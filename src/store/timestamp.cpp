#include "store/timestamp.hpp"

#include <fmt/format.h>

#include <chrono>

namespace vendorcat::store {

std::string utc_timestamp(TimestampPrecision precision)
{
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto day = floor<days>(now);
  const year_month_day date{day};
  const hh_mm_ss time{floor<milliseconds>(now - day)};
  const auto text = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(date.year()),
                                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                                time.hours().count(), time.minutes().count(), time.seconds().count());
  if (precision == TimestampPrecision::seconds) {
    return text + "Z";
  }
  return fmt::format("{}.{:03}Z", text, time.subseconds().count());
}

std::string timestamp_to_seconds(std::string_view stored)
{
  // 2026-12-01T08:36:55 is 19 characters; then Z, or a fraction and Z.
  constexpr std::size_t seconds_length = 19;
  const bool fraction =
    stored.size() > seconds_length + 2 && stored[seconds_length] == '.' && stored.back() == 'Z' &&
    stored.substr(seconds_length + 1, stored.size() - seconds_length - 2).find_first_not_of("0123456789") ==
      std::string_view::npos;
  if (stored.size() >= seconds_length && stored[10] == 'T' && fraction) {
    return std::string(stored.substr(0, seconds_length)) + "Z";
  }
  return std::string(stored);
}

} // namespace vendorcat::store
