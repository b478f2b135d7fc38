#pragma once

// The HTML report's section "Unit cost by delivery model": the cost per FTE
// of each delivery model per quarter as a grouped bar chart and a table.

#include "report/html_page.hpp"

#include <string>

namespace vendorcat::report {

// The section for PAGE's unit costs; one line saying so when there are no
// FTE volumes. Never fails.
std::string unit_cost_section(const HtmlPage& page);

} // namespace vendorcat::report
