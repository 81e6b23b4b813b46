// The funnel's parameters: each step predicate parsed or refused with a
// message naming the entry and the accepted forms; the rules between
// options (2 to 32 steps, one name a step).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "support/run_indicator.hpp"

namespace vigie::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;

std::optional<std::string> refusal(
    const std::map<std::string, std::string>& parameters) {
  return parameters_refusal("funnel", parameters);
}

TEST(FunnelParameters, AcceptsEveryKindOfStep) {
  EXPECT_EQ(refusal({{"steps.0", "event:page_view"},
                     {"steps.1", "page:/offres*|/promo"},
                     {"steps.2", "action:checkout"},
                     {"steps.3", "purchase"}}),
            std::nullopt);
}

TEST(FunnelParameters, RefusesAStepOfUnknownKindNamingTheEntry) {
  EXPECT_THAT(
      refusal({{"steps.0", "page:/offres*"}, {"steps.1", "pgae:/x"}}),
      Optional(HasSubstr("option 'steps.1' must be a funnel step: event:TYPE, "
                         "page:PATTERN, action:CODE or purchase, got 'pgae:/x' "
                         "(unknown kind 'pgae')")));
  EXPECT_THAT(refusal({{"steps.0", "/offres"}, {"steps.1", "purchase"}}),
              Optional(HasSubstr("option 'steps.0' must be a funnel step")));
  // "purchase" takes no value.
  EXPECT_THAT(refusal({{"steps.0", "page:/a"}, {"steps.1", "purchase:x"}}),
              Optional(HasSubstr("got 'purchase:x'")));
}

TEST(FunnelParameters, RefusesAnEmptyValueOrPattern) {
  EXPECT_THAT(refusal({{"steps.0", "page:"}, {"steps.1", "purchase"}}),
              Optional(HasSubstr("got 'page:' (nothing after ':')")));
  EXPECT_THAT(refusal({{"steps.0", "page:/a||/b"}, {"steps.1", "purchase"}}),
              Optional(HasSubstr("option 'steps.0' must be a funnel step")));
}

TEST(FunnelParameters, NeedsTwoToThirtyTwoSteps) {
  EXPECT_THAT(refusal({{"steps.0", "purchase"}}),
              Optional(HasSubstr("option 'steps' must list 2 to 32 steps, "
                                 "got 1")));
  std::map<std::string, std::string> many;
  for (int i = 0; i < 33; ++i)
    many["steps." + std::to_string(i)] = "event:page_view";
  EXPECT_THAT(refusal(many), Optional(HasSubstr("got 33")));
  many.erase("steps.32");
  EXPECT_EQ(refusal(many), std::nullopt);
  EXPECT_THAT(refusal({}), Optional(HasSubstr("missing required option "
                                              "'steps'")));
}

TEST(FunnelParameters, NeedsOneNameAStep) {
  EXPECT_THAT(refusal({{"steps.0", "page:/a"},
                       {"steps.1", "purchase"},
                       {"step_names.0", "A"}}),
              Optional(HasSubstr("option 'step_names' must name every step: "
                                 "2 steps, got 1 names")));
}

}  // namespace
}  // namespace vigie::testing
