// The layers of ARCHITECTURE.md, held by the includes of src/: each folder
// includes only the folders below it, SQLiteCpp and pragmas stay in the
// SQLite backend, and store/'s own interfaces stay inside store/.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

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

// The paths of the project's own includes in TEXT (`#include "io/kind.hpp"`).
std::vector<std::string> project_includes(const std::string& text)
{
  std::vector<std::string> paths;
  const std::string directive = "#include \"";
  for (auto at = text.find(directive); at != std::string::npos; at = text.find(directive, at + 1)) {
    const auto start = at + directive.size();
    const auto end = text.find('"', start);
    if (end != std::string::npos) {
      paths.push_back(text.substr(start, end - start));
    }
  }
  return paths;
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
  for (const auto& [file, text] : sources()) {
    const auto layer = layer_of(file);
    ASSERT_TRUE(allowed.contains(layer)) << file << ": a folder ARCHITECTURE.md does not name";
    for (const auto& path : project_includes(text)) {
      const auto folder = path.substr(0, path.find('/'));
      EXPECT_TRUE(allowed.at(layer).contains(folder)) << file << " includes " << path;
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
    if (!relative.starts_with("store/postgres/")) { // the index name, which each backend's sink knows
      EXPECT_EQ(text.find("spend_reference"), std::string::npos) << relative;
    }
  }
}

TEST(Architecture, LibpqStaysInItsBackend)
{
  for (const auto& [file, text] : sources()) {
    const auto relative = fs::relative(file, source_dir).string();
    if (!relative.starts_with("store/postgres/")) {
      EXPECT_EQ(text.find("<libpq-fe.h>"), std::string::npos) << relative;
      EXPECT_EQ(text.find("pg_advisory"), std::string::npos) << relative;
    }
  }
}

TEST(Architecture, TheStoresOwnInterfacesStayInsideIt)
{
  const std::set<std::string> internal{"store/sql.hpp", "store/backend.hpp", "store/spend_writer.hpp",
                                       "store/spend_sink.hpp"};
  for (const auto& [file, text] : sources()) {
    if (layer_of(file) == "store") {
      continue;
    }
    for (const auto& path : project_includes(text)) {
      EXPECT_FALSE(internal.contains(path) || path.starts_with("store/sqlite/") ||
                   path.starts_with("store/postgres/"))
        << file << " includes " << path;
    }
  }
}
