// The contract every plugin keeps, checked on every plugin built here (the
// built-in ones and the test ones): a well-formed descriptor, and clean
// errors rather than crashes when driven with nothing or with rubbish.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "plugin_host/connector.hpp"
#include "plugin_host/indicator.hpp"
#include "plugin_host/library.hpp"
#include "plugin_host/plugin_error.hpp"
#include "vigie/plugin.h"

namespace vigie::plugin_host {
namespace {

namespace fs = std::filesystem;

// Test plugins built to be refused at load.
const std::set<fs::path> kRefusedOnPurpose{"vigie_abi_mismatch.so",
                                           "vigie_unresolved.so"};

std::vector<fs::path> all_plugins(int32_t kind = 0) {
  std::vector<fs::path> out;
  for (const char* dir : {VIGIE_PLUGIN_DIR, VIGIE_TEST_PLUGIN_DIR}) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".so" &&
          !kRefusedOnPurpose.contains(e.path().filename()) &&
          (kind == 0 || Library::load(e.path())->info().kind == kind))
        out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class PluginContract : public ::testing::TestWithParam<fs::path> {};

TEST_P(PluginContract, DescriptorIsWellFormed) {
  auto lib = Library::load(GetParam());
  const vigie_plugin_info& i = lib->info();
  EXPECT_EQ(i.struct_size, sizeof(vigie_plugin_info));
  ASSERT_NE(i.name, nullptr);
  EXPECT_EQ(GetParam().filename().string(),
            "vigie_" + std::string(i.name) + ".so")
      << "the file is named after the plugin";
  EXPECT_NE(i.version, nullptr);
  ASSERT_NE(i.summary, nullptr);
  EXPECT_GT(std::string(i.summary).size(), 5u);
  std::set<std::string> keys;
  for (uint32_t k = 0; k < i.option_count; ++k) {
    const vigie_option& o = i.options[k];
    EXPECT_EQ(o.struct_size, sizeof(vigie_option));
    ASSERT_NE(o.key, nullptr);
    EXPECT_TRUE(keys.insert(o.key).second) << "duplicate option " << o.key;
    EXPECT_EQ(std::string(o.key).find('.'), std::string::npos) << o.key;
    EXPECT_TRUE(o.description && *o.description)
        << o.key << " has no description";
    EXPECT_GE(o.type, VIGIE_OPTION_STRING);
    EXPECT_LE(o.type, VIGIE_OPTION_LIST);
    EXPECT_FALSE(o.required && o.default_value)
        << o.key << ": required with a default";
  }
  std::set<std::string> ids;
  const std::set<std::string> units = {"currency", "count", "ratio",
                                       "multiple", "days",  "seconds",
                                       "ms",       "score", ""};
  for (uint32_t k = 0; k < i.output_count; ++k) {
    const vigie_output& o = i.outputs[k];
    EXPECT_EQ(o.struct_size, sizeof(vigie_output));
    ASSERT_NE(o.id, nullptr);
    EXPECT_TRUE(ids.insert(o.id).second) << "duplicate KPI " << o.id;
    EXPECT_TRUE(o.label && *o.label) << o.id << " has no label";
    EXPECT_TRUE(units.contains(o.unit ? o.unit : ""))
        << o.id << ": unit " << o.unit;
    EXPECT_TRUE(o.kind >= VIGIE_OUTPUT_VALUE && o.kind <= VIGIE_OUTPUT_LIST);
  }
  if (i.kind == VIGIE_KIND_INDICATOR) {
    EXPECT_GT(i.output_count, 0u);
  }
  for (uint32_t k = 0; k < i.input_count; ++k)
    EXPECT_EQ(i.inputs[k].struct_size, sizeof(vigie_input));
}

// Driven with an empty configuration, a plugin either works or says why.
TEST_P(PluginContract, EmptyConfigurationGivesAnErrorNotACrash) {
  auto lib = Library::load(GetParam());
  if (lib->info().kind == VIGIE_KIND_CONNECTOR) {
    try {
      Connector c(lib, {}, "contract");
      auto stream = c.open();
      while (stream.next()) {
      }
    } catch (const PluginError& e) {
      EXPECT_THAT(e.what(), ::testing::HasSubstr(lib->name()));
    }
  } else {
    try {
      Indicator ind(lib, {}, "plugin '" + lib->name() + "'");
      std::vector<std::string> kpis;
      for (uint32_t k = 0; k < lib->info().output_count; ++k)
        kpis.emplace_back(lib->info().outputs[k].id);
      ind.compute({}, {{0, 86400000000}}, 0, kpis);
    } catch (const PluginError& e) {
      EXPECT_THAT(e.what(), ::testing::HasSubstr(lib->name()));
    }
  }
}

class IndicatorContract : public ::testing::TestWithParam<fs::path> {};

// An indicator given every dataset it declares, empty, computes or fails
// with its name; never crashes. Every value it gives is finite (the engine
// checks that).
TEST_P(IndicatorContract, CopesWithEmptyDatasets) {
  auto lib = Library::load(GetParam());
  const auto& i = lib->info();
  std::vector<InputDataset> inputs;
  for (uint32_t k = 0; k < i.input_count; ++k)
    inputs.push_back({i.inputs[k].dataset, std::make_shared<const Table>()});
  std::vector<std::string> kpis;
  for (uint32_t k = 0; k < i.output_count; ++k)
    kpis.emplace_back(i.outputs[k].id);
  // Required parameters get no value here: such an indicator must refuse
  // them at creation with its name; others must compute.
  std::unique_ptr<Indicator> ind;
  try {
    ind = std::make_unique<Indicator>(lib, std::map<std::string, std::string>{},
                                      "plugin '" + lib->name() + "'");
  } catch (const PluginError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr(lib->name()));
    return;
  }
  try {
    ind->compute(inputs, {{0, 86400000000}}, 0, kpis);
  } catch (const PluginError& e) {
    // Empty tables lack the required columns: a clear error is acceptable.
    EXPECT_THAT(e.what(), ::testing::HasSubstr(lib->name()));
  }
}

std::string test_name(const ::testing::TestParamInfo<fs::path>& p) {
  return p.param.stem().string();
}

INSTANTIATE_TEST_SUITE_P(AllBuiltPlugins, PluginContract,
                         ::testing::ValuesIn(all_plugins()), test_name);
INSTANTIATE_TEST_SUITE_P(AllBuiltIndicators, IndicatorContract,
                         ::testing::ValuesIn(all_plugins(VIGIE_KIND_INDICATOR)),
                         test_name);

}  // namespace
}  // namespace vigie::plugin_host
