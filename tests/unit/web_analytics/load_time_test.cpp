// Load-time percentiles by nearest rank (rank ceil(p/100 n), 1-based) over
// the page views with a load time, overall and by page group (a page in no
// group counts overall only; a page in two groups goes to the most
// specific). Figures by hand.
#include <gtest/gtest.h>

#include "web_fixture.hpp"

namespace vigie::testing {
namespace {

constexpr uint32_t kAug = 0, kSep = 1, kOct = 2;

WebLog load_data() {
  WebLog d;
  const int64_t t = utc(2026, 10, 10, 9);
  d.view(t, "v1", "/", "", "desktop", 200);
  d.view(t + kMinute, "v1", "/", "", "desktop", 100);
  d.view(t + 2 * kMinute, "v1", "/offres", "", "desktop", 300);
  // Pages in no group.
  d.view(t + 3 * kMinute, "v2", "/blog/x", "", "desktop", 500);
  d.view(t + 4 * kMinute, "v2", "/blog/y", "", "desktop", 400);
  // In "espace_client" through a `*` and in "aide" exactly (with
  // group_parameters()): aide.
  d.view(t + 5 * kMinute, "v3", "/espace-client/aide", "", "mobile", 600);
  // Not measured: a page view without a load time, an action with one.
  d.view(t + 6 * kMinute, "v3", "/", "", "mobile");
  d.add({t + 7 * kMinute, "v3", "action", "", "", "mobile", 9999});
  // September: one page view.
  d.view(utc(2026, 9, 10, 9), "v4", "/", "", "desktop", 50);
  return d;
}

// The demo groups, with /espace-client/aide also in "aide", as in the
// example of docs/kpi-choices.md.
std::map<std::string, std::string> group_parameters() {
  auto parameters = demo_parameters();
  parameters["page_groups.aide"] = "/aide|/aide/*|/espace-client/aide";
  return parameters;
}

TEST(WebLoadTime, NearestRankOverall) {
  IndicatorRun run = run_web(load_data(), months(8, 10), kOct);
  // 100 200 300 400 500 600: p50 rank 3, p95 rank ceil(5.7) = 6.
  EXPECT_EQ(run.value("load_time_p50", kOct), 300.0);
  EXPECT_EQ(run.value("load_time_p95", kOct), 600.0);
  // n = 1: rank 1 for both.
  EXPECT_EQ(run.value("load_time_p50", kSep), 50.0);
  EXPECT_EQ(run.value("load_time_p95", kSep), 50.0);
  EXPECT_EQ(run.value("load_time_p95", kAug), std::nullopt);
}

TEST(WebLoadTime, ByGroupPagesInNoGroupLeftOut) {
  IndicatorRun run =
      run_web(load_data(), months(8, 10), kOct, group_parameters());
  const ViewedTable& groups = run.table("load_time_by_group");
  ASSERT_EQ(groups.view().rows(), 3);
  // accueil: 100 200, n = 2: p50 rank 1, p95 rank ceil(1.9) = 2.
  EXPECT_EQ(groups.column("group").string_at(0), "accueil");
  EXPECT_EQ(groups.column("page_views").ints()[0], 2);
  EXPECT_EQ(groups.column("p50").ints()[0], 100);
  EXPECT_EQ(groups.column("p95").ints()[0], 200);
  EXPECT_EQ(groups.column("group").string_at(1), "aide");
  EXPECT_EQ(groups.column("p50").ints()[1], 600);
  EXPECT_EQ(groups.column("group").string_at(2), "produits");
  EXPECT_EQ(groups.column("p95").ints()[2], 300);
  // With the demo's own groups the page is espace_client's.
  IndicatorRun demo = run_web(load_data(), months(8, 10), kOct);
  EXPECT_EQ(demo.table("load_time_by_group").column("group").string_at(1),
            "espace_client");
}

TEST(WebLoadTime, NearestRankAtTwentyValues) {
  // 1..20 ms: p95 is rank 19 exactly (95 % of 20), p50 rank 10.
  WebLog d;
  for (int i = 1; i <= 20; ++i)
    d.view(utc(2026, 10, 10, 9) + i * kMinute, "v1", "/", "", "desktop", i);
  IndicatorRun run = run_web(d, months(10, 10), 0);
  EXPECT_EQ(run.value("load_time_p95", 0), 19.0);
  EXPECT_EQ(run.value("load_time_p50", 0), 10.0);
}

}  // namespace
}  // namespace vigie::testing
