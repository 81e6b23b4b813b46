// Typical paths: the page groups of a session's page views in time order,
// pages in no group dropped, repeats collapsed, cut after four groups;
// shares of visits and of sessions ending in an action or a conversion.
#include <gtest/gtest.h>

#include "web_fixture.hpp"

namespace vigie::testing {
namespace {

WebLog path_data() {
  WebLog d;
  const int64_t t = utc(2026, 10, 12, 9);
  // s1: accueil accueil produits (blog) produits aide achat, then an
  // action: "accueil > produits > aide > achat", ending on an act.
  const char* s1[] = {"/",           "/",     "/offres", "/blog",
                      "/produits/a", "/aide", "/panier"};
  for (int i = 0; i < 7; ++i) d.view(t + i * kMinute, "p1", s1[i]);
  d.act(t + 7 * kMinute, "p1");
  // s2: five groups, cut after the fourth: the same path, ending on a
  // page view.
  const char* s2[] = {"/", "/offres", "/aide", "/panier", "/inscription"};
  for (int i = 0; i < 5; ++i) d.view(t + i * kMinute, "p2", s2[i]);
  // s3: "produits", then a conversion.
  d.view(t, "p3", "/offres");
  d.act(t + kMinute, "p3", "conversion");
  // s4: only a page in no group: no path, still a visit.
  d.view(t, "p4", "/blog");
  // s5: "aide", an action, then "aide" again: acted, then read on.
  d.view(t, "p5", "/aide");
  d.act(t + kMinute, "p5");
  d.view(t + 2 * kMinute, "p5", "/aide/faq");
  // s6: "produits", ending on a page view.
  d.view(t, "p6", "/offres");
  // A September session is no visit of October.
  d.view(utc(2026, 9, 30, 23, 59), "p7", "/aide");
  d.view(utc(2026, 10, 1, 0, 5), "p7", "/aide");
  return d;
}

TEST(WebPaths, TopPathsWithSharesAndEndings) {
  IndicatorRun run = run_web(path_data(), months(9, 10), 1);
  const ViewedTable& paths = run.table("top_paths");
  ASSERT_EQ(paths.view().rows(), 3);
  const ColumnView& path = paths.column("path");
  EXPECT_EQ(path.string_at(0), "accueil > produits > aide > achat");
  EXPECT_EQ(paths.column("sessions").ints()[0], 2);
  EXPECT_DOUBLE_EQ(paths.column("share").number_at(0), 2.0 / 6);
  EXPECT_DOUBLE_EQ(paths.column("ending_share").number_at(0), 0.5);
  // Tied at 2 sessions: path text in byte order.
  EXPECT_EQ(path.string_at(1), "produits");
  EXPECT_DOUBLE_EQ(paths.column("ending_share").number_at(1), 0.5);
  EXPECT_EQ(path.string_at(2), "aide");
  EXPECT_EQ(paths.column("sessions").ints()[2], 1);
  EXPECT_DOUBLE_EQ(paths.column("share").number_at(2), 1.0 / 6);
  EXPECT_EQ(paths.column("ending_share").number_at(2), 0.0);
}

TEST(WebPaths, TheParametersCutTheTableAndThePaths) {
  auto parameters = demo_parameters();
  parameters["top_paths"] = "1";
  parameters["path_length"] = "2";
  IndicatorRun run = run_web(path_data(), months(9, 10), 1, parameters);
  const ViewedTable& paths = run.table("top_paths");
  ASSERT_EQ(paths.view().rows(), 1);
  EXPECT_EQ(paths.column("path").string_at(0), "accueil > produits");
  EXPECT_EQ(paths.column("sessions").ints()[0], 2);
}

}  // namespace
}  // namespace vigie::testing
