// The indicator's parameters are checked when it is created, each refusal
// naming the option.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "web_fixture.hpp"

namespace vigie::testing {
namespace {

using ::testing::HasSubstr;

TEST(WebParameters, TheDemoParametersAreAccepted) {
  EXPECT_EQ(parameters_refusal("web_analytics", demo_parameters()),
            std::nullopt);
  EXPECT_EQ(parameters_refusal("web_analytics", {}), std::nullopt);
}

TEST(WebParameters, AnActionOfAnUnknownMomentIsRefused) {
  auto parameters = demo_parameters();
  parameters["life_moment_actions.wedding"] = "Congratulate";
  EXPECT_THAT(parameters_refusal("web_analytics", parameters).value_or(""),
              HasSubstr("'wedding', which is not in life_moments"));
}

TEST(WebParameters, ABadPatternNamesItsGroup) {
  auto parameters = demo_parameters();
  parameters["page_groups.aide"] = "/aide||/contact";
  EXPECT_THAT(parameters_refusal("web_analytics", parameters).value_or(""),
              HasSubstr("page_groups.aide"));
}

TEST(WebParameters, CountsOutOfRangeAreRefused) {
  for (const char* key : {"life_moment_days", "top_paths", "path_length"}) {
    auto parameters = demo_parameters();
    parameters[key] = "0";
    EXPECT_THAT(parameters_refusal("web_analytics", parameters).value_or(""),
                HasSubstr(key));
  }
  // Six groups take 3 bits a step: at most 21 steps in 64 bits.
  auto parameters = demo_parameters();
  parameters["path_length"] = "22";
  EXPECT_THAT(parameters_refusal("web_analytics", parameters).value_or(""),
              HasSubstr("from 1 to 21"));
}

}  // namespace
}  // namespace vigie::testing
