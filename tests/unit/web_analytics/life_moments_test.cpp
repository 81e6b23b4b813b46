// Life moments: distinct customers who viewed a page of each moment in P
// and in P', and the list of the last 14 days before as_of (a view at
// exactly as_of - 14 days is in, one a second earlier out), stitched at
// as_of. Figures by hand.
#include <gtest/gtest.h>

#include "web_fixture.hpp"

namespace vigie::testing {
namespace {

std::map<std::string, std::string> moment_parameters() {
  auto parameters = demo_parameters();
  // A moment without a suggested action.
  parameters["life_moments.complaint"] = "/reclamation";
  return parameters;
}

WebLog moment_data() {
  WebLog d;
  // P = October (UTC), as_of = 1 November 00:00: the window starts on 18
  // October 00:00.
  // C1: a moving page at exactly the window's start, another on the 20th,
  // a complaint page on the 30th; in September a moving page too.
  d.view(utc(2026, 10, 18), "m1", "/espace-client/demenagement", "C1");
  d.view(utc(2026, 10, 20, 9), "m1", "/aide/demenagement", "C1");
  d.view(utc(2026, 10, 30, 9), "m1", "/reclamation", "C1");
  d.view(utc(2026, 9, 5, 9), "m1", "/aide/demenagement", "C1");
  // C2: a termination page one second before the window: counted in
  // October, not listed.
  d.view(utc(2026, 10, 17, 23, 59, 59), "m2", "/espace-client/resiliation",
         "C2");
  // An anonymous visitor: no customer, no row.
  d.view(utc(2026, 10, 25, 9), "m3", "/espace-client/resiliation");
  // m4 views a moving page anonymously, then identifies as C4: C4's.
  d.view(utc(2026, 10, 26, 9), "m4", "/espace-client/demenagement");
  d.view(utc(2026, 10, 27, 9), "m4", "/", "C4");
  // C5: a termination page in September.
  d.view(utc(2026, 9, 10, 9), "m5", "/espace-client/resiliation", "C5");
  return d;
}

TEST(WebLifeMoments, CustomersOfEachMomentInPAndPPrime) {
  IndicatorRun run =
      run_web(moment_data(), months(9, 10), 1, moment_parameters());
  const ViewedTable& moments = run.table("life_moments");
  ASSERT_EQ(moments.view().rows(), 3);
  const ColumnView& moment = moments.column("moment");
  const int64_t* customers = moments.column("customers").ints();
  const int64_t* previous = moments.column("previous_customers").ints();
  EXPECT_EQ(moment.string_at(0), "complaint");
  EXPECT_EQ(customers[0], 1);
  EXPECT_EQ(previous[0], 0);
  EXPECT_EQ(moment.string_at(1), "moving");
  EXPECT_EQ(customers[1], 2);  // C1, C4
  EXPECT_EQ(previous[1], 1);   // C1
  EXPECT_EQ(moment.string_at(2), "termination");
  EXPECT_EQ(customers[2], 1);  // C2; the anonymous visitor is none
  EXPECT_EQ(previous[2], 1);   // C5
}

TEST(WebLifeMoments, TheListHoldsTheLastFourteenDays) {
  IndicatorRun run =
      run_web(moment_data(), months(9, 10), 1, moment_parameters());
  const ViewedTable& list = run.table("life_moment_list");
  ASSERT_EQ(list.view().rows(), 3);
  const ColumnView& id = list.column("customer_id");
  const ColumnView& moment = list.column("moment");
  const ColumnView& action = list.column("suggested_action");
  const int64_t* last = list.column("last_visit").ints();
  EXPECT_EQ(id.string_at(0), "C1");
  EXPECT_EQ(moment.string_at(0), "complaint");
  EXPECT_FALSE(action.is_valid(0));
  EXPECT_EQ(last[0], utc(2026, 10, 30, 9));
  EXPECT_EQ(id.string_at(1), "C1");
  EXPECT_EQ(moment.string_at(1), "moving");
  EXPECT_EQ(last[1], utc(2026, 10, 20, 9));
  EXPECT_EQ(action.string_at(1), "Transfer the contract");
  EXPECT_EQ(id.string_at(2), "C4");
  EXPECT_EQ(last[2], utc(2026, 10, 26, 9));
}

TEST(WebLifeMoments, AViewAtExactlyTheWindowStartIsIn) {
  WebLog d;
  d.view(utc(2026, 10, 18), "m1", "/espace-client/resiliation", "C1");
  d.view(utc(2026, 10, 18) - 1, "m2", "/espace-client/resiliation", "C2");
  IndicatorRun run = run_web(d, months(10, 10), 0);
  const ViewedTable& list = run.table("life_moment_list");
  ASSERT_EQ(list.view().rows(), 1);
  EXPECT_EQ(list.column("customer_id").string_at(0), "C1");
  EXPECT_EQ(list.column("last_visit").ints()[0], utc(2026, 10, 18));
  // A 15-day window takes C2 in too.
  auto parameters = demo_parameters();
  parameters["life_moment_days"] = "15";
  EXPECT_EQ(run_web(d, months(10, 10), 0, parameters)
                .table("life_moment_list")
                .view()
                .rows(),
            2);
}

}  // namespace
}  // namespace vigie::testing
