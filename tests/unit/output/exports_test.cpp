// kpis.json is written whatever bytes a plugin's text holds: ingest keeps
// bad UTF-8 out of the datasets, but labels, notes and table cells come
// from plugins; a bad byte must not end the run as an internal error.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "output/exports.hpp"
#include "writer_test_support.hpp"

namespace vigie::output {
namespace {

namespace fs = std::filesystem;
using testing::kRunId;
using testing::one_month;
using KpisJson = testing::WriterFolderTest;

TEST_F(KpisJson, BadUtf8FromAPluginBecomesReplacementCharacters) {
  compute::KpiResult kpi;
  kpi.id = "caller_names";
  kpi.label = "Appels de Fran\xE7ois";  // Latin-1
  kpi.kind = plugin_host::OutputKind::Table;
  Table table;
  table.add("name", Type::String).push_string("Ren\xE9");
  kpi.table = std::move(table);
  kpi.notes = {"note \xFF"};
  const fs::path file = root_ / "kpis.json";
  ASSERT_NO_THROW(write_kpis_json(file,
                                  {"r", "t", "UTC", "now", "previous", kRunId},
                                  one_month(), {kpi}, ingest::RejectLog{}, {}));
  const std::string text = read(file);
  const auto doc = nlohmann::json::parse(text);  // valid UTF-8 JSON
  EXPECT_EQ(doc["report"]["run_id"], kRunId);
  const auto& k = doc["kpis"][0];
  EXPECT_EQ(k["label"], "Appels de Fran\xEF\xBF\xBDois");
  EXPECT_EQ(k["rows"][0][0], "Ren\xEF\xBF\xBD");
  EXPECT_EQ(k["notes"][0], "note \xEF\xBF\xBD");
}

}  // namespace
}  // namespace vigie::output
