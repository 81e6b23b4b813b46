// The data-quality appendix every report ends with, on a hand-made log:
// two sources, one with rejects of two kinds (the bad amounts counted
// together whatever value they quote) and one that stops three days
// before the end of the period.
#include "pipeline/data_quality.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace vigie::pipeline {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr int64_t kHour = int64_t{3600} * 1000000;
// 2026-10-01 00:00 and 2026-11-01 00:00 UTC.
constexpr int64_t kStart = int64_t{1790812800} * 1000000;
constexpr int64_t kEnd = int64_t{1793491200} * 1000000;

std::vector<std::string> notes_of(const render::Section& s) {
  std::vector<std::string> out;
  for (const auto& b : s.blocks)
    if (const auto* n = std::get_if<render::Note>(&b)) out.push_back(n->text);
  return out;
}

TEST(DataQualityAppendix, ASourceARowThenWarningsThenTheMainRejectReasons) {
  ingest::RejectLog log;
  log.count_read("orders", 10);
  log.count_time_range("orders", kStart + kHour, kEnd - 2 * kHour);
  log.add({"orders", "orders.csv", 4,
           "column 'amount': expected a decimal "
           "number, got 'x'"});
  log.add({"orders", "orders.csv", 9,
           "column 'amount': expected a decimal "
           "number, got 'y'"});
  log.add({"orders", "orders.csv", 7, "expected 9 fields, found 8"});
  log.count_read("web", 5);
  log.count_time_range("web", kStart, kEnd - 72 * kHour);
  log.count_unmatched("web", 2);

  compute::PeriodPlan plan;
  plan.periods.push_back({"2026-10", kStart, kEnd, "October 2026", "Oct 26"});
  const locale::Locale locale("en_GB", "UTC");
  // A source is named by its dataset, and by its id when that differs.
  const SourceDatasets datasets{{"orders", "orders"}, {"web", "web_events"}};
  const render::Section s = data_quality_appendix(log, datasets, plan, locale);

  EXPECT_EQ(s.title, "Data quality");
  const render::TableBlock* table = nullptr;
  for (const auto& b : s.blocks)
    if (const auto* t = std::get_if<render::TableBlock>(&b)) table = t;
  ASSERT_NE(table, nullptr);
  EXPECT_THAT(table->header, ElementsAre("Source", "Read", "Rejected",
                                         "Unmatched ids", "First", "Last"));
  EXPECT_THAT(table->rows[0],
              ElementsAre("Orders", "10", "3", "–", "2026-10-01 01:00",
                          "2026-10-31 22:00"));
  EXPECT_THAT(table->rows[1],
              ElementsAre("Web events (web)", "5", "0", "2", "2026-10-01 00:00",
                          "2026-10-29 00:00"));
  const auto notes = notes_of(s);
  EXPECT_THAT(notes[0], HasSubstr("2026-10-01 00:00 to 2026-11-01 00:00"));
  // Only web stops more than a day before the end.
  ASSERT_EQ(notes.size(), 4u);
  EXPECT_THAT(notes[1],
              HasSubstr("source Web events (web) stops at 2026-10-29 00:00"));
  EXPECT_EQ(notes[2],
            "Orders: 2 row(s) rejected: column 'amount': expected a decimal "
            "number (first: orders.csv:4).");
  EXPECT_EQ(notes[3],
            "Orders: 1 row(s) rejected: expected 9 fields, found 8 (first: "
            "orders.csv:7).");
}

}  // namespace
}  // namespace vigie::pipeline
