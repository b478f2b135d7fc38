#pragma once

// The command line of vendorcat-gen: what to generate and where.

#include "domain/date.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace vendorcat::gen {

struct Options
{
  std::string out;
  std::uint64_t seed = 1;
  std::uint64_t providers = 200;
  std::uint64_t engagements = 1000;
  std::uint64_t spend = 100000;
  int months = 24;
  std::string currencies = "EUR,USD,GBP,SEK,INR,PHP";
};

// The validated settings the generators work from.
struct Settings
{
  std::string out;
  std::uint64_t seed = 1;
  std::uint64_t providers = 0;
  std::uint64_t engagements = 0;
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
