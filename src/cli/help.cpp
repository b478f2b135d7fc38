// `vendorcat help [TOPIC]`: the domain explained in its own words, or a
// noun's --help. The BPO/KPO topic is written from the criteria themselves
// (domain/assessment), so that it cannot drift from what `engagement assess`
// takes; the others are in help_topics.

#include "cli/command_tree.hpp"
#include "cli/help_topics.hpp"
#include "cli/nouns.hpp"
#include "domain/assessment.hpp"
#include "domain/errors.hpp"
#include "domain/suggest.hpp"

#include <fmt/format.h>

#include <algorithm>
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

constexpr std::array<Topic, 6> topics{{
  {"bpo-kpo", "the eight criteria that set BPO against KPO, and the type rule", bpo_kpo},
  {"delivery-models", "onshore, nearshore, offshore: how they are derived", delivery_models_topic},
  {"money", "exact amounts, currencies, exchange rates and rounding", money_topic},
  {"import", "kinds, files, all or nothing, batches, --again and undo", import_topic},
  {"renewals", "current terms, notice deadlines and their states", renewals_topic},
  {"backends", "a file or a PostgreSQL server, and db copy", backends_topic},
}};

struct HelpOptions
{
  const CLI::App* root = nullptr;
  std::string topic;
};

// The topics, then the nouns whose --help `help NOUN` prints.
std::vector<std::string> topic_names(const CLI::App& root)
{
  std::vector<std::string> names;
  for (const auto& topic : topics) {
    names.emplace_back(topic.name);
  }
  for (const auto& noun : subcommand_names(root)) {
    if (noun != "help" && std::find(names.begin(), names.end(), noun) == names.end()) {
      names.push_back(noun);
    }
  }
  return names;
}

void run_help(Session& session, const HelpOptions& options)
{
  if (options.topic.empty()) {
    session.out() << "vendorcat help TOPIC, where TOPIC is one of:\n";
    for (const auto& topic : topics) {
      session.out() << fmt::format("  {:<16} {}\n", topic.name, topic.summary);
    }
    session.out() << "Every command explains itself too: 'vendorcat help NOUN' lists a noun's\n"
                     "commands and 'vendorcat NOUN VERB --help' shows a command's flags.\n";
    return;
  }
  for (const auto& topic : topics) {
    if (topic.name == options.topic) {
      session.out() << topic.text();
      return;
    }
  }
  for (const auto* noun : visible_subcommands(*options.root)) {
    if (noun->get_name() == options.topic) {
      session.out() << noun->help(options.root->get_name());
      return;
    }
  }
  throw UsageError(fmt::format("unknown help topic '{}'{} (see 'vendorcat help')", options.topic,
                               domain::did_you_mean(options.topic, topic_names(*options.root))));
}

} // namespace

void setup_help(CLI::App& app, CommandSlot& slot)
{
  auto options = std::make_shared<HelpOptions>();
  options->root = &app;
  const auto* root = &app;
  add_verb<HelpOptions>(app, slot, "help",
                        "Explain a topic of the domain, or a noun's commands (without a topic: the "
                        "list of topics).\nExample: vendorcat help money",
                        Needs::nothing, run_help, options)
    ->add_option("TOPIC", options->topic, "A topic that 'vendorcat help' lists, or a noun")
    ->check(choices([root] { return topic_names(*root); }));
}

} // namespace vendorcat::cli
