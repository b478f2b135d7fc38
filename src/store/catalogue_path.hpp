#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace vendorcat::store {

using EnvLookup = std::function<const char*(const char*)>;

// Where the catalogue lives: FLAG (from --db) when not empty, else
// $VENDORCAT_DB, else $XDG_DATA_HOME/vendorcat/catalogue.db, else
// $HOME/.local/share/vendorcat/catalogue.db. Throws UsageError when none of
// these can be determined. Relative XDG_DATA_HOME is ignored, as the XDG
// base-directory specification requires.
std::filesystem::path resolve_catalogue_path(const std::string& flag, const EnvLookup& getenv);

} // namespace vendorcat::store
