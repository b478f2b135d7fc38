#pragma once

// `report assessment`: per assessed engagement, how its answers to the eight
// BPO/KPO criteria point, the type they give, and whether that differs from
// its service's default type (a mismatch: the service says BPO, the work is
// KPO, or the reverse).

#include "store/assessments.hpp"
#include "store/catalogue.hpp"
#include "table/table.hpp"

#include <vector>

namespace vendorcat::report {

// True when ROW's assessment gives a type and it is not its service's
// default type.
bool is_mismatch(const store::EngagementAssessment& row);

// Every assessed engagement by ref; only the mismatches when MISMATCH_ONLY.
std::vector<store::EngagementAssessment> compute_assessments(store::Catalogue& catalogue, bool mismatch_only);

// ref, provider, service, service_type, answered, kpo_points, assessed_type
// (empty on a tie or with fewer than five answers), type, type_source,
// mismatch, then the answer to each criterion.
table::Table assessment_table(const std::vector<store::EngagementAssessment>& rows);

} // namespace vendorcat::report
