#pragma once

// One setup function per noun; each adds the noun and its verbs to APP and
// stores the chosen command in SLOT when the command line selects it.

#include "cli/session.hpp"

namespace vendorcat::cli {

void setup_db(CLI::App& app, CommandSlot& slot);
void setup_config(CLI::App& app, CommandSlot& slot);
void setup_service(CLI::App& app, CommandSlot& slot);
void setup_provider(CLI::App& app, CommandSlot& slot);
void setup_location(CLI::App& app, CommandSlot& slot);
void setup_offering(CLI::App& app, CommandSlot& slot);
void setup_engagement(CLI::App& app, CommandSlot& slot);
// `engagement assess`, added to the engagement noun NOUN.
void setup_assess(CLI::App& noun, CommandSlot& slot);
void setup_spend(CLI::App& app, CommandSlot& slot);
void setup_fx(CLI::App& app, CommandSlot& slot);
void setup_volume(CLI::App& app, CommandSlot& slot);
// `fx import-ecb`, added to the fx noun NOUN.
void setup_fx_import_ecb(CLI::App& noun, CommandSlot& slot);
void setup_bulk(CLI::App& app, CommandSlot& slot);
void setup_report(CLI::App& app, CommandSlot& slot);
void setup_audit(CLI::App& app, CommandSlot& slot);
void setup_help(CLI::App& app, CommandSlot& slot);

} // namespace vendorcat::cli
