#include "domain/errors.hpp"
#include "store/catalogue_path.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

using vendorcat::store::resolve_catalogue_path;

namespace {

vendorcat::store::EnvLookup env(std::map<std::string, std::string> values)
{
  return [values = std::move(values)](const char* name) -> const char* {
    auto it = values.find(name);
    return it == values.end() ? nullptr : it->second.c_str();
  };
}

} // namespace

TEST(CataloguePath, FlagWinsOverEverything)
{
  EXPECT_EQ(resolve_catalogue_path("x.db", env({{"VENDORCAT_DB", "/e.db"}, {"HOME", "/h"}})), "x.db");
}

TEST(CataloguePath, EnvironmentVariableWhenNoFlag)
{
  EXPECT_EQ(resolve_catalogue_path(std::nullopt, env({{"VENDORCAT_DB", "/e.db"}, {"XDG_DATA_HOME", "/d"}})),
            "/e.db");
}

TEST(CataloguePath, XdgDataHomeWhenSet)
{
  EXPECT_EQ(resolve_catalogue_path(std::nullopt, env({{"XDG_DATA_HOME", "/data"}, {"HOME", "/h"}})),
            "/data/vendorcat/catalogue.db");
}

TEST(CataloguePath, HomeLocalShareOtherwise)
{
  EXPECT_EQ(resolve_catalogue_path(std::nullopt, env({{"HOME", "/home/ana"}})),
            "/home/ana/.local/share/vendorcat/catalogue.db");
}

TEST(CataloguePath, RelativeXdgDataHomeIsIgnored)
{
  EXPECT_EQ(resolve_catalogue_path(std::nullopt, env({{"XDG_DATA_HOME", "rel"}, {"HOME", "/h"}})),
            "/h/.local/share/vendorcat/catalogue.db");
}

TEST(CataloguePath, EmptyXdgDataHomeCountsAsUnset)
{
  EXPECT_EQ(resolve_catalogue_path(std::nullopt, env({{"XDG_DATA_HOME", ""}, {"HOME", "/h"}})),
            "/h/.local/share/vendorcat/catalogue.db");
}

TEST(CataloguePath, AnEmptyFlagOrVariableIsAUsageError)
{
  EXPECT_THROW(resolve_catalogue_path(std::string(), env({{"HOME", "/h"}})), vendorcat::UsageError);
  EXPECT_THROW(resolve_catalogue_path(std::nullopt, env({{"VENDORCAT_DB", ""}, {"HOME", "/h"}})),
               vendorcat::UsageError);
}

TEST(CataloguePath, NothingKnownIsAUsageError)
{
  EXPECT_THROW(resolve_catalogue_path(std::nullopt, env({})), vendorcat::UsageError);
}
