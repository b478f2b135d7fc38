// The service taxonomy (exactly the codes of seed/reference/services.csv) and
// the word lists provider names, titles and notes are built from. The tricky
// notes exercise CSV quoting: commas, double quotes, line breaks and UTF-8.

#include "gen/tables.hpp"

#include <array>
#include <string_view>

namespace vendorcat::gen {

namespace {

using namespace std::string_view_literals;

constexpr std::array services = {
  Service{"customer-service", "Customer service", 160},
  Service{"human-resources", "HR administration", 50},
  Service{"recruitment", "Recruitment", 50},
  Service{"training", "Training", 30},
  Service{"payroll", "Payroll", 50},
  Service{"technical-support", "Technical support", 120},
  Service{"finance-accounting", "Finance and accounting", 90},
  Service{"web-services", "Website hosting", 40},
  Service{"transcription", "Transcription", 30},
  Service{"investment-research", "Investment research", 30},
  Service{"market-research", "Market research", 60},
  Service{"data-analysis", "Data analysis", 80},
  Service{"business-research", "Business research", 40},
  Service{"legal-process", "Legal process outsourcing", 40},
  Service{"financial-process", "Financial process outsourcing", 50},
  Service{"media-process", "Media processing", 30},
};

constexpr auto weights = [] {
  std::array<unsigned, services.size()> result{};
  for (std::size_t i = 0; i < services.size(); ++i) {
    result[i] = services[i].weight;
  }
  return result;
}();

constexpr std::array name_prefixes = {
  "Blue"sv,  "North"sv,   "Bright"sv, "Silver"sv, "Iron"sv,    "Cedar"sv,    "Nova"sv,
  "Apex"sv,  "Harbor"sv,  "Summit"sv, "Lumen"sv,  "Vertex"sv,  "Crescent"sv, "Orion"sv,
  "Maple"sv, "Granite"sv, "Coral"sv,  "Aurora"sv, "Pioneer"sv, "Atlas"sv,
};

constexpr std::array name_cores = {
  "peak"sv, "bridge"sv, "stone"sv, "field"sv, "wave"sv, "gate"sv, "line"sv, "point"sv, "path"sv, "works"sv,
};

constexpr std::array descriptors = {
  "Outsourcing"sv,     "Analytics"sv, "Solutions"sv,          "Services"sv,  "Research"sv, "Consulting"sv,
  "Global Services"sv, "BPO"sv,       "Knowledge Partners"sv, "Data Labs"sv, "Support"sv,  "Talent"sv,
};

constexpr std::array surnames = {
  "Müller"sv, "Nowak"sv,    "Kowalski"sv,  "Santos"sv, "Reyes"sv,  "Sharma"sv,  "Nguyen"sv,
  "Okafor"sv, "Virtanen"sv, "Lindqvist"sv, "Dubois"sv, "García"sv, "Ionescu"sv, "Mensah"sv,
};

constexpr std::array surname_slugs = {
  "mueller"sv, "nowak"sv,    "kowalski"sv,  "santos"sv, "reyes"sv,  "sharma"sv,  "nguyen"sv,
  "okafor"sv,  "virtanen"sv, "lindqvist"sv, "dubois"sv, "garcia"sv, "ionescu"sv, "mensah"sv,
};
static_assert(surnames.size() == surname_slugs.size());

constexpr std::array plain_notes = {
  "Preferred supplier"sv,          "Under review by procurement"sv,  "ISO 27001 certified"sv,
  "Strong multilingual support"sv, "Framework agreement in place"sv, "Escalations via the account manager"sv,
};

constexpr std::array tricky_notes = {
  "Covers EMEA, APAC and LATAM"sv,
  "Good quality, slow onboarding"sv,
  "Night shift, weekends and public holidays"sv,
  "Rated \"excellent\" in the 2025 audit"sv,
  "Known internally as \"the Manila team\""sv,
  "Uses a \"follow the sun\" model, 24/7"sv,
  "Delivery centre in Kraków\nSecond site opens in Łódź next year"sv,
  "Contact: Jyrki Mäkelä\nEscalations via the São Paulo office"sv,
  "Founded in Malmö; team in Bogotá\n\"Tier 1\" partner, see contract"sv,
};

constexpr std::array client_units = {
  "Group Finance"sv, "HR Shared Services"sv, "Customer Care"sv,    "IT Operations"sv, "Marketing"sv,
  "Legal"sv,         "Procurement"sv,        "Sales Operations"sv, "R&D"sv,
};

constexpr std::array owners = {
  "Anna Korhonen"sv, "Jyrki Mäkelä"sv, "Sofia Lindström"sv, "Marco Rossi"sv,
  "Priya Nair"sv,    "Tom O'Brien"sv,  "Zoë Martin"sv,      "Lukas Weber"sv,
};

constexpr std::array programmes = {
  "Phoenix"sv, "Atlas"sv, "Northstar"sv, "Horizon"sv, "Keystone"sv, "Tidewater"sv,
};

constexpr Words all_words{
  name_prefixes, name_cores,   descriptors,  surnames, surname_slugs,
  plain_notes,   tricky_notes, client_units, owners,   programmes,
};

} // namespace

std::span<const Service> service_table()
{
  return services;
}

std::span<const unsigned> service_weights()
{
  return weights;
}

const Words& words()
{
  return all_words;
}

} // namespace vendorcat::gen
