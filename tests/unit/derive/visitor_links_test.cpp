// Identity stitching as a change list (visitor_links), against
// hand-computed rows: the most frequent customer_id, ties by byte order of
// the text, equal timestamps counted together, and the as_of rule.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "derive/derive.hpp"
#include "derived_rows.hpp"
#include "web_events.hpp"

namespace vigie::derive {
namespace {

using testing::at;
using testing::kMinute;
using testing::LinkRow;
using testing::person;
using testing::WebEvents;

const int64_t t1 = at(2026, 10, 1, 9, 0);
const int64_t t2 = t1 + 10 * kMinute;
const int64_t t3 = t1 + 20 * kMinute;
const int64_t t4 = at(2026, 10, 8, 9, 0);
const int64_t t5 = at(2026, 10, 15, 9, 0);
const int64_t t6 = at(2026, 11, 2, 9, 0);

Table links_of(const WebEvents& web) {
  auto out = derive_datasets({"visitor_links"}, web.table, {});
  return *out.at("visitor_links");
}

TEST(VisitorLinks, ALeaderThatChangesOverTimeGivesARowAtEachChange) {
  // K2 is code 0, K1 code 1; in byte order K1 comes first.
  WebEvents web({{t1, "v1", "K2"},
                 {t2, "v1", ""},
                 {t3, "v1", "K1"},
                 {t4, "v1", "K1"},
                 {t5, "v1", "K2"},
                 {t6, "v1", "K2"}},
                {}, {"K2", "K1"});
  const Table links = links_of(web);
  // t1: K2 1 -> K2. t3: K1 1, K2 1, a tie -> K1. t4: K1 2. t5: K1 2, K2 2,
  // a tie -> K1 stays. t6: K2 3 -> K2.
  EXPECT_THAT(
      testing::link_rows(links),
      ::testing::ElementsAre(LinkRow{"v1", "K2", t1}, LinkRow{"v1", "K1", t3},
                             LinkRow{"v1", "K2", t6}));
  EXPECT_EQ(person(links, "v1", t1), "v1");
  EXPECT_EQ(person(links, "v1", t1 + 1), "K2");
  EXPECT_EQ(person(links, "v1", t3), "K2");
  EXPECT_EQ(person(links, "v1", t3 + 1), "K1");
  EXPECT_EQ(person(links, "v1", t6), "K1");
  EXPECT_EQ(person(links, "v1", t6 + 1), "K2");
}

TEST(VisitorLinks, TiesGoToTheSmallestIdInByteOrderNotTheSmallestCode) {
  // K9 is code 0, K10 code 1; "K10" < "K9" in byte order.
  WebEvents web({{t1, "v1", "K9"}, {t2, "v1", "K10"}}, {}, {"K9", "K10"});
  EXPECT_THAT(testing::link_rows(links_of(web)),
              ::testing::ElementsAre(LinkRow{"v1", "K9", t1},
                                     LinkRow{"v1", "K10", t2}));
}

TEST(VisitorLinks, EventsOfEqualTsAreCountedTogether) {
  // One at a time, v1 would be linked to K9 first, then to K10 at the same
  // instant; counted together, the tie goes to K10 at once.
  WebEvents web({{t1, "v1", "K9"},
                 {t1, "v1", "K10"},
                 {t1, "v2", "K10"},
                 {t1, "v2", "K9"},
                 {t2, "v2", "K9"}},
                {}, {"K9", "K10"});
  EXPECT_THAT(
      testing::link_rows(links_of(web)),
      ::testing::ElementsAre(LinkRow{"v1", "K10", t1}, LinkRow{"v2", "K10", t1},
                             LinkRow{"v2", "K9", t2}));
}

TEST(VisitorLinks, EventsAreCountedInTimeOrderNotRowOrder) {
  // In time order: K1 at t1 (linked), then K2 at t3, a tie K1 keeps.
  WebEvents web({{t3, "v1", "K2"}, {t1, "v1", "K1"}});
  EXPECT_THAT(testing::link_rows(links_of(web)),
              ::testing::ElementsAre(LinkRow{"v1", "K1", t1}));
}

TEST(VisitorLinks, AVisitorNeverIdentifiedHasNoRow) {
  WebEvents web({{t1, "anonymous", ""},
                 {t2, "anonymous", ""},
                 {t1, "v2", ""},
                 {t3, "v2", "K1"}},
                {"anonymous", "v2"});
  const Table links = links_of(web);
  EXPECT_THAT(testing::link_rows(links),
              ::testing::ElementsAre(LinkRow{"v2", "K1", t3}));
  EXPECT_EQ(person(links, "anonymous", t6), "anonymous");
}

TEST(VisitorLinks, AnAsOfExactlyAtSinceIsNotYetLinked) {
  // Events up to as_of are those with ts < as_of (periods are [start, end)).
  WebEvents web({{t1, "v1", ""}, {t2, "v1", "K1"}});
  const Table links = links_of(web);
  EXPECT_EQ(person(links, "v1", t2), "v1");
  EXPECT_EQ(person(links, "v1", t2 + 1), "K1");
}

TEST(VisitorLinks, DictionariesAreWebEventsPools) {
  WebEvents web({{t1, "v1", "K1"}});
  const Table links = links_of(web);
  EXPECT_EQ(links.find("visitor_id")->dictionary,
            web.table.find("visitor_id")->dictionary);
  EXPECT_EQ(links.find("customer_id")->dictionary,
            web.table.find("customer_id")->dictionary);
}

TEST(VisitorLinks, WebEventsWithoutCustomerIdGiveNoRows) {
  WebEvents web({{t1, "v1"}}, {}, {}, /*with_customer_column=*/false);
  const Table links = links_of(web);
  EXPECT_EQ(links.rows(), 0);
  EXPECT_NE(links.find("customer_id"), nullptr);
  EXPECT_NE(links.find("since"), nullptr);
}

}  // namespace
}  // namespace vigie::derive
