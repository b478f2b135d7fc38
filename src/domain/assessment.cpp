// The BPO/KPO assessment and the type rule (see assessment.hpp).

#include "domain/assessment.hpp"

#include "domain/ascii.hpp"
#include "domain/errors.hpp"

#include <fmt/format.h>

namespace vendorcat::domain {

namespace {

OutsourcingType other(OutsourcingType type)
{
  return type == OutsourcingType::bpo ? OutsourcingType::kpo : OutsourcingType::bpo;
}

// "judgement, high complexity" for the answers of ASSESSMENT pointing to TYPE.
std::string traits(const Assessment& assessment, OutsourcingType type)
{
  std::string listed;
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    if (assessment.answers[i] == type) {
      const auto& criterion = criteria[i];
      listed += fmt::format("{}{}", listed.empty() ? "" : ", ",
                            type == OutsourcingType::kpo ? criterion.kpo_trait : criterion.bpo_trait);
    }
  }
  return listed;
}

// Why ASSESSMENT gives no type, or what it would give, for an engagement
// whose type comes from elsewhere; empty when it has no answers.
std::string assessment_aside(const Assessment& assessment)
{
  const int answered = assessment.answered();
  if (answered == 0) {
    return {};
  }
  if (answered < min_assessed_answers) {
    return fmt::format("; the assessment gives no type ({} answered, at least {} needed)", answered,
                       min_assessed_answers);
  }
  if (const auto type = assessment.type()) {
    return fmt::format("; the assessment points to {} ({} of {})", to_string(*type), assessment.points(*type),
                       answered);
  }
  return fmt::format("; the assessment ties, {} to {}", assessment.points(OutsourcingType::bpo),
                     assessment.points(OutsourcingType::kpo));
}

} // namespace

int Assessment::answered() const
{
  int count = 0;
  for (const auto& answer : answers) {
    count += answer ? 1 : 0;
  }
  return count;
}

int Assessment::points(OutsourcingType type) const
{
  int count = 0;
  for (const auto& answer : answers) {
    count += answer == type ? 1 : 0;
  }
  return count;
}

std::optional<OutsourcingType> Assessment::type() const
{
  if (answered() < min_assessed_answers) {
    return std::nullopt;
  }
  const int kpo = points(OutsourcingType::kpo);
  const int bpo = points(OutsourcingType::bpo);
  if (kpo == bpo) {
    return std::nullopt;
  }
  return kpo > bpo ? OutsourcingType::kpo : OutsourcingType::bpo;
}

std::optional<std::size_t> find_criterion(std::string_view name)
{
  for (std::size_t i = 0; i < criteria.size(); ++i) {
    if (criteria[i].name == name) {
      return i;
    }
  }
  return std::nullopt;
}

std::optional<OutsourcingType> parse_answer(const Criterion& criterion, std::string_view text)
{
  const auto value = trim(text);
  if (value.empty()) {
    return std::nullopt;
  }
  if (ascii_iequals(value, criterion.bpo_answer)) {
    return OutsourcingType::bpo;
  }
  if (ascii_iequals(value, criterion.kpo_answer)) {
    return OutsourcingType::kpo;
  }
  throw FieldError(
    std::string(criterion.name),
    fmt::format("invalid {} '{}': expected {} (BPO) or {} (KPO), or an empty value to clear it",
                criterion.name, text, criterion.bpo_answer, criterion.kpo_answer));
}

std::string_view answer_of(const Criterion& criterion, OutsourcingType type)
{
  return type == OutsourcingType::kpo ? criterion.kpo_answer : criterion.bpo_answer;
}

TypeDecision decide_type(std::optional<OutsourcingType> explicit_type, const Assessment& assessment,
                         OutsourcingType service_default)
{
  if (explicit_type) {
    return {*explicit_type, Source::explicit_};
  }
  if (const auto assessed = assessment.type()) {
    return {*assessed, Source::assessed};
  }
  return {service_default, Source::derived};
}

std::string explain_type(const TypeDecision& decision, const Assessment& assessment,
                         std::string_view service_code)
{
  const auto type = to_string(decision.type);
  switch (decision.source) {
  case Source::explicit_:
    return fmt::format("type {} (explicit): set by hand{}", type, assessment_aside(assessment));
  case Source::assessed: {
    const int answered = assessment.answered();
    auto line = fmt::format("type {} (assessed): {} of {} {}criteria point to {}: {}", type,
                            assessment.points(decision.type), answered,
                            answered == static_cast<int>(criterion_count) ? "" : "answered ", type,
                            traits(assessment, decision.type));
    if (assessment.points(other(decision.type)) > 0) {
      line += fmt::format("; {} to {}: {}", assessment.points(other(decision.type)),
                          to_string(other(decision.type)), traits(assessment, other(decision.type)));
    }
    return line;
  }
  case Source::derived:
    break;
  }
  return fmt::format("type {} (derived): default of service {}{}", type, service_code,
                     assessment_aside(assessment));
}

} // namespace vendorcat::domain
