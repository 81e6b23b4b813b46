// A plugin that calls a function no library defines. Loaded with RTLD_NOW it
// fails at dlopen: the engine must refuse it with the loader's own reason
// ("undefined symbol: vigie_testing_function_nobody_defines").
#include "vigie/plugin.h"

extern "C" __attribute__((visibility("default"))) int
vigie_testing_function_nobody_defines(void);

namespace {

const vigie_plugin_info kInfo{sizeof(vigie_plugin_info),
                              VIGIE_ABI_MAJOR,
                              VIGIE_ABI_MINOR,
                              VIGIE_KIND_CONNECTOR,
                              "unresolved",
                              "1.0.0",
                              "References an undefined symbol (tests)",
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
  return vigie_testing_function_nobody_defines() == 0 ? &kInfo : nullptr;
}
