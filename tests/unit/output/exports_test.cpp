// kpis.json is written whatever bytes a plugin's text holds: ingest keeps
// bad UTF-8 out of the datasets, but labels, notes and table cells come
// from plugins; a bad byte must not end the run as an internal error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "output/exports.hpp"

namespace vigie::output {
namespace {

namespace fs = std::filesystem;

compute::PeriodPlan one_month() {
  compute::PeriodPlan plan;
  compute::Period october;
  october.month = {2026, 10};
  october.start_us = 1790812800LL * 1000000;  // 2026-10-01T00:00:00Z
  october.end_us = 1793491200LL * 1000000;    // 2026-11-01T00:00:00Z
  october.label = "October 2026";
  plan.periods = {october};
  plan.series = 1;
  return plan;
}

TEST(KpisJson, BadUtf8FromAPluginBecomesReplacementCharacters) {
  compute::KpiResult kpi;
  kpi.id = "caller_names";
  kpi.label = "Appels de Fran\xE7ois";  // Latin-1
  kpi.kind = VIGIE_OUTPUT_TABLE;
  Table table;
  table.add("name", Type::String).push_string("Ren\xE9");
  kpi.table = std::move(table);
  kpi.notes = {"note \xFF"};
  const fs::path file =
      fs::temp_directory_path() /
      ("vigie-exports-test-" +
       std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
       ".json");
  ASSERT_NO_THROW(write_kpis_json(file,
                                  {"r", "t", "UTC", "now", "previous",
                                   "20261201T024936.512Z-9c1f0e4b7a2d6c83"},
                                  one_month(), {kpi}, ingest::RejectLog{}, {}));
  std::ifstream in(file, std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  fs::remove(file);
  const auto doc = nlohmann::json::parse(text);  // valid UTF-8 JSON
  EXPECT_EQ(doc["report"]["run_id"], "20261201T024936.512Z-9c1f0e4b7a2d6c83");
  const auto& k = doc["kpis"][0];
  EXPECT_EQ(k["label"], "Appels de Fran\xEF\xBF\xBDois");
  EXPECT_EQ(k["rows"][0][0], "Ren\xEF\xBF\xBD");
  EXPECT_EQ(k["notes"][0], "note \xEF\xBF\xBD");
}

}  // namespace
}  // namespace vigie::output
