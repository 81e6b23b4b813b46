// A plugin's configuration checked against the options it declares.
#pragma once

#include <map>
#include <set>
#include <string>

#include "plugin_host/descriptor.hpp"

namespace vigie::plugin_host {

// Checks `given` (flattened: "key", "key.sub", "key.0") against the
// plugin's options and fills in defaults. Throws PluginError, prefixed with
// `who`, for an unknown key (listing the valid ones) or a missing required
// one.
std::map<std::string, std::string> resolve_options(
    const PluginDescriptor& info,
    const std::map<std::string, std::string>& given, const std::string& who);

// The keys of `values` that belong to options declared secret.
std::set<std::string> secret_keys(
    const PluginDescriptor& info,
    const std::map<std::string, std::string>& values);

}  // namespace vigie::plugin_host
