// Options declared once and bound to a typed struct (vigie/sdk/options.hpp):
// the descriptor entries they make, and the binding of defaults, given
// values, ranges, choices, required options, maps and lists.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "vigie/sdk.hpp"

namespace {

namespace sdk = vigie::sdk;
using ::testing::ElementsAre;
using ::testing::Pair;

struct Params {
  int64_t window_days = 0;
  double rate = 0;
  bool strict = false;
  std::string mode;
  std::optional<int64_t> limit;
  std::vector<std::string> names = {"first", "second"};
  std::map<std::string, std::string> weights;
  std::string token;
  std::optional<int64_t> horizon_days;  // `never` or a number of days

  void check() const {
    if (rate > 0.5 && !strict)
      throw std::runtime_error("a rate above 0.5 needs strict");
  }
};

void bind_horizon(Params& p, const sdk::Config& config,
                  const vigie_option& option) {
  auto text = sdk::option_text(config, option);
  if (text && *text != "never")
    p.horizon_days = sdk::integer_value(option, *text);
}

constexpr const char* kModes[] = {"fast", "exact"};
constexpr const char* kNever[] = {"never"};

constexpr sdk::Option<Params> kOptions[] = {
    sdk::field<&Params::window_days>("window_days", "90", "days")
        .at_least(1)
        .at_most(3650),
    sdk::field<&Params::rate>("rate", "0.1", "a rate").above(0),
    sdk::field<&Params::strict>("strict", "false", "strict"),
    sdk::field<&Params::mode>("mode", "fast", "how").one_of(kModes),
    sdk::field<&Params::limit>("limit", nullptr, "at most"),
    sdk::field<&Params::names>("names", nullptr, "names"),
    sdk::field<&Params::weights>("weights", nullptr, "weights").at_least(0),
    sdk::field<&Params::token>("token", nullptr, "a token").required().secret(),
    sdk::custom<Params>(VIGIE_OPTION_STRING, "horizon", "never", "days",
                        &bind_horizon)
        .one_of(kNever)
        .above(0),
};

constexpr auto kEntries = sdk::option_entries(kOptions);

Params bind(std::map<std::string, std::string> values) {
  values.emplace("token", "s3cret");
  return sdk::bind_options(kOptions, sdk::Config(values));
}

std::string refusal(std::map<std::string, std::string> values) {
  try {
    sdk::bind_options(kOptions, sdk::Config(values));
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

TEST(SdkOptions, TheDescriptorFollowsTheFieldsTypes) {
  ASSERT_EQ(kEntries.size(), 9u);
  const int32_t types[] = {
      VIGIE_OPTION_INT,    VIGIE_OPTION_NUMBER, VIGIE_OPTION_BOOL,
      VIGIE_OPTION_STRING, VIGIE_OPTION_INT,    VIGIE_OPTION_LIST,
      VIGIE_OPTION_MAP,    VIGIE_OPTION_STRING, VIGIE_OPTION_STRING};
  for (size_t i = 0; i < kEntries.size(); ++i) {
    EXPECT_EQ(kEntries[i].type, types[i]) << kEntries[i].key;
    EXPECT_EQ(kEntries[i].struct_size, sizeof(vigie_option));
  }
  EXPECT_STREQ(kEntries[0].default_value, "90");
  EXPECT_EQ(kEntries[0].range_flags, VIGIE_RANGE_MINIMUM | VIGIE_RANGE_MAXIMUM);
  EXPECT_EQ(kEntries[0].minimum, 1);
  EXPECT_EQ(kEntries[0].maximum, 3650);
  EXPECT_EQ(kEntries[1].range_flags,
            VIGIE_RANGE_MINIMUM | VIGIE_RANGE_MINIMUM_EXCLUSIVE);
  ASSERT_EQ(kEntries[3].choice_count, 2u);
  EXPECT_STREQ(kEntries[3].choices[1], "exact");
  EXPECT_EQ(kEntries[7].required, 1);
  EXPECT_EQ(kEntries[7].secret, 1);
  EXPECT_EQ(kEntries[2].required, 0);
  EXPECT_EQ(kEntries[5].default_value, nullptr);
}

TEST(SdkOptions, DefaultsFillWhatTheSpecLeavesOut) {
  Params p = bind({});
  EXPECT_EQ(p.window_days, 90);
  EXPECT_EQ(p.rate, 0.1);
  EXPECT_FALSE(p.strict);
  EXPECT_EQ(p.mode, "fast");
  EXPECT_EQ(p.limit, std::nullopt);
  EXPECT_THAT(p.names, ElementsAre("first", "second"));  // the field's own
  EXPECT_TRUE(p.weights.empty());
  EXPECT_EQ(p.token, "s3cret");
  EXPECT_EQ(p.horizon_days, std::nullopt);
  // An empty text is no value: the default applies.
  EXPECT_EQ(bind({{"window_days", ""}}).window_days, 90);
}

TEST(SdkOptions, GivenValuesAreBoundToTheirFields) {
  Params p = bind({{"window_days", "30"},
                   {"rate", "0.75"},
                   {"strict", "true"},
                   {"mode", "exact"},
                   {"limit", "12"},
                   {"names.0", "gold"},
                   {"names.1", "silver"},
                   {"names.2", "bronze"},
                   {"weights.web", "2.5"},
                   {"weights.call", "0"},
                   {"horizon", "14"}});
  EXPECT_EQ(p.window_days, 30);
  EXPECT_EQ(p.rate, 0.75);
  EXPECT_TRUE(p.strict);
  EXPECT_EQ(p.mode, "exact");
  EXPECT_EQ(p.limit, 12);
  EXPECT_THAT(p.names, ElementsAre("gold", "silver", "bronze"));
  EXPECT_THAT(p.weights, ElementsAre(Pair("call", "0"), Pair("web", "2.5")));
  EXPECT_EQ(p.horizon_days, 14);
}

TEST(SdkOptions, RangesChoicesAndRequiredAreChecked) {
  const std::map<std::string, std::string> token{{"token", "t"}};
  auto with = [&](std::string key, std::string value) {
    auto values = token;
    values[key] = value;
    return values;
  };
  EXPECT_EQ(refusal({}), "missing required option 'token'");
  EXPECT_EQ(refusal(with("window_days", "0")),
            "option 'window_days' must be an integer >= 1 and <= 3650, got "
            "'0'");
  EXPECT_EQ(refusal(with("window_days", "3651")),
            "option 'window_days' must be an integer >= 1 and <= 3650, got "
            "'3651'");
  EXPECT_EQ(refusal(with("window_days", "3650")), "");
  EXPECT_EQ(refusal(with("rate", "0")),
            "option 'rate' must be a number > 0, got '0'");
  EXPECT_EQ(refusal(with("mode", "slow")),
            "option 'mode' must be one of fast, exact, got 'slow'");
  EXPECT_EQ(refusal(with("weights.web", "-1")),
            "option 'weights.web' must be a number >= 0, got '-1'");
  EXPECT_EQ(refusal(with("horizon", "soon")),
            "option 'horizon' must be never, or a number > 0, got 'soon'");
  EXPECT_EQ(refusal(with("horizon", "never")), "");
  EXPECT_EQ(refusal(with("limit", "many")),
            "option 'limit' must be an integer, got 'many'");
  // The struct's own rule between options, after they are bound.
  EXPECT_EQ(refusal(with("rate", "0.9")), "a rate above 0.5 needs strict");
}

TEST(SdkOptions, LimitsTextAndCheckAreTheEnginesToo) {
  const vigie_option& horizon = kEntries[8];
  EXPECT_TRUE(sdk::has_limits(horizon));
  EXPECT_FALSE(sdk::has_limits(kEntries[2]));
  EXPECT_TRUE(sdk::within_limits(horizon, "never"));
  EXPECT_TRUE(sdk::within_limits(horizon, "0.5"));
  EXPECT_FALSE(sdk::within_limits(horizon, "0"));
  EXPECT_FALSE(sdk::within_limits(horizon, "Never"));
  EXPECT_FALSE(sdk::within_limits(horizon, "1x"));
  EXPECT_EQ(sdk::limits_text(kEntries[3]), "one of fast, exact");
}

}  // namespace
