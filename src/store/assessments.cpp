// Assessment records (see assessments.hpp). The answers are stored as the
// chart's words (`rules`, `judgement`), one column per criterion.

#include "store/assessments.hpp"

#include "domain/errors.hpp"
#include "store/audit.hpp"
#include "store/engagements.hpp"
#include "store/import_batches.hpp"
#include "store/sql.hpp"
#include "store/timestamp.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

namespace {

// "basis, complexity, ..., focus": the answer columns, in the chart's order.
std::string answer_columns(std::string_view prefix = {})
{
  std::string columns;
  for (const auto& criterion : domain::criteria) {
    columns += fmt::format("{}{}{}", columns.empty() ? "" : ", ", prefix, criterion.name);
  }
  return columns;
}

// The answers in the columns of ROW from FIRST on.
domain::Assessment read_answers(const Query& row, int first)
{
  domain::Assessment assessment;
  for (std::size_t i = 0; i < domain::criteria.size(); ++i) {
    const int column = first + static_cast<int>(i);
    if (!row.is_null(column)) {
      assessment.answers[i] = domain::parse_answer(domain::criteria[i], row.text_view(column));
    }
  }
  return assessment;
}

// Binds ASSESSMENT's answers as words from INDEX on (NULL when unanswered).
void bind_answers(Query& statement, const domain::Assessment& assessment, int index)
{
  for (std::size_t i = 0; i < domain::criteria.size(); ++i) {
    const auto& answer = assessment.answers[i];
    statement.bind(index + static_cast<int>(i),
                   answer ? std::optional<std::string>(domain::answer_of(domain::criteria[i], *answer))
                          : std::nullopt);
  }
}

} // namespace

namespace {

// ENGAGEMENT_ID's stored answers; nullopt when it has no assessment row.
std::optional<domain::Assessment> stored_answers(Catalogue& catalogue, std::int64_t engagement_id)
{
  Query query(connection(catalogue),
              fmt::format("SELECT {} FROM assessment WHERE engagement_id = ?", answer_columns()),
              engagement_id);
  return query.next() ? std::optional(read_answers(query, 0)) : std::nullopt;
}

} // namespace

domain::Assessment assessment_of(Catalogue& catalogue, std::int64_t engagement_id)
{
  return stored_answers(catalogue, engagement_id).value_or(domain::Assessment{});
}

bool is_assessed(Catalogue& catalogue, std::int64_t engagement_id)
{
  return stored_answers(catalogue, engagement_id).has_value();
}

domain::Assessment apply_answers(domain::Assessment current, const AssessmentFields& fields)
{
  FieldChecks checks;
  for (std::size_t i = 0; i < domain::criteria.size(); ++i) {
    if (const auto& given = fields.*AssessmentFields::answers[i]) {
      // A criterion's name is a string literal, so data() ends in a NUL.
      checks.check(domain::criteria[i].name.data(),
                   [&] { current.answers[i] = domain::parse_answer(domain::criteria[i], *given); });
    }
  }
  checks.throw_if_any();
  return current;
}

AssessOutcome assess_engagement(Catalogue& catalogue, std::int64_t engagement_id,
                                const AssessmentFields& fields)
{
  const auto stored = stored_answers(catalogue, engagement_id);
  const bool existed = stored.has_value();
  const auto before = stored.value_or(domain::Assessment{});
  const auto after = apply_answers(before, fields);
  const auto now = utc_timestamp();
  AssessOutcome outcome = AssessOutcome::unchanged;
  if (after.answered() == 0) {
    if (existed) {
      const auto snapshot = row_snapshot(catalogue, "assessment", engagement_id);
      Query(connection(catalogue), "DELETE FROM assessment WHERE engagement_id = ?", engagement_id).run();
      audit_delete(catalogue, "assessment", engagement_id, snapshot);
      outcome = AssessOutcome::removed;
    }
  } else if (!existed) {
    Query insert(
      connection(catalogue),
      fmt::format("INSERT INTO assessment (engagement_id, {}, created_at, updated_at) VALUES (?, ?, ?, "
                  "?, ?, ?, ?, ?, ?, ?10, ?10)",
                  answer_columns()));
    insert.bind(1, engagement_id);
    bind_answers(insert, after, 2);
    insert.bind(10, now);
    insert.run();
    stamp_import_batch(catalogue, "assessment", engagement_id);
    audit_insert(catalogue, "assessment", engagement_id);
    outcome = AssessOutcome::created;
  } else if (after.answers != before.answers) {
    const auto snapshot = row_snapshot(catalogue, "assessment", engagement_id);
    std::string set;
    for (const auto& criterion : domain::criteria) {
      set += fmt::format("{} = ?, ", criterion.name);
    }
    Query update(connection(catalogue),
                 fmt::format("UPDATE assessment SET {}updated_at = ? WHERE engagement_id = ?", set));
    bind_answers(update, after, 1);
    update.bind(9, now);
    update.bind(10, engagement_id);
    update.run();
    audit_update(catalogue, "assessment", engagement_id, snapshot);
    outcome = AssessOutcome::updated;
  }
  if (outcome != AssessOutcome::unchanged) {
    rederive_type(catalogue, engagement_id);
  }
  return outcome;
}

namespace {

// An engagement and its answers; WHERE picks the rows (`a.engagement_id IS
// NOT NULL` keeps the assessed ones).
std::string assessment_select(std::string_view where)
{
  return fmt::format("SELECT e.id, e.ref, p.name, s.code, s.default_type, e.type, e.type_source, {} "
                     "FROM engagement e LEFT JOIN assessment a ON a.engagement_id = e.id "
                     "JOIN provider p ON p.id = e.provider_id JOIN service s ON s.id = e.service_id "
                     "WHERE {} ORDER BY e.ref",
                     answer_columns("a."), where);
}

EngagementAssessment read_assessment(const Query& query)
{
  EngagementAssessment row;
  row.engagement_id = query.integer(0);
  row.ref = query.text(1);
  row.provider = query.text(2);
  row.service = query.text(3);
  row.service_type = domain::parse_outsourcing_type(query.text_view(4));
  row.type = domain::parse_outsourcing_type(query.text_view(5));
  row.type_source = domain::parse_source(query.text_view(6));
  row.assessment = read_answers(query, 7);
  return row;
}

} // namespace

EngagementAssessment engagement_assessment(Catalogue& catalogue, std::int64_t engagement_id)
{
  Query query(connection(catalogue), assessment_select("e.id = ?"), engagement_id);
  if (!query.next()) {
    throw NotFound(fmt::format("no engagement with id {}", engagement_id));
  }
  return read_assessment(query);
}

void each_assessment(Catalogue& catalogue, const std::function<void(const EngagementAssessment&)>& visit)
{
  Query query(connection(catalogue), assessment_select("a.engagement_id IS NOT NULL"));
  while (query.next()) {
    visit(read_assessment(query));
  }
}

std::vector<std::int64_t> assessed_by_batch(Catalogue& catalogue, std::int64_t batch_id)
{
  std::vector<std::int64_t> ids;
  Query query(connection(catalogue), "SELECT engagement_id FROM assessment WHERE batch_id = ? ORDER BY 1",
              batch_id);
  while (query.next()) {
    ids.push_back(query.integer(0));
  }
  return ids;
}

} // namespace vendorcat::store
