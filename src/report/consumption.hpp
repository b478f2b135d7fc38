#pragma once

// `report consumption`: how much of each engagement's contract value its
// spend has used up by a date, the recent run rate and when, at that rate,
// the value runs out (CLI.md "Contract consumption").

#include "domain/amount.hpp"
#include "domain/date.hpp"
#include "store/catalogue.hpp"
#include "table/table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::report {

struct ConsumptionOptions
{
  std::optional<std::string> on; // default: today
  std::string provider;          // id or name, or empty
  std::string status;            // ok, at-risk, over, or empty for all
};

struct Consumption
{
  std::string ref;
  std::string provider;
  domain::Amount value; // in the engagement's currency
  std::string currency;
  std::int64_t spent = 0;         // minor units: all spend dated on or before ON, converted, rounded once
  std::int64_t remaining = 0;     // value - spent
  std::optional<double> consumed; // spent / value, 4 decimals; nullopt for a value of 0
  std::int64_t run_rate = 0;      // the three whole months before ON's month, / 3, rounded once
  std::optional<domain::Date> run_out_date; // ON + floor(remaining / run_rate x 30.4375) days
  std::optional<domain::Date> end_date;
  std::string status; // over, at-risk or ok
};

// One row per engagement with a contract value, by ref. Throws
// ValidationError for a bad date or status, NotFound for an unknown
// provider, and one ValidationError naming every missing rate.
std::vector<Consumption> compute_consumption(store::Catalogue& catalogue, const ConsumptionOptions& options);

// The rows with the keys of CLI.md: ref, provider, value, currency, spent,
// remaining, consumed, run_rate, run_out_date, end_date, status.
table::Table consumption_table(const std::vector<Consumption>& rows);

} // namespace vendorcat::report
