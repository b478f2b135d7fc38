// BPO/KPO assessments as a record kind: an engagement and its answers to the
// eight criteria, one column each. The engagement is the key; an update
// replaces the answers a row gives (an empty cell clears one) and keeps the
// others, as `engagement assess` does.

#include "io/kinds.hpp"

#include <fmt/format.h>

namespace vendorcat::io {

namespace {

using Record = store::EngagementAssessment;
using Fields = store::AssessmentFields;

// The answer to criterion I as the chart's word, empty when unanswered.
template<std::size_t I>
table::Value answer_cell(const Record& record)
{
  const auto& answer = record.assessment.answers[I];
  return answer ? table::Value(std::string(domain::answer_of(domain::criteria[I], *answer))) : table::Value();
}

template<std::size_t I>
ColumnOf<Record, Fields> answer_column()
{
  return {domain::criteria[I].name, false,         table::Align::left, answer_cell<I>,
          Fields::answers[I],       Cell::as_given};
}

void assess(store::Catalogue& catalogue, std::int64_t engagement_id, const Fields& fields)
{
  store::assess_engagement(catalogue, engagement_id, fields);
}

const ConflictRules<Fields> rules{
  "engagement",
  [](store::Catalogue& catalogue, const Fields& fields) -> std::optional<std::int64_t> {
    const auto engagement = store::find_engagement(catalogue, *fields.engagement);
    return store::is_assessed(catalogue, engagement.id) ? std::optional(engagement.id) : std::nullopt;
  },
  [](store::Catalogue& catalogue, const Fields& fields, std::int64_t) {
    return fmt::format("the assessment of engagement '{}'",
                       store::find_engagement(catalogue, *fields.engagement).ref);
  },
  [](store::Catalogue& catalogue, const Fields& fields) {
    assess(catalogue, store::find_engagement(catalogue, *fields.engagement).id, fields);
  },
  assess,
};

} // namespace

const AssessmentKind& assessments_kind()
{
  static const AssessmentKind kind{
    Kind::assessments,
    {
      {"engagement", true, table::Align::left, [](const Record& r) -> table::Value { return r.ref; },
       &Fields::engagement, Cell::nonempty},
      answer_column<0>(),
      answer_column<1>(),
      answer_column<2>(),
      answer_column<3>(),
      answer_column<4>(),
      answer_column<5>(),
      answer_column<6>(),
      answer_column<7>(),
    },
    nullptr,
    [](store::Catalogue& catalogue, const std::function<void(const Record&)>& visit) {
      store::each_assessment(catalogue, visit);
    },
    [](store::Catalogue& catalogue, store::OnConflict on_conflict) -> std::unique_ptr<Loader<Fields>> {
      return std::make_unique<ConflictLoad<Fields>>(catalogue, on_conflict, rules);
    },
  };
  return kind;
}

} // namespace vendorcat::io
