// The conversions between a plugin's C descriptor (vigie/plugin.h) and the
// engine's PluginDescriptor: done once, when a library is loaded, and back
// for the few checks the SDK states over the C structs.
#pragma once

#include "plugin_host/descriptor.hpp"
#include "vigie/plugin.h"

namespace vigie::plugin_host {

// `info` read in this engine's layout (Library::info()).
PluginDescriptor describe(const vigie_plugin_info& info);

// The option's range and choices as the C struct states them; the result
// points into `option`.
vigie_option as_abi(const OptionDescriptor& option,
                    std::vector<const char*>& choices);

}  // namespace vigie::plugin_host
