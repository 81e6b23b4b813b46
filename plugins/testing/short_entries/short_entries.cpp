// An indicator whose output entries are shorter than this engine's
// vigie_output (they end before `better`), as a plugin built against an
// older minor of the ABI would declare them: the engine must read them by
// their own struct_size and default what they lack.
#include <cstddef>

#include "vigie/sdk.hpp"

namespace {

// vigie_output as it was before `better` was appended.
struct ShortOutput {
  uint32_t struct_size;
  int32_t kind;
  const char* id;
  const char* label;
  const char* unit;
  const char* description;
};
static_assert(sizeof(ShortOutput) == offsetof(vigie_output, better));

class Constant : public vigie::sdk::Indicator {
 public:
  explicit Constant(const vigie::sdk::Config&) {}
  void compute(const vigie::sdk::Request& request,
               const vigie::sdk::Sink& sink) override {
    for (uint32_t p = 0; p < request.periods.size(); ++p) {
      sink.value("first", p, 1.0);
      sink.value("second", p, 2.0);
    }
  }
};

const ShortOutput kOutputs[] = {
    {sizeof(ShortOutput), VIGIE_OUTPUT_VALUE, "first", "First", "count",
     "always 1"},
    {sizeof(ShortOutput), VIGIE_OUTPUT_VALUE, "second", "Second", "count",
     "always 2"},
};

const vigie_plugin_info kInfo{
    sizeof(vigie_plugin_info), VIGIE_ABI_MAJOR, VIGIE_ABI_MINOR,
    VIGIE_KIND_INDICATOR, "short_entries", "1.0.0",
    "Declares its outputs in a shorter layout (tests)", 0, nullptr, 2,
    // The plugin hands its own layout; the engine reads it by struct_size.
    reinterpret_cast<const vigie_output*>(kOutputs), 0, nullptr,
    &vigie::sdk::detail::IndicatorAdapter<Constant>::api};

}  // namespace

extern "C" __attribute__((visibility("default"))) const vigie_plugin_info*
vigie_get_plugin_info(void) {
  return &kInfo;
}
