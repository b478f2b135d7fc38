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

std::filesystem::path resolve_catalogue_path(const std::optional<std::string>& flag, const EnvLookup& getenv)
{
  if (flag) {
    if (flag->empty()) {
      throw UsageError("--db is empty: give the catalogue's file (or leave --db out for the default one)");
    }
    return *flag;
  }
  if (const char* db = getenv("VENDORCAT_DB")) {
    if (*db == '\0') {
      throw UsageError(
        "VENDORCAT_DB is set but empty: give the catalogue's file, or unset it for the default one");
    }
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
