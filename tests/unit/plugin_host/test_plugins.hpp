// Paths of the plugins the tests load, and why a file does not load.
#pragma once

#include <filesystem>
#include <string>

#include "plugin_host/library.hpp"
#include "plugin_host/plugin_error.hpp"
#include "vigie/plugin.h"

namespace vigie::testing {

inline std::filesystem::path test_plugin(const std::string& name) {
  return std::filesystem::path(VIGIE_TEST_PLUGIN_DIR) /
         ("vigie_" + name + ".so");
}

inline std::filesystem::path builtin_plugin(const std::string& name) {
  return std::filesystem::path(VIGIE_PLUGIN_DIR) / ("vigie_" + name + ".so");
}

// The message Library::load refuses `path` with, or "" when it loads.
inline std::string load_error(const std::filesystem::path& path) {
  try {
    plugin_host::Library::load(path);
  } catch (const plugin_host::PluginError& e) {
    return e.what();
  }
  return "";
}

}  // namespace vigie::testing
