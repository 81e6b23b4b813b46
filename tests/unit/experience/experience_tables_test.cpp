// The touchpoint matrix with its volume, the irritants and the journey
// curve (KPI-CATALOG.md section 7), hand-computed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "experience_fixture.hpp"

namespace vigie::testing {
namespace {

constexpr uint32_t kOct = 1;  // P; September is P'

// A table as text rows, "step channel | ..." with "-" for no value and
// ratios to four decimals, to compare whole tables at once.
std::vector<std::string> rows(const ViewedTable& t) {
  std::vector<std::string> out;
  for (int64_t r = 0; r < t.view().rows(); ++r) {
    std::string line;
    for (const ColumnView& c : t.view().columns()) {
      if (!line.empty()) line += " ";
      if (!c.is_valid(r))
        line += "-";
      else if (c.type() == Type::Double) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.4f", c.doubles()[r]);
        line += buffer;
      } else if (c.type() == Type::Int64)
        line += std::to_string(c.ints()[r]);
      else
        line += std::string(c.string_at(r));
    }
    out.push_back(line);
  }
  return out;
}

// Answers, sessions, calls and purchases of October (P) and September.
ExperienceData matrix_month() {
  ExperienceData d;
  d.survey(at(9, 14), "usage", "web", 1, kNoScore);
  d.survey(at(10, 2), "usage", "web", 3, 6);
  d.survey(at(10, 3), "usage", "web", 4, 7);
  d.survey(at(10, 4), "usage", "app", 5, 8);
  d.survey(at(10, 5), "usage", "app", kNoScore, 9);
  d.survey(at(10, 6), "support", "phone", 2, 10);
  d.survey(at(10, 7), "", "web", 5, 10);  // no step: in no cell
  // Calls: support (every reason) but change_address (usage), on phone;
  // the outbound one is neither volume nor an answer.
  d.call(at(10, 8), "billing_question", 4);
  d.call(at(10, 9), "change_address", 5, "");
  d.call(at(10, 10), "billing_question", 1, "outbound");
  d.call(at(10, 11), "complaint", kNoScore);
  d.call(at(9, 11), "complaint", 1);  // P': not in P's matrix
  // Sessions of P: v1 on desktop sees two discover pages (one session at
  // discover) and does an action (usage); v2 on the app, a usage page;
  // v3 on a tablet, a page of no step. v4's session is in September.
  d.web(at(10, 2, 9), "v1", "desktop", "/");
  d.web(at(10, 2, 9, 5), "v1", "desktop", "/offres/fibre");
  d.web(at(10, 2, 9, 9), "v1", "desktop", "", "change_address");
  d.web(at(10, 3, 9), "v2", "app", "/espace-client/facture");
  d.web(at(10, 4, 9), "v3", "tablet", "/mentions-legales");
  d.web(at(9, 4, 9), "v4", "mobile", "/");
  // Purchases: O1 (web, total 20), O4 (app first, then a web line), O5
  // (its first line with a channel is store); O2 totals 0 and O3 starts in
  // September: not purchases of P.
  d.order_line("O1", at(10, 5), 30, "web")
      .order_line("O1", at(10, 6), -10, "web");
  d.order_line("O2", at(10, 5), 50, "store")
      .order_line("O2", at(10, 7), -50, "store");
  d.order_line("O3", at(9, 28), 30, "store")
      .order_line("O3", at(10, 2), 20, "store");
  d.order_line("O4", at(10, 8), 40, "app")
      .order_line("O4", at(10, 9), 5, "web");
  d.order_line("O5", at(10, 8), 40, "").order_line("O5", at(10, 9), 5, "store");
  return d;
}

IndicatorRun run(
    const ExperienceData& d,
    std::map<std::string, std::string> parameters = journey_parameters()) {
  return run_indicator("experience", parameters, d.datasets(), months(9, 10),
                       kOct);
}

TEST(ExperienceTouchpoints, EveryCellWithAnswersOrVolumeInStepOrder) {
  const IndicatorRun r = run(matrix_month());
  // step channel volume answers csat_answers csat nps
  EXPECT_THAT(rows(r.table("touchpoints")),
              ::testing::ElementsAre(
                  "discover web 1 0 0 - -", "subscribe app 1 0 0 - -",
                  "subscribe store 1 0 0 - -", "subscribe web 1 0 0 - -",
                  // 5 and (no csat, 9): csat 1 of 1, nps (8, 9) -> 50.
                  "usage app 1 2 1 1.0000 50.0000",
                  // The change_address call.
                  "usage phone 1 0 0 - -",
                  // 3 and 4: csat 1/2; nps 6 and 7: 100 x (0 - 1) / 2.
                  "usage web 1 2 2 0.5000 -50.0000",
                  // Calls billing_question and complaint; the survey's 2
                  // and the calls' 4 and 5: csat 2/3, nps 10 alone.
                  "support phone 2 3 3 0.6667 100.0000"));
}

TEST(ExperienceJourneyCurve, TheSpecsStepsInOrderForPAndPPrime) {
  const IndicatorRun r = run(matrix_month());
  // step answers csat nps previous_answers previous_csat previous_nps
  EXPECT_THAT(
      rows(r.table("journey_curve")),
      ::testing::ElementsAre("discover 0 - - 0 - -", "subscribe 0 - - 0 - -",
                             // 3, 4, 5: 2/3; nps 6, 7, 8, 9: 100 x (1 - 1) / 4.
                             // September: one 1.
                             "usage 4 0.6667 0.0000 1 0.0000 -",
                             // September: the complaint call's 1.
                             "support 3 0.6667 100.0000 1 0.0000 -"));
}

TEST(ExperienceJourneyCurve, NoPreviousColumnsWhenPIsTheFirstPeriod) {
  const IndicatorRun r =
      run_indicator("experience", journey_parameters(),
                    matrix_month().datasets(), months(10, 10), 0);
  EXPECT_EQ(rows(r.table("journey_curve"))[2], "usage 4 0.6667 0.0000 - - -");
}

// Cells of P on each side of both irritant limits (csat below 70 %, at
// least 30 csat answers): `satisfied` 5s then 3s up to `answers`.
void answers(ExperienceData& d, const std::string& step,
             const std::string& channel, int satisfied, int total) {
  for (int i = 0; i < total; ++i)
    d.survey(at(10, 1 + i % 28), step, channel, i < satisfied ? 5 : 3, 7);
}

ExperienceData irritant_month() {
  ExperienceData d;
  answers(d, "usage", "web", 20, 30);       // 66.7 % at exactly 30: irritant
  answers(d, "usage", "app", 10, 29);       // 34.5 % but 29 answers: not
  answers(d, "support", "phone", 21, 30);   // exactly 70 %: not
  answers(d, "discover", "web", 27, 40);    // 67.5 %: irritant
  answers(d, "subscribe", "web", 69, 100);  // 69 %, just below: irritant
  answers(d, "subscribe", "app", 71, 100);  // 71 %: not
  d.web(at(10, 2, 9), "v1", "desktop", "/inscription");
  d.web(at(10, 3, 9), "v2", "mobile", "/panier");
  return d;
}

TEST(ExperienceIrritants, BelowSeventyPercentWithThirtyAnswersWorstFirst) {
  const IndicatorRun r = run(irritant_month());
  // step channel csat csat_answers nps volume
  EXPECT_THAT(rows(r.table("irritants")),
              ::testing::ElementsAre("usage web 0.6667 30 0.0000 0",
                                     "discover web 0.6750 40 0.0000 0",
                                     "subscribe web 0.6900 100 0.0000 2"));
}

TEST(ExperienceIrritants, BothLimitsAreParameters) {
  auto parameters = journey_parameters();
  parameters["irritant_csat_below"] = "0.5";
  parameters["irritant_min_answers"] = "29";
  EXPECT_THAT(rows(run(irritant_month(), parameters).table("irritants")),
              ::testing::ElementsAre("usage app 0.3448 29 0.0000 0"));
}

}  // namespace
}  // namespace vigie::testing
