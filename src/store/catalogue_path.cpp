#include "store/catalogue_path.hpp"

#include "domain/errors.hpp"

namespace vendorcat::store {

namespace {

std::string from_env(const EnvLookup& getenv, const char* name)
{
  const char* value = getenv(name);
  return value ? std::string(value) : std::string();
}

} // namespace

std::filesystem::path resolve_catalogue_path(const std::string& flag, const EnvLookup& getenv)
{
  if (!flag.empty()) {
    return flag;
  }
  if (auto db = from_env(getenv, "VENDORCAT_DB"); !db.empty()) {
    return db;
  }
  const std::filesystem::path relative = std::filesystem::path("vendorcat") / "catalogue.db";
  if (auto data_home = from_env(getenv, "XDG_DATA_HOME");
      !data_home.empty() && std::filesystem::path(data_home).is_absolute()) {
    return std::filesystem::path(data_home) / relative;
  }
  if (auto home = from_env(getenv, "HOME"); !home.empty()) {
    return std::filesystem::path(home) / ".local" / "share" / relative;
  }
  throw UsageError("cannot tell where the catalogue lives: pass --db PATH or set VENDORCAT_DB");
}

} // namespace vendorcat::store
