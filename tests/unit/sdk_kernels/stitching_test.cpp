#include "vigie/sdk/kernels/stitching.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "kernel_columns.hpp"

namespace vigie::kernels_test {
namespace {

using sdk::kernels::kNone;
using sdk::kernels::Stitching;

// Five visitors, three customers:
//   visitor 0: customer 1 after its event at 100, customer 0 after 200;
//   visitor 2: customer 2 after 150;
//   visitors 1, 3 and 4: never linked.
Table links() {
  return table_of({
      code_column("visitor_id", 5, {0, 0, 2}),
      code_column("customer_id", 3, {1, 0, 2}),
      int_column("since", Type::Timestamp, {100, 200, 150}),
  });
}

TEST(StitchingTest, APersonIsTheLastLinkBeforeAsOf) {
  testing::ViewedTable t(links());
  Stitching stitching(t.view(), 5);
  EXPECT_EQ(stitching.visitor_count(), 5);
  EXPECT_EQ(stitching.customer_count(), 3);
  EXPECT_EQ(stitching.person(0, 50), kNone);
  // Events up to as_of are those before it: a link made at exactly as_of
  // does not count yet.
  EXPECT_EQ(stitching.person(0, 100), kNone);
  EXPECT_EQ(stitching.person(0, 101), 1);
  EXPECT_EQ(stitching.person(0, 200), 1);
  EXPECT_EQ(stitching.person(0, 201), 0);
  EXPECT_EQ(stitching.person(0, 1'000'000), 0);
  EXPECT_EQ(stitching.person(2, 150), kNone);
  EXPECT_EQ(stitching.person(2, 151), 2);
  EXPECT_EQ(stitching.person(1, 1'000'000), kNone);
  EXPECT_EQ(stitching.person(4, 1'000'000), kNone);  // past the last row
}

TEST(StitchingTest, PersonKeysPutCustomersAndLoneVisitorsInOneSpace) {
  testing::ViewedTable t(links());
  Stitching stitching(t.view(), 5);
  EXPECT_EQ(stitching.person_key_count(), 8);
  EXPECT_EQ(stitching.person_key(0, 201), 0);      // customer 0
  EXPECT_EQ(stitching.person_key(2, 151), 2);      // customer 2
  EXPECT_EQ(stitching.person_key(0, 100), 3 + 0);  // not linked yet
  EXPECT_EQ(stitching.person_key(4, 500), 3 + 4);
}

TEST(StitchingTest, PersonsAtOneAsOfForEveryVisitor) {
  testing::ViewedTable t(links());
  Stitching stitching(t.view(), 5);
  EXPECT_EQ(stitching.persons_at(160),
            (std::vector<int32_t>{1, kNone, 2, kNone, kNone}));
  EXPECT_EQ(stitching.persons_at(100),
            (std::vector<int32_t>{kNone, kNone, kNone, kNone, kNone}));
}

TEST(StitchingTest, PersonKeysOfEachRowAtItsPeriodsAsOf) {
  testing::ViewedTable t(links());
  Stitching stitching(t.view(), 5);
  // Periods [0, 150) and [150, 300): as_of 150 and 300.
  std::vector<vigie_period> spans{{0, 150}, {150, 300}};
  sdk::kernels::PeriodIndex periods(spans);
  std::vector<int32_t> visitor{0, 0, 2, 2, 1, -1, 0};
  std::vector<int32_t> period{0, 1, 0, 1, 1, 1, kNone};
  auto keys = stitching.person_keys(sdk::kernels::CodeSource(visitor, 5),
                                    period, periods);
  // Visitor 0: customer 1 at 150, customer 0 at 300; visitor 2: linked
  // since 150, so not yet at as_of 150; visitor 1 never.
  EXPECT_EQ(keys, (std::vector<int32_t>{1, 0, 3 + 2, 2, 3 + 1, -1, -1}));
  std::vector<int32_t> shorter{0};
  EXPECT_THROW((void)stitching.person_keys(sdk::kernels::CodeSource(shorter, 5),
                                           period, periods),
               std::invalid_argument);
}

TEST(StitchingTest, NoLinkMeansNoVisitorIsLinked) {
  testing::ViewedTable t(table_of({
      code_column("visitor_id", 2, {}),
      code_column("customer_id", 0, {}),
      int_column("since", Type::Timestamp, {}),
  }));
  Stitching stitching(t.view(), 2);
  EXPECT_EQ(stitching.person(0, 100), kNone);
  EXPECT_EQ(stitching.person(1, 100), kNone);
  EXPECT_EQ(stitching.person_key(1, 100), 1);
}

TEST(StitchingTest, MalformedLinksAreRefusedNamingTheRow) {
  auto refused = [](Table table, int64_t visitors, const char* expected) {
    testing::ViewedTable t(std::move(table));
    try {
      Stitching stitching(t.view(), visitors);
      ADD_FAILURE() << "accepted; expected: " << expected;
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos)
          << e.what();
    }
  };
  refused(table_of({code_column("visitor_id", 3, {1, 0}),
                    code_column("customer_id", 1, {0, 0}),
                    int_column("since", Type::Timestamp, {1, 2})}),
          3, "row 1 is out of order");
  refused(table_of({code_column("visitor_id", 3, {1, 1}),
                    code_column("customer_id", 1, {0, 0}),
                    int_column("since", Type::Timestamp, {5, 2})}),
          3, "row 1 is out of order");
  refused(table_of({code_column("visitor_id", 3, {0, 2}),
                    code_column("customer_id", 1, {0, 0}),
                    int_column("since", Type::Timestamp, {1, 2})}),
          2, "row 1 has a visitor code beyond");
  refused(table_of({code_column("visitor_id", 3, {0}),
                    code_column("customer_id", 1, {std::nullopt}),
                    int_column("since", Type::Timestamp, {1})}),
          3, "row 0 has a null value");
  refused(table_of({code_column("visitor_id", 3, {0}),
                    code_column("customer_id", 1, {0})}),
          3, "missing column 'since'");
}

}  // namespace
}  // namespace vigie::kernels_test
