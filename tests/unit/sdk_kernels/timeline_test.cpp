#include "vigie/sdk/kernels/timeline.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <vector>

#include "kernel_columns.hpp"

namespace vigie::kernels_test {
namespace {

using sdk::kernels::CodeSource;
using sdk::kernels::Event;
using sdk::kernels::IntSource;
using sdk::kernels::Timeline;

std::vector<Event> all(std::span<const Event> events) {
  return {events.begin(), events.end()};
}

// Calls of three customers (dictionary of 4), out of time order:
//   row customer time  inbound
//    0     1      50     1
//    1     0      30     1
//    2     1      10     1
//    3   null     20     1
//    4     1      50     0     (same time as row 0)
//    5     0     null    1
//    6     1      40     1
//    7     2     100     1
Table calls() {
  return table_of({
      code_column("customer_id", 4, {1, 0, 1, std::nullopt, 1, 0, 1, 2}),
      int_column("started_at", Type::Timestamp,
                 {50, 30, 10, 20, 50, std::nullopt, 40, 100}),
      int_column("inbound", Type::Int64, {1, 1, 1, 1, 0, 1, 1, 1}),
  });
}

TEST(TimelineTest, EachEntitySortedByTimeThenRowNullsLeftOut) {
  testing::ViewedTable t(calls());
  Timeline timeline(t.column("customer_id"), t.column("started_at"));
  EXPECT_EQ(timeline.entity_count(), 4);
  EXPECT_EQ(timeline.size(), 6);  // rows 3 and 5 have a null
  EXPECT_EQ(all(timeline.events(0)), (std::vector<Event>{{30, 1}}));
  EXPECT_EQ(all(timeline.events(1)),
            (std::vector<Event>{{10, 2}, {40, 6}, {50, 0}, {50, 4}}));
  EXPECT_EQ(all(timeline.events(2)), (std::vector<Event>{{100, 7}}));
  EXPECT_TRUE(timeline.events(3).empty());
  EXPECT_FALSE(timeline.first(3));
  EXPECT_FALSE(timeline.last(3));
  EXPECT_EQ(timeline.first(1), (Event{10, 2}));
  EXPECT_EQ(timeline.last(1), (Event{50, 4}));
}

TEST(TimelineTest, AKeptSubsetOfTheRows) {
  testing::ViewedTable t(calls());
  const int64_t* inbound = t.column("inbound").ints();
  Timeline timeline(t.column("customer_id"), t.column("started_at"),
                    [&](int64_t row) { return inbound[row] == 1; });
  EXPECT_EQ(all(timeline.events(1)),
            (std::vector<Event>{{10, 2}, {40, 6}, {50, 0}}));
}

TEST(TimelineTest, BeforeMeansStrictlyBefore) {
  testing::ViewedTable t(calls());
  Timeline timeline(t.column("customer_id"), t.column("started_at"));
  EXPECT_FALSE(timeline.first_before(1, 10));  // the first is at 10
  EXPECT_EQ(timeline.first_before(1, 11), (Event{10, 2}));
  EXPECT_EQ(timeline.first_before(1, 1000), (Event{10, 2}));
  EXPECT_FALSE(timeline.last_before(1, 10));
  EXPECT_EQ(timeline.last_before(1, 40), (Event{10, 2}));
  EXPECT_EQ(timeline.last_before(1, 41), (Event{40, 6}));
  EXPECT_EQ(timeline.last_before(1, 51), (Event{50, 4}));  // equal times
  EXPECT_FALSE(timeline.last_before(3, 1000));
}

TEST(TimelineTest, AWindowIncludesItsStartAndExcludesItsEnd) {
  testing::ViewedTable t(calls());
  Timeline timeline(t.column("customer_id"), t.column("started_at"));
  EXPECT_EQ(all(timeline.events_in(1, 40, 50)), (std::vector<Event>{{40, 6}}));
  EXPECT_EQ(timeline.count_in(1, 40, 51), 3);
  EXPECT_EQ(timeline.count_in(1, 10, 40), 1);
  EXPECT_EQ(timeline.count_in(1, 0, 10), 0);
  EXPECT_EQ(timeline.count_in(1, 50, 50), 0);  // empty window
  EXPECT_EQ(timeline.count_in(1, 60, 20), 0);  // reversed window
  EXPECT_EQ(timeline.count_in(3, 0, 1000), 0);
}

TEST(TimelineTest, NextWithinIsAfterTAndAtMostTPlusD) {
  testing::ViewedTable t(calls());
  Timeline timeline(t.column("customer_id"), t.column("started_at"));
  // An event at t itself does not follow t.
  EXPECT_EQ(timeline.next_within(1, 10, 30), (Event{40, 6}));
  // A gap of exactly d counts; one microsecond more does not.
  EXPECT_EQ(timeline.next_within(1, 20, 20), (Event{40, 6}));
  EXPECT_FALSE(timeline.next_within(1, 19, 20));
  // Of equal times, the first row.
  EXPECT_EQ(timeline.next_within(1, 40, 10), (Event{50, 0}));
  EXPECT_FALSE(timeline.next_within(1, 50, 1000));  // nothing after the last
  EXPECT_FALSE(timeline.next_within(3, 0, 1000));
  EXPECT_EQ(timeline.next_within(1, 0, 0), std::nullopt);  // d = 0: empty
}

TEST(TimelineTest, ComposedEntitiesFromSpans) {
  // (customer, reason) pairs as one entity: customer * 2 + reason; -1 none.
  std::vector<int32_t> pair{3, 0, -1, 3, 1};
  std::vector<int64_t> time{100, 50, 70, 90, 10};
  Timeline timeline(CodeSource(pair, 4), IntSource(time));
  EXPECT_EQ(all(timeline.events(3)), (std::vector<Event>{{90, 3}, {100, 0}}));
  EXPECT_EQ(all(timeline.events(0)), (std::vector<Event>{{50, 1}}));
  EXPECT_EQ(timeline.size(), 4);
}

TEST(TimelineTest, EmptyInputsGiveAnEmptyTimeline) {
  Timeline none;
  EXPECT_EQ(none.entity_count(), 0);
  EXPECT_EQ(none.size(), 0);
  testing::ViewedTable t(table_of({code_column("customer_id", 2, {}),
                                   int_column("ts", Type::Timestamp, {})}));
  Timeline empty(t.column("customer_id"), t.column("ts"));
  EXPECT_EQ(empty.entity_count(), 2);
  EXPECT_FALSE(empty.last_before(1, 0));
  EXPECT_FALSE(empty.next_within(0, 0, 10));
}

TEST(TimelineTest, UnequalLengthsAreRefused) {
  std::vector<int32_t> entity{0, 0};
  std::vector<int64_t> time{1};
  EXPECT_THROW(Timeline(CodeSource(entity, 1), IntSource(time)),
               std::invalid_argument);
}

}  // namespace
}  // namespace vigie::kernels_test
