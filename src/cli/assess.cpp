// `vendorcat engagement assess`: the eight BPO/KPO criteria, one flag each.

#include "cli/nouns.hpp"
#include "cli/rows.hpp"
#include "domain/assessment.hpp"
#include "domain/errors.hpp"
#include "report/assessment.hpp"
#include "report/record.hpp"
#include "report/render.hpp"
#include "store/assessments.hpp"
#include "store/engagements.hpp"

#include <fmt/format.h>

namespace vendorcat::cli {

namespace {

struct AssessOptions
{
  std::string ref;
  store::AssessmentFields fields;
  bool clear = false;
};

bool gives_answers(const store::AssessmentFields& fields)
{
  for (const auto answer : store::AssessmentFields::answers) {
    if (fields.*answer) {
      return true;
    }
  }
  return false;
}

// ENGAGEMENT_ID's type line, as `engagement show` explains it.
std::string type_line(store::Catalogue& catalogue, std::int64_t engagement_id)
{
  const auto row = store::engagement_assessment(catalogue, engagement_id);
  return domain::explain_type({row.type, row.type_source}, row.assessment, row.service);
}

// The engagement's assessment as `report assessment` shows its row, with the
// type line under it.
void show(Session& session, std::int64_t engagement_id)
{
  auto& catalogue = session.catalogue();
  auto record =
    record_of_row(report::assessment_table({store::engagement_assessment(catalogue, engagement_id)}));
  record.notes.push_back(type_line(catalogue, engagement_id));
  session.print(record);
}

void run_assess(Session& session, const AssessOptions& options)
{
  if (options.clear && gives_answers(options.fields)) {
    throw UsageError("--clear removes every answer: give it alone, or give the answers without it");
  }
  if (!options.clear && !gives_answers(options.fields)) {
    show(session, store::find_engagement(session.catalogue(), options.ref).id);
    return;
  }
  auto fields = options.fields;
  if (options.clear) {
    for (const auto answer : store::AssessmentFields::answers) {
      fields.*answer = "";
    }
  }
  const auto [outcome, line] = session.write([&](store::Catalogue& catalogue) {
    const auto id = store::find_engagement(catalogue, options.ref).id;
    const auto done = store::assess_engagement(catalogue, id, fields);
    return std::pair{done, type_line(catalogue, id)};
  });
  const char* what = outcome == store::AssessOutcome::created   ? "assessed"
                     : outcome == store::AssessOutcome::removed ? "cleared the assessment of"
                     : outcome == store::AssessOutcome::updated ? "reassessed"
                                                                : "unchanged:";
  session.note(fmt::format("{} engagement {}: {}", what, options.ref, line));
}

} // namespace

void setup_assess(CLI::App& noun, CommandSlot& slot)
{
  auto options = std::make_shared<AssessOptions>();
  auto* app = add_verb<AssessOptions>(
    noun, slot, "assess",
    fmt::format("Answer the eight criteria that set BPO against KPO (see 'vendorcat help bpo-kpo'). With "
                "at least {} answers that do not tie, the majority gives the engagement's type "
                "(type_source assessed) unless a type was set by hand. An empty value clears an answer; "
                "without answers, shows the assessment.\n"
                "Example: vendorcat engagement assess ENG-2026-014 --basis judgement --complexity high "
                "--expertise knowledge --arbitrage knowledge --driver insight --talent professional",
                domain::min_assessed_answers),
    Needs::writing, run_assess, options);
  app->add_option("REF", options->ref, "Engagement id or ref")->required();
  for (std::size_t i = 0; i < domain::criteria.size(); ++i) {
    const auto& criterion = domain::criteria[i];
    add_optional(
      app, fmt::format("--{}", criterion.name), options->fields.*store::AssessmentFields::answers[i],
      fmt::format("{} {} (BPO) or {} (KPO)", criterion.question, criterion.bpo_answer, criterion.kpo_answer));
  }
  app->add_flag("--clear", options->clear, "Remove every answer: the type is derived from the service again");
}

} // namespace vendorcat::cli
