#pragma once

// `report unit-cost`: what a unit delivered costs (an FTE, an hour, a
// transaction, a case), per period and per the dimensions of report spend.
// Only the months of each engagement that have a volume in the unit count,
// for the spend and the quantity alike, so that the cost is per unit
// delivered; the spend is report spend's (its rows, its conversion), read
// with that restriction. With the delivery model as a dimension, each row
// is set against the onshore row of its period and other dimensions: the
// cost arbitrage of nearshoring and offshoring, measured.

#include "domain/quantity.hpp"
#include "report/spend_report.hpp"
#include "store/catalogue.hpp"
#include "table/table.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::report {

struct UnitCostOptions
{
  // Dimensions, period, range, filters and currency, as report spend takes
  // them; the range counts in whole months (those it touches).
  SpendReportOptions spend;
  domain::VolumeUnit unit = domain::VolumeUnit::fte;
};

struct UnitCostRow
{
  std::string period;
  std::vector<std::string> dimensions;
  std::int64_t amount = 0;                // minor units of the report currency
  std::int64_t quantity = 0;              // thousandths
  std::optional<std::int64_t> unit_cost;  // minor units per unit; none for a quantity of 0
  std::optional<std::int64_t> vs_onshore; // ten-thousandths; none without an onshore unit cost
};

struct UnitCostReport
{
  std::vector<store::SpendDimension> by;
  domain::VolumeUnit unit = domain::VolumeUnit::fte;
  std::string currency;
  int digits = 2;
  bool compares_onshore = false; // the model is a dimension: rows have vs_onshore
  std::vector<UnitCostRow> rows; // by period, then dimension values
};

// Computes the report: per group, the spend of its volume months (converted
// and rounded once as report spend does), the quantity, the unit cost
// (amount / quantity, rounded half to even to the currency's minor units)
// and, with the model as a dimension, the unit cost over the onshore one (4
// decimals). Throws ValidationError for bad options and, as report spend
// does, one naming every missing exchange rate.
UnitCostReport compute_unit_cost_report(store::Catalogue& catalogue, const UnitCostOptions& options);

// The report's columns: period, one per dimension, amount, currency,
// quantity, unit, unit_cost, and vs_onshore with the model as a dimension.
std::vector<table::Column> unit_cost_columns(const UnitCostReport& report);

// The report as a table of those columns.
table::Table unit_cost_table(const UnitCostReport& report);

} // namespace vendorcat::report
