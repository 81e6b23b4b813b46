// An indicator whose compute throws (or emits what it did not declare), to
// check that the SDK turns the exception into an error the engine reports
// with the plugin's name. `mode`: throw | undeclared_kpi | bad_period, or
// ok (42 a period), message (ok, and notes as catalog message ids and as
// prose naming the request's locale and time zone), unknown_message (a
// message id the engine's catalog lacks), missing_value (a message without
// the value it needs).
#include <stdexcept>

#include "vigie/sdk.hpp"

namespace {

class ThrowingIndicator : public vigie::sdk::Indicator {
 public:
  explicit ThrowingIndicator(const vigie::sdk::Config& config)
      : mode_(config.string("mode", "throw")) {}
  void compute(const vigie::sdk::Request& request,
               const vigie::sdk::Sink& sink) override {
    if (mode_ == "undeclared_kpi") return sink.value("not_declared", 0, 1.0);
    if (mode_ == "bad_period")
      return sink.value("answer", static_cast<uint32_t>(request.periods.size()),
                        1.0);
    if (mode_ == "unknown_message")
      return sink.message("answer", "throwing.no_such_note");
    if (mode_ == "missing_value")
      return sink.message("answer", "privacy.withheld");
    if (mode_ == "ok" || mode_ == "message") {
      for (uint32_t p = 0; p < request.periods.size(); ++p)
        sink.value("answer", p, 42.0);
    }
    if (mode_ == "message") {
      sink.message("answer", "privacy.withheld",
                   {vigie::sdk::arg::count("count", 1234)});
      sink.message("answer", "tile.note",
                   {vigie::sdk::arg::text("label", "Last call"),
                    vigie::sdk::arg::timestamp("note", 1793489400000000)});
      sink.note("answer", request.locale + " " + request.time_zone);
    }
    if (mode_ == "ok" || mode_ == "message") return;
    throw std::runtime_error("division by zero in the test indicator");
  }

 private:
  std::string mode_;
};

constexpr vigie_option kOptions[] = {
    vigie::sdk::option(VIGIE_OPTION_STRING, "mode", "throw", false,
                       "throw | undeclared_kpi | bad_period | ok | message | "
                       "unknown_message | missing_value")};
constexpr vigie_output kOutputs[] = {vigie::sdk::output(
    VIGIE_OUTPUT_VALUE, "answer", "The answer", "count", "always 42")};

}  // namespace

VIGIE_INDICATOR_PLUGIN(ThrowingIndicator, "throwing", "1.0.0",
                       "Throws on demand (tests)", kOptions, kOutputs, nullptr)
