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

} // namespace vendorcat::store
