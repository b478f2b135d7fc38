#pragma once

// `vendorcat completion bash|zsh|fish`, and the hidden `completion names
// KIND` the scripts run to complete names from the catalogue.

#include "cli/session.hpp"

namespace vendorcat::cli {

// Adds the completion noun to APP, whose command tree its scripts complete.
void setup_completion(CLI::App& app, CommandSlot& slot);

} // namespace vendorcat::cli
