#pragma once

// The command line of vendorcat-gen: what to generate and where.

#include "domain/date.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vendorcat::gen {

// How spend lines fall on engagements and months.
enum class Profile
{
  // A few engagements collect most lines (Pareto weights), 24 months: the
  // roll-up holds few cells for many lines.
  concentrated,
  // Thousands of engagements, eight years, each line on a random engagement
  // and a random month of its term: a few lines per engagement and month.
  spread,
  // Each engagement invoices once every month of its term: one line per
  // roll-up cell, the roll-up's worst case.
  monthly,
};

// The options; those left unset take the profile's defaults.
struct Options
{
  std::string out;
  std::uint64_t seed = 1;
  std::string profile = "concentrated";
  std::optional<std::uint64_t> providers;
  std::optional<std::uint64_t> engagements;
  std::optional<std::uint64_t> locations; // mean delivery locations per provider
  std::uint64_t spend = 100000;
  std::optional<int> months;
  std::optional<std::string> currencies;
};

// The validated settings the generators work from.
struct Settings
{
  std::string out;
  std::uint64_t seed = 1;
  Profile profile = Profile::concentrated;
  std::uint64_t providers = 0;
  std::uint64_t engagements = 0;
  std::uint64_t locations = 0; // mean per provider; 0: about one (0 to 3, weighted)
  std::uint64_t spend = 0;
  domain::Month first_month;           // the window's first month
  int months = 0;                      // the window's length, ending 2026-10
  std::vector<std::size_t> currencies; // indices into currency_table()
};

// Declares the options on APP, to be stored in OPTIONS when APP parses.
void setup_options(CLI::App& app, Options& options);

// OPTIONS checked and resolved; throws UsageError naming the bad value (an
// unknown or repeated currency, spend lines without engagements, ...).
Settings resolve(const Options& options);

} // namespace vendorcat::gen
