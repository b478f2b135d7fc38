#pragma once

// `report spend`: spend per period and per chosen dimensions in one report
// currency, exactly. Amounts are summed in minor units per currency and
// month, converted with that month's rate, and rounded once per output cell
// (half to even). A line already in the report currency is never converted.

#include "domain/period.hpp"
#include "domain/quantity.hpp"
#include "store/catalogue.hpp"
#include "store/spend_rows.hpp"
#include "table/table.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::report {

struct SpendReportOptions
{
  std::vector<store::SpendDimension> by{store::SpendDimension::type};
  domain::Granularity period = domain::Granularity::quarter;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::string provider;                    // id or name, or empty
  std::optional<std::int64_t> provider_id; // instead of provider, when the caller has the record
  std::string service;                     // code, or empty
  std::string currency;                    // empty: the base currency
  // Only the months of each engagement that have a volume in this unit
  // (report unit-cost).
  std::optional<domain::VolumeUnit> volume_unit;
};

struct SpendReportRow
{
  std::string period;
  std::vector<std::string> dimensions;
  std::int64_t amount = 0; // minor units of the report currency
  std::int64_t lines = 0;
  double share = 0; // of the period's total, rounded to 4 decimals
};

struct SpendReport
{
  std::vector<store::SpendDimension> by;
  std::string currency;
  int digits = 2;
  std::vector<SpendReportRow> rows; // by period, then dimension values
  // Each period's total, itself one cell rounded once from the exact sum (so
  // it can differ by a minor unit from the sum of the rounded rows).
  std::map<std::string, std::int64_t> period_totals;
};

// The store query OPTIONS ask for: dates parsed, the provider and service
// resolved. Throws ValidationError for a bad date or range, NotFound for an
// unknown provider or service.
store::SpendQuery spend_query(store::Catalogue& catalogue, const SpendReportOptions& options);

// Computes the report. Throws ValidationError for bad options, and one
// ValidationError naming every missing (currency, month) rate.
SpendReport compute_spend_report(store::Catalogue& catalogue, const SpendReportOptions& options);

enum class Totals
{
  no,
  yes, // a total row after each period's rows (the table format)
};

// The report's columns: period, one per dimension, amount, currency, lines,
// share.
std::vector<table::Column> spend_report_columns(const SpendReport& report);

// Calls VISIT with each row of the report's table in turn (one vector,
// reused), so that a long report is written as it is formatted.
void each_spend_report_row(const SpendReport& report, Totals totals,
                           const std::function<void(const std::vector<table::Value>&)>& visit);

// The report as a table of those columns and rows.
table::Table spend_report_table(const SpendReport& report, Totals totals);

} // namespace vendorcat::report
