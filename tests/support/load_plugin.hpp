// A plugin of this build, loaded by the engine's own loader.
#pragma once

#include <memory>
#include <string>

#include "plugin_host/library.hpp"
// Tests read the C descriptor (Library::info()) as a plugin wrote it.
#include "vigie/plugin.h"

namespace vigie::testing {

// Loads VIGIE_PLUGIN_DIR/vigie_<name>.so (a built-in plugin), else the test
// plugin of that name in VIGIE_TEST_PLUGIN_DIR, and checks its descriptor and
// ABI as a run does. Throws plugin_host::PluginError.
std::shared_ptr<const plugin_host::Library> load_plugin(
    const std::string& name);

}  // namespace vigie::testing
