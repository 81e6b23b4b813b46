// usage_by_report for December 2026 (P), counted by hand on the history of
// usage_fixture.hpp (rows R1.., D1.. there): one row a report with a run or
// an e-mail in P, in report_id order, matched by its text across the two
// datasets' dictionaries.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "usage_fixture.hpp"

namespace vigie::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const char* const kColumns[] = {"report_id",         "runs",
                                "succeeded",         "failed",
                                "delivered",         "delivery_failures",
                                "recipients_reached"};

// Each row as "report runs succeeded failed delivered failures reached",
// "-" for a null cell.
std::vector<std::string> rows(const ViewedTable& table) {
  std::vector<std::string> out;
  for (int64_t row = 0; row < table.view().rows(); ++row) {
    std::string text(table.column("report_id").string_at(row));
    for (const char* name : kColumns) {
      if (std::string(name) == "report_id") continue;
      const ColumnView& column = table.column(name);
      text += " " + (column.is_valid(row) ? std::to_string(column.ints()[row])
                                          : std::string("-"));
    }
    out.push_back(text);
  }
  return out;
}

TEST(UsageByReport, CountsEachReportOfThePeriod) {
  const IndicatorRun run = run_usage(two_months_of_history());
  // alerts: R11 failed, R12 abandoned; no e-mail.
  // digest: no run; D13 delivered to g.
  // management: R5, R6 succeeded, R7 failed; D5, D7, D8 delivered (to a
  //   and b), D6 failed.
  // operational: R8 succeeded, R9 running, R10 waiting; D9, D10 delivered
  //   (both to c), D11 expired, D12 pending.
  // November's rows, R13, R14 and D14 are outside P.
  EXPECT_THAT(rows(run.table("usage_by_report")),
              ElementsAre("alerts 2 0 1 0 0 0", "digest 0 0 0 1 0 1",
                          "management 3 2 1 3 1 2", "operational 3 1 0 2 1 1"));
}

TEST(UsageByReport, HasItsDeclaredColumnsAndUnits) {
  const IndicatorRun run = run_usage(two_months_of_history());
  const TableView& table = run.table("usage_by_report").view();
  ASSERT_EQ(table.columns().size(), 7u);
  for (size_t c = 0; c < 7; ++c) {
    const ColumnView& column = table.columns()[c];
    EXPECT_EQ(column.name(), kColumns[c]);
    EXPECT_EQ(column.type(), c == 0 ? Type::String : Type::Int64);
    EXPECT_EQ(column.unit(), c == 0 ? "" : "count") << kColumns[c];
  }
}

TEST(UsageByReport, SortsReportIdsInByteOrder) {
  History h;
  h.run("b", utc(2026, 12, 2), "succeeded");
  h.run("a", utc(2026, 12, 3), "failed");
  h.run("B", utc(2026, 12, 4), "waiting");
  h.delivery("a2", utc(2026, 12, 5), "x@example.fr", "delivered");
  // "B" (0x42) < "a" < "a2" < "b".
  EXPECT_THAT(rows(run_usage(h).table("usage_by_report")),
              ElementsAre("B 1 0 0 0 0 0", "a 1 0 1 0 0 0", "a2 0 0 0 1 0 1",
                          "b 1 1 0 0 0 0"));
}

TEST(UsageByReport, KeepsAReportWhoseOnlyEmailIsPending) {
  History h;
  h.delivery("weekly", utc(2026, 12, 5), "x@example.fr", "pending");
  EXPECT_THAT(rows(run_usage(h).table("usage_by_report")),
              ElementsAre("weekly 0 0 0 0 0 0"));
}

TEST(UsageByReport, LeavesOutTheExcludedReports) {
  const IndicatorRun run = run_usage(
      two_months_of_history(), true,
      {{"exclude_reports.0", "management"}, {"exclude_reports.1", "digest"}});
  EXPECT_THAT(rows(run.table("usage_by_report")),
              ElementsAre("alerts 2 0 1 0 0 0", "operational 3 1 0 2 1 1"));
}

TEST(UsageByReport, LeavesTheDeliveryCellsEmptyWithoutReportDeliveries) {
  const IndicatorRun run = run_usage(two_months_of_history(), false);
  // No digest row: it was only known from its e-mail.
  EXPECT_THAT(rows(run.table("usage_by_report")),
              ElementsAre("alerts 2 0 1 - - -", "management 3 2 1 - - -",
                          "operational 3 1 0 - - -"));
}

TEST(UsageByReport, IsEmptyOnEmptyDatasets) {
  EXPECT_THAT(rows(run_usage(History()).table("usage_by_report")), IsEmpty());
  EXPECT_THAT(rows(run_usage(History(), false).table("usage_by_report")),
              IsEmpty());
}

}  // namespace
}  // namespace vigie::testing
