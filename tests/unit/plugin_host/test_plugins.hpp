// Paths of the plugins the tests load.
#pragma once

#include <filesystem>
#include <string>

namespace vigie::testing {

inline std::filesystem::path test_plugin(const std::string& name) {
  return std::filesystem::path(VIGIE_TEST_PLUGIN_DIR) /
         ("vigie_" + name + ".so");
}

inline std::filesystem::path builtin_plugin(const std::string& name) {
  return std::filesystem::path(VIGIE_PLUGIN_DIR) / ("vigie_" + name + ".so");
}

}  // namespace vigie::testing
