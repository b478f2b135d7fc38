// `vendorcat help [TOPIC]`: the domain explained in its own words. The
// BPO/KPO topic is written from the criteria themselves (domain/assessment),
// so that it cannot drift from what `engagement assess` takes.

#include "cli/nouns.hpp"
#include "domain/assessment.hpp"
#include "domain/errors.hpp"
#include "domain/suggest.hpp"

#include <fmt/format.h>

#include <array>
#include <ostream>
#include <string_view>
#include <vector>

namespace vendorcat::cli {

namespace {

std::string bpo_kpo()
{
  std::string text =
    fmt::format("BPO and KPO\n"
                "\n"
                "Business process outsourcing (BPO) hands a provider rule-based, volume-driven\n"
                "work for cost arbitrage: call centres, payroll, technical support.\n"
                "Knowledge process outsourcing (KPO) hands a provider judgement-based,\n"
                "insight-driven work for knowledge arbitrage: market research, investment\n"
                "research, legal process outsourcing.\n"
                "\n"
                "The comparison chart sets them against each other on eight criteria.\n"
                "'vendorcat engagement assess REF' records an answer to any of them; each\n"
                "answer points to BPO or KPO:\n"
                "\n"
                "  {:<15} {:<15} {}\n",
                "flag", "BPO answer", "KPO answer");
  for (const auto& criterion : domain::criteria) {
    text += fmt::format("  --{:<13} {:<15} {}\n      {}\n", criterion.name, criterion.bpo_answer,
                        criterion.kpo_answer, criterion.question);
  }
  text += fmt::format("\n"
                      "The type rule. An engagement's type is, in this order:\n"
                      "  1. the type set by hand ('engagement update REF --type KPO'): explicit;\n"
                      "  2. else, when at least {} criteria are answered and they do not tie, the\n"
                      "     type most of them point to: assessed;\n"
                      "  3. else its service's default type ('service list'): derived.\n"
                      "The word after the colon is the engagement's type_source. An empty answer\n"
                      "('--basis \"\"') clears it and '--clear' clears them all; an empty type\n"
                      "('--type \"\"') lets the assessment or the service decide again. Each change\n"
                      "moves the engagement's spend between BPO and KPO in 'report spend' at once.\n"
                      "\n"
                      "  vendorcat engagement assess ENG-1 --basis judgement --complexity high ...\n"
                      "  vendorcat engagement show ENG-1      # why its type is what it is\n"
                      "  vendorcat engagement list --type-source assessed\n"
                      "  vendorcat report assessment --mismatch-only\n"
                      "                                      # assessed type differs from the service's\n",
                      domain::min_assessed_answers);
  return text;
}

struct Topic
{
  std::string_view name;
  std::string_view summary;
  std::string (*text)();
};

constexpr std::array<Topic, 1> topics{{
  {"bpo-kpo", "the eight criteria that set BPO against KPO, and the type rule", bpo_kpo},
}};

struct HelpOptions
{
  std::string topic;
};

void run_help(Session& session, const HelpOptions& options)
{
  if (options.topic.empty()) {
    session.out() << "vendorcat help TOPIC, where TOPIC is one of:\n";
    for (const auto& topic : topics) {
      session.out() << fmt::format("  {:<16} {}\n", topic.name, topic.summary);
    }
    session.out() << "Every command explains itself too: vendorcat NOUN VERB --help\n";
    return;
  }
  std::vector<std::string> names;
  for (const auto& topic : topics) {
    if (topic.name == options.topic) {
      session.out() << topic.text();
      return;
    }
    names.emplace_back(topic.name);
  }
  throw UsageError(fmt::format("unknown help topic '{}'{} (see 'vendorcat help')", options.topic,
                               domain::did_you_mean(options.topic, names)));
}

} // namespace

void setup_help(CLI::App& app, CommandSlot& slot)
{
  auto options = std::make_shared<HelpOptions>();
  add_verb<HelpOptions>(app, slot, "help",
                        "Explain a topic of the domain: vendorcat help bpo-kpo (without a topic: the "
                        "list of topics)",
                        Needs::nothing, run_help, options)
    ->add_option("TOPIC", options->topic, "bpo-kpo");
}

} // namespace vendorcat::cli
