// An indicator built against ABI 1.0: its option and output entries are
// shorter than this engine's (they end before ABI 1.1's range, choices,
// columns and reads, and its outputs even before `better`), as a plugin
// built against an older minor of the ABI declares them: the engine must
// read them by their own struct_size and default what they lack.
#include <cstddef>

#include "vigie/sdk.hpp"

namespace {

// vigie_option as ABI 1.0 declared it.
struct ShortOption {
  uint32_t struct_size;
  int32_t type;
  const char* key;
  const char* default_value;
  int32_t required;
  int32_t secret;
  const char* description;
};
static_assert(sizeof(ShortOption) == offsetof(vigie_option, range_flags));

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
  explicit Constant(const vigie::sdk::Config& config)
      : scale_(config.number("scale", 1)) {}
  void compute(const vigie::sdk::Request& request,
               const vigie::sdk::Sink& sink) override {
    for (uint32_t p = 0; p < request.periods.size(); ++p) {
      sink.value("first", p, 1.0 * scale_);
      sink.value("second", p, 2.0 * scale_);
    }
  }

 private:
  double scale_;
};

const ShortOption kOptions[] = {
    {sizeof(ShortOption), VIGIE_OPTION_NUMBER, "scale", "1", 0, 0,
     "multiplies both values"},
    {sizeof(ShortOption), VIGIE_OPTION_STRING, "mode", nullptr, 0, 0,
     "any text"},
};

const ShortOutput kOutputs[] = {
    {sizeof(ShortOutput), VIGIE_OUTPUT_VALUE, "first", "First", "count",
     "always 1"},
    {sizeof(ShortOutput), VIGIE_OUTPUT_VALUE, "second", "Second", "count",
     "always 2"},
};

const vigie_plugin_info kInfo{
    sizeof(vigie_plugin_info), VIGIE_ABI_MAJOR, 0, VIGIE_KIND_INDICATOR,
    "short_entries", "1.0.0",
    "Declares its options and outputs in ABI 1.0's layout (tests)", 2,
    // The plugin hands its own layout; the engine reads it by struct_size.
    reinterpret_cast<const vigie_option*>(kOptions), 2,
    reinterpret_cast<const vigie_output*>(kOutputs), 0, nullptr,
    &vigie::sdk::detail::IndicatorAdapter<Constant>::api};

}  // namespace

extern "C" __attribute__((visibility("default"))) const vigie_plugin_info*
vigie_get_plugin_info(void) {
  return &kInfo;
}
