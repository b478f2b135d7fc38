#pragma once

// The pieces every section of `report html` is built from: table cells,
// colour swatches, the line an empty section shows, and the delivery
// models' colours. Every text goes through html_escape here, so callers
// pass plain text.

#include <array>
#include <string>

namespace vendorcat::report {

// The colour of each delivery model, in domain::all_delivery_models order.
inline constexpr std::array<const char*, 3> model_colours{"#0e7490", "#7c3aed", "#db2777"};

// A table cell of TEXT.
std::string cell(const std::string& text);

// A right-aligned figure, red when NEGATIVE.
std::string num_cell(const std::string& text, bool negative = false);

// A cell whose text is never wrapped (dates, refs).
std::string nowrap_cell(const std::string& text);

// A small square of COLOUR, as a legend beside a column heading.
std::string swatch(const char* colour);

// The one line a section shows instead of its chart and table.
std::string empty_message(const std::string& text);

} // namespace vendorcat::report
