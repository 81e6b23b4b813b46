// The call-centre tables of the report period P1 of the hand-computed case
// of call_centre_fixture.hpp: 10 inbound calls, by reason change_address 4
// (C1 d11, C2 d11, C1 d18 abandoned, C2 d18), billing_question 3,
// complaint 1 and 2 without reason; by queue admin 4, billing 4, support 1
// and 1 without queue. C3's outbound call and P0's calls are left out.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "call_centre_fixture.hpp"

namespace vigie::testing {
namespace {

// The texts of a string column, "<null>" for a null.
std::vector<std::string> texts(const ViewedTable& table,
                               const std::string& name) {
  std::vector<std::string> out;
  const ColumnView& column = table.column(name);
  for (int64_t row = 0; row < column.size(); ++row)
    out.push_back(column.is_valid(row) ? std::string(column.string_at(row))
                                       : "<null>");
  return out;
}

std::vector<int64_t> ints(const ViewedTable& table, const std::string& name) {
  const ColumnView& column = table.column(name);
  return std::vector<int64_t>(column.ints(), column.ints() + column.size());
}

std::vector<double> doubles(const ViewedTable& table, const std::string& name) {
  const ColumnView& column = table.column(name);
  return std::vector<double>(column.doubles(),
                             column.doubles() + column.size());
}

TEST(CallCentreTables, CallsByReasonMostFirstThenTheCallsWithoutReason) {
  const IndicatorRun run = run_call_centre({});
  const ViewedTable& table = run.table("calls_by_reason");
  EXPECT_EQ(texts(table, "reason"),
            (std::vector<std::string>{"change_address", "billing_question",
                                      "complaint", "<null>"}));
  EXPECT_EQ(ints(table, "calls"), (std::vector<int64_t>{4, 3, 1, 2}));
  EXPECT_EQ(doubles(table, "share"), (std::vector<double>{0.4, 0.3, 0.1, 0.2}));
}

TEST(CallCentreTables, CallsByQueueTiesInByteOrder) {
  const IndicatorRun run = run_call_centre({});
  const ViewedTable& table = run.table("calls_by_queue");
  EXPECT_EQ(
      texts(table, "queue"),
      (std::vector<std::string>{"admin", "billing", "support", "<null>"}));
  EXPECT_EQ(ints(table, "calls"), (std::vector<int64_t>{4, 4, 1, 1}));
  EXPECT_EQ(doubles(table, "share"), (std::vector<double>{0.4, 0.4, 0.1, 0.1}));
}

TEST(CallCentreTables, TopReasonsKeepsTheFirstN) {
  const IndicatorRun run = run_call_centre({{"top_reasons", "2"}});
  const ViewedTable& table = run.table("top_reasons");
  EXPECT_EQ(ints(table, "rank"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(texts(table, "reason"),
            (std::vector<std::string>{"change_address", "billing_question"}));
  EXPECT_EQ(ints(table, "calls"), (std::vector<int64_t>{4, 3}));
  EXPECT_EQ(doubles(table, "share"), (std::vector<double>{0.4, 0.3}));
}

TEST(CallCentreTables, OnlineReasonsAreTheTopReasonsOfTheCostTable) {
  // report_meter has no call in P1: not a top reason. billing_question is
  // not in the table. The cost at stake is answered calls x unit cost:
  // change_address 3 answered (C1's d18 call was abandoned) x 4.20.
  const std::map<std::string, std::string> costs{
      {"action_costs.change_address", "4.20"},
      {"action_costs.complaint", "3.00"},
      {"action_costs.report_meter", "1.00"}};
  const IndicatorRun run = run_call_centre(costs);
  const ViewedTable& table = run.table("online_reasons");
  EXPECT_EQ(ints(table, "rank"), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(texts(table, "reason"),
            (std::vector<std::string>{"change_address", "complaint"}));
  EXPECT_EQ(ints(table, "calls"), (std::vector<int64_t>{4, 1}));
  EXPECT_EQ(doubles(table, "share"), (std::vector<double>{0.4, 0.1}));
  EXPECT_EQ(ints(table, "answered"), (std::vector<int64_t>{3, 1}));
  EXPECT_EQ(ints(table, "unit_cost"), (std::vector<int64_t>{42000, 30000}));
  EXPECT_EQ(ints(table, "cost_at_stake"),
            (std::vector<int64_t>{126000, 30000}));

  auto top_one = costs;
  top_one["top_reasons"] = "1";
  const IndicatorRun one = run_call_centre(top_one);
  EXPECT_EQ(texts(one.table("online_reasons"), "reason"),
            (std::vector<std::string>{"change_address"}));
}

TEST(CallCentreTables, WithoutACostTableNoReasonIsOnline) {
  const IndicatorRun run = run_call_centre({});
  EXPECT_EQ(run.table("online_reasons").view().rows(), 0);
}

TEST(CallCentreTables, AnEmptyReportPeriodGivesEmptyTables) {
  CallsData d;
  d.call({day(5), "C1", "inbound", "q", "r", "answered", 1, 1});
  const IndicatorRun run = run_call_centre({}, d);
  EXPECT_EQ(run.table("calls_by_reason").view().rows(), 0);
  EXPECT_EQ(run.table("calls_by_queue").view().rows(), 0);
  EXPECT_EQ(run.table("top_reasons").view().rows(), 0);
}

}  // namespace
}  // namespace vigie::testing
