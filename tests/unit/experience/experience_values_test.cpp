// nps and csat of every period (KPI-CATALOG.md section 7), hand-computed:
// the nps bounds (6 is a detractor, 7 and 8 passives, 9 a promoter), csat
// 3 not satisfied and 4 satisfied, post-call csat of inbound calls counted
// in csat, and periods without answers giving no value.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>

#include "experience_fixture.hpp"

namespace vigie::testing {
namespace {

constexpr uint32_t kOct = 2;  // P; August (empty) and September before it

// August: nothing. September: one csat 1 answer, no nps. October (P):
// nps 6, 7, 8, 9, 10 and 11 (out of range); csat 3, 4, 5, 2 in surveys
// and 4, 5 from inbound calls (an outbound call's 1 does not count).
ExperienceData three_months() {
  ExperienceData d;
  d.survey(at(9, 14), "usage", "web", 1, kNoScore);
  d.survey(at(10, 2), "usage", "web", 3, 6);
  d.survey(at(10, 3), "usage", "web", 4, 7);
  d.survey(at(10, 4), "usage", "app", 5, 8);
  d.survey(at(10, 5), "usage", "app", kNoScore, 9);
  d.survey(at(10, 6), "support", "phone", 2, 10);
  d.survey(at(10, 7), "support", "phone", kNoScore, 11);
  d.survey(at(11, 2), "usage", "web", 1, 0);  // after P: in no period
  d.call(at(10, 8), "billing_question", 4);
  d.call(at(10, 9), "change_address", 5, "");  // no direction: inbound
  d.call(at(10, 10), "billing_question", 1, "outbound");
  d.call(at(10, 11), "complaint", kNoScore);
  return d;
}

IndicatorRun run(const ExperienceData& d, uint32_t current = kOct) {
  return run_indicator("experience", journey_parameters(), d.datasets(),
                       months(8, 10), current);
}

TEST(ExperienceValues, NpsCountsNineAndTenAsPromotersAndSixAsDetractor) {
  const IndicatorRun r = run(three_months());
  // Answers with an nps in P: 6, 7, 8, 9, 10 (11 is out of range): two
  // promoters, one detractor, five answers: 100 x (2 - 1) / 5.
  EXPECT_DOUBLE_EQ(*r.value("nps", kOct), 20.0);
  // September has answers, none with an nps; August has none.
  EXPECT_EQ(r.value("nps", 1), std::nullopt);
  EXPECT_EQ(r.value("nps", 0), std::nullopt);
}

TEST(ExperienceValues, CsatCountsFourAndFiveAndTheInboundCallsAnswers) {
  const IndicatorRun r = run(three_months());
  // Surveys 3, 4, 5, 2 and inbound calls 4, 5: four of six are 4 or 5.
  EXPECT_DOUBLE_EQ(*r.value("csat", kOct), 4.0 / 6.0);
  // September: one answer, a 1: csat 0, not "no value".
  EXPECT_DOUBLE_EQ(*r.value("csat", 1), 0.0);
  EXPECT_EQ(r.value("csat", 0), std::nullopt);
}

TEST(ExperienceValues, ThreeIsNotSatisfiedFourIs) {
  ExperienceData d;
  d.survey(at(10, 2), "usage", "web", 3, kNoScore);
  d.survey(at(10, 3), "usage", "web", 4, kNoScore);
  d.survey(at(9, 3), "usage", "web", 3, kNoScore);
  const IndicatorRun r = run(d);
  EXPECT_DOUBLE_EQ(*r.value("csat", kOct), 0.5);
  EXPECT_DOUBLE_EQ(*r.value("csat", 1), 0.0);
  EXPECT_EQ(r.value("nps", kOct), std::nullopt);
}

TEST(ExperienceValues, NpsBoundsAlone) {
  ExperienceData d;
  for (int64_t score : {6, 6, 7, 8, 9})
    d.survey(at(10, 2), "", "", kNoScore, score);
  // 7 and 8 are passives: 100 x (1 - 2) / 5.
  EXPECT_DOUBLE_EQ(*run(d).value("nps", kOct), -20.0);
}

TEST(ExperienceValues, CallsAloneGiveACsatAndNoNps) {
  ExperienceData d;
  d.call(at(10, 8), "billing_question", 3);
  d.call(at(10, 9), "billing_question", 4);
  const IndicatorRun r = run(d);
  EXPECT_DOUBLE_EQ(*r.value("csat", kOct), 0.5);
  EXPECT_EQ(r.value("nps", kOct), std::nullopt);
}

TEST(ExperienceParameters, AStepMapMustNameJourneySteps) {
  auto parameters = journey_parameters();
  parameters["step_pages.checkout"] = "/commande";
  EXPECT_EQ(parameters_refusal("experience", parameters),
            "option 'step_pages' names the step 'checkout', which is not in "
            "journey_steps");
  EXPECT_EQ(parameters_refusal("experience", journey_parameters()),
            std::nullopt);
}

}  // namespace
}  // namespace vigie::testing
