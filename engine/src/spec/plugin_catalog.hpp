// What the spec checker needs to know of the plugins: their descriptors,
// by name. The plugin host implements it; tests can fake it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plugin_host/descriptor.hpp"

namespace vigie::spec {

using plugin_host::OptionDescriptor;
using plugin_host::OptionType;
using plugin_host::OutputDescriptor;
using plugin_host::OutputKind;
using plugin_host::PluginDescriptor;
using plugin_host::PluginKind;

class PluginCatalog {
 public:
  virtual ~PluginCatalog() = default;
  // The descriptor of the plugin of that name, or nullptr.
  virtual const PluginDescriptor* find(std::string_view name) const = 0;
  // Names of the plugins of one kind, for "did you mean" and listings.
  virtual std::vector<std::string> names(PluginKind kind) const = 0;
  // Why a plugin file of that name was found but refused (with the file and
  // the loader's reason), or "" when there was none.
  virtual std::string refusal(std::string_view /*name*/) const { return ""; }
};

}  // namespace vigie::spec
