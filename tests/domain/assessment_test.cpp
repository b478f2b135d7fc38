#include "domain/assessment.hpp"
#include "domain/errors.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

using namespace vendorcat;
using namespace vendorcat::domain;

namespace {

// An assessment written one character per criterion, in the chart's order:
// K points to KPO, B to BPO, '-' is unanswered.
Assessment assessed(std::string_view answers)
{
  Assessment assessment;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (answers[i] == 'K') {
      assessment.answers[i] = OutsourcingType::kpo;
    } else if (answers[i] == 'B') {
      assessment.answers[i] = OutsourcingType::bpo;
    }
  }
  return assessment;
}

struct RuleCase
{
  const char* name;
  const char* answers;
  std::optional<OutsourcingType> explicit_type;
  OutsourcingType service_default;
  OutsourcingType type;
  Source source;
};

constexpr auto bpo = OutsourcingType::bpo;
constexpr auto kpo = OutsourcingType::kpo;

class TypeRule : public testing::TestWithParam<RuleCase>
{
};

} // namespace

TEST_P(TypeRule, GivesTheTypeAndItsSource)
{
  const auto& c = GetParam();
  const auto decision = decide_type(c.explicit_type, assessed(c.answers), c.service_default);
  EXPECT_EQ(decision.type, c.type);
  EXPECT_EQ(decision.source, c.source);
}

INSTANTIATE_TEST_SUITE_P(
  Cases, TypeRule,
  testing::Values(
    // Fewer than five answers never decide, whatever they say.
    RuleCase{"NoAnswers", "--------", std::nullopt, bpo, bpo, Source::derived},
    RuleCase{"OneAnswer", "K-------", std::nullopt, bpo, bpo, Source::derived},
    RuleCase{"TwoAnswers", "KK------", std::nullopt, bpo, bpo, Source::derived},
    RuleCase{"ThreeAnswers", "KKK-----", std::nullopt, bpo, bpo, Source::derived},
    RuleCase{"FourAnswersAllKpo", "KKKK----", std::nullopt, bpo, bpo, Source::derived},
    // Five answers are enough: the majority wins.
    RuleCase{"FiveAnswersAllKpo", "KKKKK---", std::nullopt, bpo, kpo, Source::assessed},
    RuleCase{"FiveAnswersThreeToTwo", "KKKBB---", std::nullopt, bpo, kpo, Source::assessed},
    RuleCase{"SixAnswersTie", "KKKBBB--", std::nullopt, bpo, bpo, Source::derived},
    RuleCase{"SixAnswersTieOnKpoService", "KKKBBB--", std::nullopt, kpo, kpo, Source::derived},
    RuleCase{"SixOfEightKpo", "KKKKKKBB", std::nullopt, bpo, kpo, Source::assessed},
    RuleCase{"SevenAnswersBpoOnKpoService", "BBBBBK-K", std::nullopt, kpo, bpo, Source::assessed},
    RuleCase{"EightAnswersTie", "KBKBKBKB", std::nullopt, kpo, kpo, Source::derived},
    RuleCase{"EightAnswersAllBpo", "BBBBBBBB", std::nullopt, kpo, bpo, Source::assessed},
    RuleCase{"AssessedSameAsService", "KKKKKKKK", std::nullopt, kpo, kpo, Source::assessed},
    // A type set by hand beats any assessment.
    RuleCase{"ExplicitBeatsAssessment", "KKKKKKKK", bpo, bpo, bpo, Source::explicit_},
    RuleCase{"ExplicitKpoWithoutAnswers", "--------", kpo, bpo, kpo, Source::explicit_},
    RuleCase{"ExplicitSameAsAssessed", "BBBBB---", bpo, kpo, bpo, Source::explicit_}),
  [](const testing::TestParamInfo<RuleCase>& param) { return param.param.name; });

TEST(TypeRule, ClearingAnAnswerBelowFiveFallsBackToTheService)
{
  auto assessment = assessed("KKKKK---");
  EXPECT_EQ(decide_type(std::nullopt, assessment, bpo).source, Source::assessed);
  assessment.answers[0].reset(); // `--basis ''`
  EXPECT_EQ(assessment.answered(), 4);
  const auto decision = decide_type(std::nullopt, assessment, bpo);
  EXPECT_EQ(decision.type, bpo);
  EXPECT_EQ(decision.source, Source::derived);
}

TEST(TypeRule, ClearingAnAnswerCanBreakATie)
{
  auto assessment = assessed("KKKBBB--");
  EXPECT_EQ(decide_type(std::nullopt, assessment, kpo).source, Source::derived);
  assessment.answers[5].reset();
  EXPECT_EQ(decide_type(std::nullopt, assessment, bpo).type, kpo);
}

TEST(ParseAnswer, TakesEitherAnswerInAnyCaseAndEmptyForNone)
{
  EXPECT_EQ(parse_answer(criteria[0], "rules"), bpo);
  EXPECT_EQ(parse_answer(criteria[0], " Judgement "), kpo);
  EXPECT_EQ(parse_answer(criteria[3], "cost"), bpo);
  EXPECT_EQ(parse_answer(criteria[3], "knowledge"), kpo);
  EXPECT_EQ(parse_answer(criteria[6], "professional"), kpo);
  EXPECT_EQ(parse_answer(criteria[7], ""), std::nullopt);
}

TEST(ParseAnswer, RefusesOtherWordsNamingBothAnswers)
{
  try {
    parse_answer(criteria[0], "gut-feeling");
    FAIL() << "no error";
  } catch (const FieldError& error) {
    EXPECT_EQ(error.field(), "basis");
    EXPECT_STREQ(error.what(), "invalid basis 'gut-feeling': expected rules (BPO) or judgement (KPO), or an "
                               "empty value to clear it");
  }
  // One criterion's answer is not another's.
  EXPECT_THROW(parse_answer(criteria[1], "knowledge"), FieldError);
}

TEST(FindCriterion, KnowsTheEightByName)
{
  EXPECT_EQ(find_criterion("basis"), 0U);
  EXPECT_EQ(find_criterion("focus"), 7U);
  EXPECT_EQ(find_criterion("luck"), std::nullopt);
}

TEST(ExplainType, GivesTheCountAndTheCriteria)
{
  const auto six = assessed("KKKKKKBB");
  EXPECT_EQ(explain_type({kpo, Source::assessed}, six, "transcription"),
            "type KPO (assessed): 6 of 8 criteria point to KPO: judgement, high complexity, knowledge "
            "expertise, knowledge arbitrage, insight-driven, high coordination; 2 to BPO: communication "
            "skills, low-level processes");
  EXPECT_EQ(explain_type({bpo, Source::assessed}, assessed("BBBBB---"), "research"),
            "type BPO (assessed): 5 of 5 answered criteria point to BPO: rules, low complexity, process "
            "expertise, cost arbitrage, volume-driven");
}

TEST(ExplainType, SaysWhyAnAssessmentDoesNotDecide)
{
  EXPECT_EQ(explain_type({bpo, Source::derived}, {}, "payroll"),
            "type BPO (derived): default of service payroll");
  EXPECT_EQ(explain_type({bpo, Source::derived}, assessed("KKKK----"), "payroll"),
            "type BPO (derived): default of service payroll; the assessment gives no type (4 answered, at "
            "least 5 needed)");
  EXPECT_EQ(explain_type({bpo, Source::derived}, assessed("KKKBBB--"), "payroll"),
            "type BPO (derived): default of service payroll; the assessment ties, 3 to 3");
  EXPECT_EQ(explain_type({bpo, Source::explicit_}, assessed("KKKKKK--"), "payroll"),
            "type BPO (explicit): set by hand; the assessment points to KPO (6 of 6)");
}
