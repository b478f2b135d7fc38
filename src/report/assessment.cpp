#include "report/assessment.hpp"

#include "domain/assessment.hpp"

namespace vendorcat::report {

bool is_mismatch(const store::EngagementAssessment& row)
{
  const auto assessed = row.assessment.type();
  return assessed && *assessed != row.service_type;
}

std::vector<store::EngagementAssessment> compute_assessments(store::Catalogue& catalogue, bool mismatch_only)
{
  std::vector<store::EngagementAssessment> rows;
  store::each_assessment(catalogue, [&](const store::EngagementAssessment& row) {
    if (!mismatch_only || is_mismatch(row)) {
      rows.push_back(row);
    }
  });
  return rows;
}

table::Table assessment_table(const std::vector<store::EngagementAssessment>& rows)
{
  std::vector<table::Column> columns{{"ref"},
                                     {"provider"},
                                     {"service"},
                                     {"service_type"},
                                     {"answered", table::Align::right},
                                     {"kpo_points", table::Align::right},
                                     {"assessed_type"},
                                     {"type"},
                                     {"type_source"},
                                     {"mismatch"}};
  for (const auto& criterion : domain::criteria) {
    columns.push_back({std::string(criterion.name)});
  }
  table::Table table{std::move(columns), {}};
  for (const auto& row : rows) {
    const auto assessed = row.assessment.type();
    std::vector<table::Value> cells{row.ref,
                                    row.provider,
                                    row.service,
                                    domain::to_string(row.service_type),
                                    std::int64_t{row.assessment.answered()},
                                    std::int64_t{row.assessment.points(domain::OutsourcingType::kpo)},
                                    assessed ? table::Value(domain::to_string(*assessed)) : table::Value(),
                                    domain::to_string(row.type),
                                    domain::to_string(row.type_source),
                                    is_mismatch(row)};
    for (std::size_t i = 0; i < domain::criteria.size(); ++i) {
      const auto& answer = row.assessment.answers[i];
      cells.emplace_back(answer ? table::Value(std::string(domain::answer_of(domain::criteria[i], *answer)))
                                : table::Value());
    }
    table.add_row(std::move(cells));
  }
  return table;
}

} // namespace vendorcat::report
