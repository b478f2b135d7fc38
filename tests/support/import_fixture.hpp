#pragma once

// The fixture of the import and export scenarios: a catalogue with FI and EUR
// set, files written into its folder, and counts of every table that a write
// anywhere would change.

#include "support/run_binary.hpp"
#include "support/temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vendorcat::test {

using Lines = std::vector<std::string>;

// ROWS without their `id` keys, for comparing two catalogues.
inline nlohmann::ordered_json without_ids(nlohmann::ordered_json rows)
{
  for (auto& row : rows) {
    row.erase("id");
  }
  return rows;
}

class ImportE2E : public ::testing::Test
{
protected:
  void SetUp() override { cli.ok({"db", "init", "--home-country", "FI", "--base-currency", "EUR"}); }

  // Writes CONTENT to NAME in the test folder and returns its path.
  std::string file(const std::string& name, const std::string& content) const
  {
    write_file(dir / name, content);
    return (dir / name).string();
  }

  Output import(const std::string& kind, const std::string& path, std::vector<std::string> extra = {}) const
  {
    std::vector<std::string> args{"import", kind, path};
    args.insert(args.end(), extra.begin(), extra.end());
    return cli.run(args);
  }

  // A few records of every kind, so that a write anywhere would show.
  void seed() const
  {
    cli.ok({"provider", "add", "Seed Oy", "--country", "FI"});
    cli.ok({"location", "add", "Seed Oy", "--country", "EE", "--city", "Tartu"});
    cli.ok({"offering", "add", "Seed Oy", "payroll"});
    cli.ok({"engagement", "add", "S-1", "--provider", "Seed Oy", "--service", "payroll", "--delivery-country",
            "FI", "--start", "2025-01-01"});
    cli.ok({"spend", "add", "S-1", "--date", "2025-02-01", "--amount", "100.00", "--ref", "INV-S"});
    cli.ok({"fx", "set", "USD", "2025-02", "0.92"});
  }

  std::vector<long long> counts() const
  {
    return {cli.count("provider"), cli.count("location"), cli.count("offering"), cli.count("engagement"),
            cli.count("spend"),    cli.count("fx_rate"),  cli.count("audit_log")};
  }

  TempDir dir;
  Cli cli{dir / "c.db"};
};

} // namespace vendorcat::test
