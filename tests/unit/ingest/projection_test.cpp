// The projection at ingest (DatasetBuilder with the columns the plan
// reads): unread columns are not stored nor interned, and a row is
// rejected or kept exactly as when every column is read.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/dataset_builder.hpp"
#include "source_batch.hpp"

namespace vigie::ingest {
namespace {

// calls: call_id, started_at, customer_id, outcome, wait_s.
Table calls(const std::vector<std::vector<std::string>>& rows) {
  Table t;
  for (const char* name :
       {"call_id", "started_at", "customer_id", "outcome", "wait_s"})
    t.add(name, Type::String);
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size(); ++c) {
      if (r[c].empty())
        t.columns[c].push_null();
      else
        t.columns[c].push_string(r[c]);
    }
  return t;
}

struct Built {
  std::shared_ptr<const Table> table;
  RejectLog rejects;
  Identity identity;
};

// Good rows, then rows bad only in call_id (required, empty), customer_id
// (not UTF-8) and wait_s (not a number), then one bad in outcome.
std::unique_ptr<Built> build(const std::set<std::string>* kept) {
  auto out = std::make_unique<Built>();
  table::TimestampParser ts("UTC");
  const auto& dataset = *table::find_dataset("calls");
  auto builder =
      kept ? std::make_unique<DatasetBuilder>(dataset, out->identity, ts, *kept)
           : std::make_unique<DatasetBuilder>(dataset, out->identity, ts);
  SourceBatch batch(calls({
      {"c1", "2026-10-01 10:00:00", "K1", "resolved", "30"},
      {"c2", "2026-10-02 10:00:00", "K2", "abandoned", "45"},
      {"", "2026-10-03 10:00:00", "K3", "resolved", "10"},
      {"c4", "2026-10-04 10:00:00", "K\xff", "resolved", "10"},
      {"c5", "2026-10-05 10:00:00", "K5", "resolved", "ten"},
      {"c6", "2026-10-06 10:00:00", "K6", "", "10"},
  }));
  builder->begin_source("calls", "calls.csv", {}, batch.schema);
  builder->append(batch.view(), out->rejects);
  out->table = builder->finish();
  return out;
}

std::vector<std::string> reject_lines(const RejectLog& log) {
  std::vector<std::string> out;
  for (const auto& r : log.rejects())
    out.push_back(std::to_string(r.line) + ": " + r.reason);
  return out;
}

TEST(Projection, UnreadColumnsAreNeitherStoredNorInterned) {
  const std::set<std::string> kept = {"started_at", "outcome"};
  auto projected = build(&kept);
  ASSERT_EQ(projected->table->columns.size(), 2u);
  EXPECT_EQ(projected->table->columns[0].name, "started_at");
  EXPECT_EQ(projected->table->columns[1].name, "outcome");
  EXPECT_EQ(projected->table->rows(), 2);
  // customer_id is unread: no customer was given a code.
  EXPECT_EQ(projected->identity.customers.size(), 0);
  auto full = build(nullptr);
  EXPECT_EQ(full->table->columns.size(), 5u);
  // K1, K2, and K5, K6, coded before a later column of their row failed.
  EXPECT_EQ(full->identity.customers.size(), 4);
}

TEST(Projection, RowsAreRejectedAsWhenEveryColumnIsRead) {
  const std::set<std::string> kept = {"started_at", "outcome"};
  auto projected = build(&kept);
  auto full = build(nullptr);
  EXPECT_EQ(reject_lines(projected->rejects), reject_lines(full->rejects));
  EXPECT_EQ(projected->rejects.total_rejected(), 4);
  EXPECT_EQ(projected->table->rows(), full->table->rows());
}

}  // namespace
}  // namespace vigie::ingest
