#pragma once

// What every bulk load of records shares: how a row whose key is already in
// the catalogue is treated, what became of each row, and the errors only
// the whole load can show.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace vendorcat::store {

enum class OnConflict
{
  error,  // a row whose key exists is an error
  skip,   // ... is left alone
  update, // ... replaces the existing record's given fields
};

// The policy named TEXT (error, skip or update); throws UsageError otherwise.
OnConflict parse_on_conflict(std::string_view text);

enum class Outcome
{
  created,
  updated,
  skipped,
};

struct LoadSummary
{
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t skipped = 0;
  // What was written but looks wrong, each naming its file line; the first
  // max_warnings kept, warnings_total counts them all.
  static constexpr std::size_t max_warnings = 50;
  std::vector<std::string> warnings;
  std::size_t warnings_total = 0;

  void count(Outcome outcome);
};

// A bad row found only once every row is in (or a warning about a row
// written): its file LINE, COLUMN and message.
using LateError =
  std::function<void(std::size_t line, const std::string& column, const std::string& message)>;

} // namespace vendorcat::store
