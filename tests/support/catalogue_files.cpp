#include "support/catalogue_files.hpp"

#include "support/process.hpp"

#include <stdexcept>

#ifndef VENDORCAT_BIN
#define VENDORCAT_BIN "vendorcat"
#endif
#ifndef VENDORCAT_GEN_BIN
#define VENDORCAT_GEN_BIN "vendorcat-gen"
#endif

namespace vendorcat::test {

namespace {

TimedOutput sqlite(const std::filesystem::path& db, const std::string& sql)
{
  return run_with("/usr/bin/sqlite3", {db.string(), sql}, RunOptions{});
}

void must_succeed(const TimedOutput& output, const std::string& what)
{
  if (output.status != 0) {
    throw std::runtime_error(what + " failed (exit " + std::to_string(output.status) + "): " + output.err);
  }
}

} // namespace

std::string dump_of(const std::filesystem::path& db)
{
  const auto output = sqlite(db, ".dump");
  must_succeed(output, "sqlite3 " + db.string() + " .dump");
  return output.out;
}

long long row_count(const std::filesystem::path& db, const std::string& table)
{
  if (!std::filesystem::exists(db)) {
    return -1;
  }
  const auto output = sqlite(db, "SELECT count(*) FROM " + table);
  if (output.status != 0 || output.out.empty()) {
    return -1;
  }
  return std::stoll(output.out);
}

bool check_passes(const std::filesystem::path& db, std::string* output)
{
  const auto result = run_with(VENDORCAT_BIN, {"--db", db.string(), "db", "check"}, RunOptions{});
  if (output != nullptr) {
    *output = result.out + result.err;
  }
  return result.status == 0;
}

GeneratedCatalogue generate_catalogue(const std::filesystem::path& folder, std::uint64_t spend_lines)
{
  const auto data = folder / "data";
  must_succeed(run_with(VENDORCAT_GEN_BIN,
                        {"--out", data.string(), "--seed", "7", "--spend", std::to_string(spend_lines)},
                        RunOptions{}),
               "vendorcat-gen");
  GeneratedCatalogue result{folder / "base.db", data / "spend.csv"};
  const auto db = result.base.string();
  must_succeed(run_with(VENDORCAT_BIN,
                        {"--db", db, "-q", "db", "init", "--home-country", "FI", "--base-currency", "EUR"},
                        RunOptions{}),
               "db init");
  for (const char* kind : {"providers", "locations", "offerings", "engagements", "fx"}) {
    must_succeed(run_with(VENDORCAT_BIN,
                          {"--db", db, "-q", "import", kind, (data / (std::string(kind) + ".csv")).string()},
                          RunOptions{}),
                 std::string("import ") + kind);
  }
  return result;
}

} // namespace vendorcat::test
