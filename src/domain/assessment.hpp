#pragma once

// The BPO/KPO assessment: the eight criteria of the comparison chart that sets
// business process outsourcing against knowledge process outsourcing, an
// engagement's answers to them, and the rule that gives an engagement its
// type: set by hand, else assessed, else its service's default.

#include "domain/classification.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vendorcat::domain {

// A criterion with its two answers (the one pointing to BPO, the one
// pointing to KPO) and the traits they stand for in the chart's words.
struct Criterion
{
  std::string_view name;       // `basis`, as a flag (`--basis`) and an import column
  std::string_view bpo_answer; // `rules`
  std::string_view kpo_answer; // `judgement`
  std::string_view bpo_trait;  // `rules`, `low complexity`, ...
  std::string_view kpo_trait;  // `judgement`, `high complexity`, ...
  std::string_view question;   // what the criterion asks, for help and --help
};

inline constexpr std::size_t criterion_count = 8;

// Every criterion, in the chart's order (the order of the columns and flags).
inline constexpr std::array<Criterion, criterion_count> criteria{{
  {"basis", "rules", "judgement", "rules", "judgement",
   "Is the work done by following rules, or by judgement?"},
  {"complexity", "low", "high", "low complexity", "high complexity", "How complex is the work?"},
  {"expertise", "process", "knowledge", "process expertise", "knowledge expertise",
   "Does it rest on expertise in a process, or in a field of knowledge?"},
  {"arbitrage", "cost", "knowledge", "cost arbitrage", "knowledge arbitrage",
   "Is it bought for a lower cost, or for knowledge the buyer lacks?"},
  {"driver", "volume", "insight", "volume-driven", "insight-driven",
   "Is it driven by volume, or by insight?"},
  {"coordination", "low", "high", "low coordination", "high coordination",
   "How much coordination with the client does it need?"},
  {"talent", "communication", "professional", "communication skills", "professional talent",
   "Does it need communication skills, or professional talent?"},
  {"focus", "low", "high", "low-level processes", "high-level processes",
   "Does it work on low-level processes, or high-level ones?"},
}};

// An assessment needs at least this many answers before it gives a type.
inline constexpr int min_assessed_answers = 5;

// An engagement's answers, in the order of `criteria`: each points to BPO or
// KPO, nullopt when the criterion is unanswered.
struct Assessment
{
  std::array<std::optional<OutsourcingType>, criterion_count> answers{};

  // How many criteria are answered.
  int answered() const;

  // How many answers point to TYPE.
  int points(OutsourcingType type) const;

  // The majority's type when at least min_assessed_answers criteria are
  // answered and they do not tie; nullopt otherwise.
  std::optional<OutsourcingType> type() const;
};

// The index in `criteria` of the criterion named NAME (exact, lower case).
std::optional<std::size_t> find_criterion(std::string_view name);

// What TEXT answers to CRITERION (either answer, any case, surrounding spaces
// ignored): the type it points to, nullopt for an empty TEXT (no answer).
// Throws FieldError (field: the criterion's name) naming both answers.
std::optional<OutsourcingType> parse_answer(const Criterion& criterion, std::string_view text);

// The answer to CRITERION that points to TYPE (`rules`, `judgement`, ...).
std::string_view answer_of(const Criterion& criterion, OutsourcingType type);

// An engagement's type and where it comes from.
struct TypeDecision
{
  OutsourcingType type = OutsourcingType::bpo;
  Source source = Source::derived;
};

// The type rule: EXPLICIT_TYPE when set by hand (`explicit`); else the
// ASSESSMENT's type when it gives one (`assessed`); else SERVICE_DEFAULT
// (`derived`). Never fails.
TypeDecision decide_type(std::optional<OutsourcingType> explicit_type, const Assessment& assessment,
                         OutsourcingType service_default);

// Why DECISION is what it is, in one line: `type KPO (assessed): 6 of 8
// criteria point to KPO: judgement, high complexity, ...`, `type BPO
// (derived): default of service payroll; the assessment gives no type (4
// answered, at least 5 needed)`, `type KPO (explicit): set by hand`.
std::string explain_type(const TypeDecision& decision, const Assessment& assessment,
                         std::string_view service_code);

} // namespace vendorcat::domain
