#include "support/load_plugin.hpp"

#include <filesystem>

namespace vigie::testing {

std::shared_ptr<const plugin_host::Library> load_plugin(
    const std::string& name) {
  const std::string file = "/vigie_" + name + ".so";
  const std::filesystem::path built_in = std::string(VIGIE_PLUGIN_DIR) + file;
  if (std::filesystem::exists(built_in))
    return plugin_host::Library::load(built_in);
  return plugin_host::Library::load(std::string(VIGIE_TEST_PLUGIN_DIR) + file);
}

}  // namespace vigie::testing
