// Unique visitors and people, and cross-device customers: the person of a
// visitor is stitched at the end of each period (most frequent customer_id
// of its events before then, ties the smallest id in byte order), and a
// linked visitor counts for its customer on every event. Counted by hand.
#include <gtest/gtest.h>

#include "web_fixture.hpp"

namespace vigie::testing {
namespace {

constexpr uint32_t kAug = 0, kSep = 1, kOct = 2;

WebLog audience_data() {
  WebLog d;
  // September: vf anonymous (it identifies only in October), vg as C40.
  d.view(utc(2026, 9, 20, 10), "vf", "/");
  d.view(utc(2026, 9, 21, 10), "vg", "/", "C40");
  // va: once as C9, once as C10, then anonymously: a tie of one event
  // each, won by "C10" ("C10" < "C9" in byte order).
  d.view(utc(2026, 10, 2, 10), "va", "/", "C9");
  d.view(utc(2026, 10, 3, 10), "va", "/", "C10");
  d.view(utc(2026, 10, 3, 12), "va", "/aide");
  // vb: C10 on a mobile.
  d.view(utc(2026, 10, 4, 10), "vb", "/", "C10", "mobile");
  // vc: never identified.
  d.view(utc(2026, 10, 5, 10), "vc", "/");
  // vf identifies as C40; vg comes back anonymously (still C40).
  d.view(utc(2026, 10, 5, 11), "vf", "/", "C40");
  d.view(utc(2026, 10, 6, 10), "vg", "/");
  // vd: C20 on a desktop, then on no device (not a second device).
  d.view(utc(2026, 10, 7, 10), "vd", "/", "C20");
  d.view(utc(2026, 10, 7, 10, 5), "vd", "/offres", "C20", "");
  return d;
}

TEST(WebAudience, UniqueVisitorsAndPeopleOfEachPeriod) {
  IndicatorRun run = run_web(audience_data(), months(8, 10), kOct);
  EXPECT_EQ(run.value("unique_visitors", kOct), 6.0);
  // C10 (va, vb), vc, C40 (vf, vg), C20.
  EXPECT_EQ(run.value("unique_people", kOct), 4.0);
  EXPECT_EQ(run.value("unique_visitors", kSep), 2.0);
  // At the end of September vf is not linked yet: vf and C40 (vg).
  EXPECT_EQ(run.value("unique_people", kSep), 2.0);
  EXPECT_EQ(run.value("unique_people", kAug), 0.0);
}

TEST(WebAudience, CrossDeviceCustomersAndTheirShare) {
  IndicatorRun run = run_web(audience_data(), months(8, 10), kOct);
  // C10: desktop (va, its anonymous event included) and mobile (vb).
  // C40: desktop only; C20: desktop and no device.
  EXPECT_EQ(run.value("cross_device_customers", kOct), 1.0);
  EXPECT_DOUBLE_EQ(*run.value("cross_device_share", kOct), 1.0 / 3);
  // September: C40 alone, on one device; vf is no customer yet.
  EXPECT_EQ(run.value("cross_device_customers", kSep), 0.0);
  EXPECT_EQ(run.value("cross_device_share", kSep), 0.0);
  EXPECT_EQ(run.value("cross_device_share", kAug), std::nullopt);
}

TEST(WebAudience, TheTieGoesToTheSmallestIdInByteOrder) {
  // Had the tie gone to C9, va and vb would be two customers and C9 would
  // not be cross-device: the counts above hold only with C10. Here the
  // two ids tie at the same instant, and the tie still goes to C10.
  WebLog d;
  d.view(utc(2026, 10, 2, 10), "va", "/", "C9");
  d.view(utc(2026, 10, 2, 10), "va", "/", "C10", "tablet");
  d.view(utc(2026, 10, 4, 10), "vb", "/", "C10", "mobile");
  IndicatorRun run = run_web(d, months(10, 10), 0);
  EXPECT_EQ(run.value("unique_people", 0), 1.0);
  EXPECT_EQ(run.value("cross_device_customers", 0), 1.0);
}

}  // namespace
}  // namespace vigie::testing
