// Runs the generators in dependency order. Providers and engagements are kept
// as compact models (a few bytes each) for the files that refer to them; spend
// is streamed; each file draws from its own random stream, so e.g. asking for
// more spend lines leaves the other files unchanged.

#include "gen/generate.hpp"

#include "domain/counted.hpp"
#include "domain/errors.hpp"
#include "gen/catalogue.hpp"
#include "gen/ledger.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

namespace vendorcat::gen {

Counts generate(const Settings& settings)
{
  std::error_code error;
  std::filesystem::create_directories(settings.out, error);
  if (error || !std::filesystem::is_directory(settings.out)) {
    throw IoError(fmt::format("cannot create the folder '{}': {}", settings.out,
                              error ? error.message() : "not a folder"));
  }
  Counts counts;
  const auto providers = write_providers(settings, counts);
  const auto engagements = write_engagements(settings, providers, counts);
  write_spend(settings, engagements, counts);
  write_fx(settings, counts);
  return counts;
}

std::string summary(const Counts& counts, const std::string& out)
{
  return fmt::format("wrote {}, {}, {}, {}, {} and {} to {}", domain::counted(counts.providers, "provider"),
                     domain::counted(counts.locations, "location"),
                     domain::counted(counts.offerings, "offering"),
                     domain::counted(counts.engagements, "engagement"),
                     domain::counted(counts.spend, "spend line"), domain::counted(counts.fx, "fx rate"), out);
}

} // namespace vendorcat::gen
