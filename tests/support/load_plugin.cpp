#include "support/load_plugin.hpp"

namespace vigie::testing {

std::shared_ptr<const plugin_host::Library> load_plugin(
    const std::string& name) {
  return plugin_host::Library::load(std::string(VIGIE_PLUGIN_DIR) + "/vigie_" +
                                    name + ".so");
}

}  // namespace vigie::testing
