#pragma once

// The BPO/KPO assessments of engagements: the answers to the eight criteria
// (domain/assessment.hpp), one row per assessed engagement, audited as the
// entity `assessment` under the engagement's id. A change of answers derives
// the engagement's type again in the same transaction.

#include "domain/assessment.hpp"
#include "domain/classification.hpp"
#include "store/catalogue.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace vendorcat::store {

// An assess command's or an import row's answers, as text: nullopt keeps an
// answer, an empty string clears it.
struct AssessmentFields
{
  std::optional<std::string> engagement; // id or ref (imports)
  std::optional<std::string> basis;
  std::optional<std::string> complexity;
  std::optional<std::string> expertise;
  std::optional<std::string> arbitrage;
  std::optional<std::string> driver;
  std::optional<std::string> coordination;
  std::optional<std::string> talent;
  std::optional<std::string> focus;

  using Answer = std::optional<std::string> AssessmentFields::*;
  // The answer fields, in the order of domain::criteria.
  static constexpr std::array<Answer, domain::criterion_count> answers{
    &AssessmentFields::basis,     &AssessmentFields::complexity, &AssessmentFields::expertise,
    &AssessmentFields::arbitrage, &AssessmentFields::driver,     &AssessmentFields::coordination,
    &AssessmentFields::talent,    &AssessmentFields::focus};
};

// An assessed engagement, as `report assessment` and the export show it.
struct EngagementAssessment
{
  std::int64_t engagement_id = 0;
  std::string ref;
  std::string provider;
  std::string service;
  domain::OutsourcingType service_type = domain::OutsourcingType::bpo;
  domain::Assessment assessment;
  domain::OutsourcingType type = domain::OutsourcingType::bpo;
  domain::Source type_source = domain::Source::derived;
};

// What an assessment did.
enum class AssessOutcome
{
  created,   // the engagement had no answers
  updated,   // answers changed
  unchanged, // the answers given were those recorded
  removed,   // every answer is now cleared: the engagement is no longer assessed
};

// ENGAGEMENT_ID's answers; none when it is not assessed. Never fails.
domain::Assessment assessment_of(Catalogue& catalogue, std::int64_t engagement_id);

// Whether ENGAGEMENT_ID has an assessment row.
bool is_assessed(Catalogue& catalogue, std::int64_t engagement_id);

// CURRENT with FIELDS' answers applied. Throws FieldErrors (or the single
// FieldError) naming every bad answer and its criterion.
domain::Assessment apply_answers(domain::Assessment current, const AssessmentFields& fields);

// Records FIELDS' answers for ENGAGEMENT_ID in the caller's transaction,
// audited, and derives the engagement's type again (audited when it changes,
// its spend moved between the types in the roll-up). Throws like
// apply_answers, before writing.
AssessOutcome assess_engagement(Catalogue& catalogue, std::int64_t engagement_id,
                                const AssessmentFields& fields);

// Engagement ENGAGEMENT_ID with its answers (none when it is not assessed);
// throws NotFound when there is no such engagement.
EngagementAssessment engagement_assessment(Catalogue& catalogue, std::int64_t engagement_id);

// Calls VISIT for every assessed engagement, by ref.
void each_assessment(Catalogue& catalogue, const std::function<void(const EngagementAssessment&)>& visit);

// The engagements import batch ID assessed (for `import undo`, which
// derives their types again once it has removed the answers).
std::vector<std::int64_t> assessed_by_batch(Catalogue& catalogue, std::int64_t batch_id);

} // namespace vendorcat::store
