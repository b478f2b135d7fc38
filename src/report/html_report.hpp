#pragma once

// `report html`: one self-contained HTML page (inline CSS and SVG, nothing
// from the network) with BPO versus KPO spend by quarter as a stacked bar
// chart, spend by delivery model, the cost per FTE of each delivery model
// by quarter, the top providers, upcoming renewals and the assessment's
// mismatches, each chart followed by its figures as a table. Every text from the
// catalogue is HTML-escaped.

#include "report/html_page.hpp"
#include "store/catalogue.hpp"

#include <iosfwd>
#include <string>
#include <string_view>

namespace vendorcat::report {

// Writes the page to OUT. Throws ValidationError like compute_spend_report
// (e.g. missing exchange rates) before writing anything, IoError when OUT fails.
void render_html_report(store::Catalogue& catalogue, const HtmlReportOptions& options, std::ostream& out);

// TEXT with &, <, >, " and ' replaced by entities.
std::string html_escape(std::string_view text);

} // namespace vendorcat::report
