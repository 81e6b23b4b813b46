// A plugin that claims a future ABI major: the engine must refuse it before
// calling anything else, naming the file and both ABIs.
#include "vigie/plugin.h"

namespace {

const vigie_plugin_info kInfo{sizeof(vigie_plugin_info),
                              VIGIE_ABI_MAJOR + 1,
                              0,
                              VIGIE_KIND_CONNECTOR,
                              "abi_mismatch",
                              "1.0.0",
                              "Built for another plugin ABI (tests)",
                              0,
                              nullptr,
                              0,
                              nullptr,
                              0,
                              nullptr,
                              nullptr};

}  // namespace

extern "C" __attribute__((visibility("default"))) const vigie_plugin_info*
vigie_get_plugin_info(void) {
  return &kInfo;
}
