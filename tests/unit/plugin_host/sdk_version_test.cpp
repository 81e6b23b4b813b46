// The SDK side of ABI 1.1's tail members: a plugin built with this SDK
// reads and calls them only when the engine's struct_size covers them.
#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

#include "vigie/sdk.hpp"

namespace vigie::sdk {
namespace {

struct Seen {
  std::string id;
  std::vector<std::string> names;
  std::vector<int32_t> types;
  double hours = 0;
};

void on_message(void* context, const char*, const char* id, uint32_t count,
                const vigie_message_arg* args) {
  auto* seen = static_cast<Seen*>(context);
  seen->id = id;
  for (uint32_t i = 0; i < count; ++i) {
    seen->names.emplace_back(args[i].name);
    seen->types.push_back(args[i].type);
    if (args[i].type == VIGIE_ARG_HOURS) seen->hours = args[i].number;
  }
}

TEST(SdkSink, MessagePassesTypedNamedValues) {
  Seen seen;
  vigie_result_sink sink{};
  sink.struct_size = sizeof(vigie_result_sink);
  sink.context = &seen;
  sink.message = &on_message;
  const Sink s(&sink);
  ASSERT_TRUE(s.takes_messages());
  s.message("k", "some.note",
            {arg::hours("window", 12.5), arg::text("where", "web")});
  EXPECT_EQ(seen.id, "some.note");
  EXPECT_EQ(seen.names, (std::vector<std::string>{"window", "where"}));
  EXPECT_EQ(seen.types,
            (std::vector<int32_t>{VIGIE_ARG_HOURS, VIGIE_ARG_TEXT}));
  EXPECT_EQ(seen.hours, 12.5);
}

TEST(SdkSink, AnEngineWithoutMessagesIsAClearError) {
  // An ABI 1.0 sink ends before `message`: never read past its end.
  Seen seen;
  vigie_result_sink sink{};
  sink.struct_size = offsetof(vigie_result_sink, message);
  sink.context = &seen;
  sink.message = &on_message;  // beyond struct_size: must not be called
  const Sink s(&sink);
  EXPECT_FALSE(s.takes_messages());
  try {
    s.message("k", "some.note");
    FAIL() << "a message was given to an engine that takes none";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(),
                 "the engine takes no message ids (ABI 1.0): cannot give the "
                 "note 'some.note'");
  }
  EXPECT_TRUE(seen.id.empty());
}

// An indicator that keeps the request it was given.
class Keeper : public Indicator {
 public:
  explicit Keeper(const Config&) {}
  void compute(const Request& request, const Sink&) override { last = request; }
  static inline Request last;
};

// The request the indicator saw, given one of `struct_size` bytes with
// three periods, P the last and P' the first (a year before).
Request request_read(uint32_t struct_size) {
  const vigie_period periods[] = {{0, 10}, {10, 20}, {20, 30}};
  vigie_compute_request request{};
  request.struct_size = struct_size;
  request.period_count = 3;
  request.periods = periods;
  request.current = 2;
  request.locale = "fr_FR";
  request.time_zone = "Europe/Paris";
  request.previous = 0;
  vigie_result_sink sink{};
  sink.struct_size = sizeof(vigie_result_sink);
  vigie_config config{sizeof(vigie_config), 0, nullptr};
  vigie_error error{};
  void* instance = nullptr;
  using Adapter = detail::IndicatorAdapter<Keeper>;
  EXPECT_EQ(Adapter::create(&config, &instance, &error), VIGIE_OK);
  EXPECT_EQ(Adapter::compute(instance, &request, &sink, &error), VIGIE_OK)
      << error.message;
  Adapter::destroy(instance);
  return Keeper::last;
}

TEST(SdkRequest, TimeZoneIsReadOnlyWhenTheRequestHasIt) {
  EXPECT_EQ(request_read(sizeof(vigie_compute_request)).time_zone,
            "Europe/Paris");
  // An ABI 1.0 request ends before `time_zone`.
  EXPECT_EQ(request_read(offsetof(vigie_compute_request, time_zone)).time_zone,
            "UTC");
}

TEST(SdkRequest, ThePreviousPeriodIsReadOnlyWhenTheRequestHasIt) {
  EXPECT_EQ(request_read(sizeof(vigie_compute_request)).previous, 0u);
  // An ABI 1.1 request ends before `previous`: the period before P.
  EXPECT_EQ(request_read(offsetof(vigie_compute_request, previous)).previous,
            1u);
}

}  // namespace
}  // namespace vigie::sdk
