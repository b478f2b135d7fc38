// The layers of ARCHITECTURE.md, held by the includes of src/: each folder
// includes only the folders below it, SQLiteCpp and pragmas stay in the
// SQLite backend, and store/'s own interfaces stay inside store/.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

const fs::path source_dir = fs::path(VENDORCAT_SOURCE_DIR) / "src";

// The layer of a file: its first folder under src/ (main.cpp is "main").
std::string layer_of(const fs::path& file)
{
  const auto relative = fs::relative(file, source_dir);
  return relative.has_parent_path() ? relative.begin()->string() : "main";
}

std::string content_of(const fs::path& file)
{
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every source file of src/ with its content.
std::map<fs::path, std::string> sources()
{
  std::map<fs::path, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(source_dir)) {
    const auto extension = entry.path().extension();
    if (entry.is_regular_file() && (extension == ".cpp" || extension == ".hpp")) {
      files.emplace(entry.path(), content_of(entry.path()));
    }
  }
  return files;
}

} // namespace

TEST(Architecture, EachLayerIncludesOnlyTheLayersBelowIt)
{
  const std::map<std::string, std::set<std::string>> allowed{
    {"main", {"cli"}},
    {"cli", {"cli", "report", "io", "store", "table", "domain"}},
    {"report", {"report", "store", "table", "domain"}},
    {"io", {"io", "store", "table", "domain"}},
    {"store", {"store", "domain"}},
    {"table", {"table", "domain"}},
    {"domain", {"domain"}},
    {"gen", {"gen", "domain"}},
  };
  const std::regex include(R"re(#include "([a-z_]+)/)re");
  for (const auto& [file, text] : sources()) {
    const auto layer = layer_of(file);
    ASSERT_TRUE(allowed.contains(layer)) << file << ": a folder ARCHITECTURE.md does not name";
    for (std::sregex_iterator it(text.begin(), text.end(), include), end; it != end; ++it) {
      EXPECT_TRUE(allowed.at(layer).contains((*it)[1].str())) << file << " includes " << (*it)[0].str();
    }
  }
}

TEST(Architecture, SqliteStaysInItsBackend)
{
  for (const auto& [file, text] : sources()) {
    const auto relative = fs::relative(file, source_dir).string();
    if (relative.starts_with("store/sqlite/")) {
      continue;
    }
    EXPECT_EQ(text.find("<SQLiteCpp/"), std::string::npos) << relative;
    EXPECT_EQ(text.find("<sqlite3.h>"), std::string::npos) << relative;
    EXPECT_EQ(text.find("PRAGMA"), std::string::npos) << relative;
    EXPECT_EQ(text.find("spend_reference"), std::string::npos) << relative;
  }
}

TEST(Architecture, TheStoresOwnInterfacesStayInsideIt)
{
  const std::regex internal(
    R"re(#include "store/(sql|backend|spend_writer|spend_sink|sqlite/[a-z_]+)\.hpp")re");
  for (const auto& [file, text] : sources()) {
    if (layer_of(file) != "store") {
      EXPECT_FALSE(std::regex_search(text, internal)) << file;
    }
  }
}
