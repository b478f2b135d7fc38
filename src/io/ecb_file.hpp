#pragma once

// The European Central Bank's historical reference-rate file
// (eurofxref-hist.csv): a `Date` column, then one column per currency,
// `N/A` where a rate is missing, values as 1 EUR = x CUR, and every line
// ending with a comma. Read whole, validated, into monthly rates.

#include "domain/ecb_rates.hpp"

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::io {

// What the file gave: its quotes, aggregated by month, and its columns.
struct EcbFile
{
  std::string name;
  domain::EcbQuotes quotes;
  std::vector<std::string> currencies; // the columns read, in file order
  std::vector<std::string> skipped;    // columns whose code the catalogue does not know
  std::size_t days = 0;                // the data lines
};

// Reads the ECB file from IN (NAME in messages) and aggregates each
// currency's quotes by month as METHOD says. A column whose code KNOWN says
// is not a currency (withdrawn ones such as CYP or HRK) is skipped and
// listed. A missing value is `N/A` or empty. Throws ValidationError with one
// line, `NAME:LINE: COLUMN: problem` for the first problem and the count of
// the others, for: no Date column, a column name that is not a three-letter
// code, a EUR column, a bad or repeated date, a bad rate, a value after the
// last column, a file without dates or without a known currency.
EcbFile read_ecb_file(std::istream& in, const std::string& name, domain::MonthlyRate method,
                      const std::function<bool(std::string_view)>& known);

// FILE's rates in BASE (an upper-case code). Throws ValidationError naming
// the file when BASE is not EUR and the file has no column of it, when a
// rate is out of range, and when no rate results (every value N/A).
domain::MonthlyRates ecb_rates_in(const EcbFile& file, const std::string& base);

} // namespace vendorcat::io
