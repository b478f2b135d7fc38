#include "store/load.hpp"

#include "domain/errors.hpp"

#include <fmt/format.h>

namespace vendorcat::store {

OnConflict parse_on_conflict(std::string_view text)
{
  if (text == "error") {
    return OnConflict::error;
  }
  if (text == "skip") {
    return OnConflict::skip;
  }
  if (text == "update") {
    return OnConflict::update;
  }
  throw UsageError(fmt::format("invalid --on-conflict '{}': expected error, skip or update", text));
}

void LoadSummary::count(Outcome outcome)
{
  switch (outcome) {
  case Outcome::created:
    ++created;
    break;
  case Outcome::updated:
    ++updated;
    break;
  case Outcome::skipped:
    ++skipped;
    break;
  }
}

} // namespace vendorcat::store
