#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace vendorcat::store {

using EnvLookup = std::function<const char*(const char*)>;

// Where the catalogue lives: FLAG (from --db) when given, else
// $VENDORCAT_DB when set, else $XDG_DATA_HOME/vendorcat/catalogue.db, else
// $HOME/.local/share/vendorcat/catalogue.db. Throws UsageError when --db or
// VENDORCAT_DB is given empty (an empty path is a mistake, never "the
// default") or when no place can be determined. Relative XDG_DATA_HOME is
// ignored, as the XDG base-directory specification requires.
std::filesystem::path resolve_catalogue_path(const std::optional<std::string>& flag, const EnvLookup& getenv);

} // namespace vendorcat::store
