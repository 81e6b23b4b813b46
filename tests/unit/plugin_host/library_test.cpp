#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugin_host/indicator.hpp"
#include "plugin_host/library.hpp"
#include "plugin_host/options.hpp"
#include "plugin_host/plugin_error.hpp"
#include "plugin_host/registry.hpp"
#include "test_plugins.hpp"
#include "vigie/plugin.h"

namespace vigie::plugin_host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using testing::load_error;

TEST(Library, RefusesAnotherAbiNamingFileAndBothVersions) {
  const auto file = testing::test_plugin("abi_mismatch");
  EXPECT_THAT(load_error(file),
              AllOf(HasSubstr(file.string()),
                    HasSubstr("built for Vigie plugin ABI 2.0"),
                    HasSubstr("this engine speaks ABI 1.2")));
}

TEST(Library, RefusesAFileThatIsNotAPlugin) {
  const auto file = std::filesystem::path(VIGIE_SOURCE_DIR) / "README.md";
  EXPECT_THAT(load_error(file),
              AllOf(HasSubstr(file.string()), HasSubstr("cannot be loaded")));
}

TEST(Library, ReadsTheDescriptor) {
  auto lib = Library::load(testing::test_plugin("memory"));
  EXPECT_EQ(lib->name(), "memory");
  EXPECT_EQ(lib->info().kind, VIGIE_KIND_CONNECTOR);
  EXPECT_EQ(lib->info().abi_major, VIGIE_ABI_MAJOR);
}

TEST(Registry, ScanKeepsGoodPluginsAndRecordsRefusedOnes) {
  auto registry = Registry::scan({VIGIE_TEST_PLUGIN_DIR});
  EXPECT_NE(registry.find("memory"), nullptr);
  EXPECT_NE(registry.find("throwing"), nullptr);
  EXPECT_EQ(registry.find("abi_mismatch"), nullptr);
  EXPECT_EQ(registry.find("unresolved"), nullptr);
  ASSERT_EQ(registry.refused().size(), 2u);
  EXPECT_THAT(registry.refused()[0].second, HasSubstr("vigie_abi_mismatch.so"));
  EXPECT_THAT(registry.refused()[1].second,
              HasSubstr("vigie_unresolved.so: cannot be loaded: "));
  EXPECT_THAT(registry.names(PluginKind::Indicator),
              ::testing::ElementsAre("column_probe", "derived_probe",
                                     "short_entries", "throwing"));
}

TEST(Options, UnknownKeyListsTheValidOnes) {
  auto lib = Library::load(testing::test_plugin("memory"));
  try {
    resolve_options(lib->descriptor(), {{"colums", "a"}},
                    "plugin 'memory' (source 's')");
    FAIL() << "expected an error";
  } catch (const PluginError& e) {
    EXPECT_THAT(e.what(),
                AllOf(HasSubstr("plugin 'memory' (source 's')"),
                      HasSubstr("unknown config key 'colums'"),
                      HasSubstr("valid keys: columns, rows, batch_rows, "
                                "fail_at_batch")));
  }
}

TEST(Options, MissingRequiredKeyAndDefaults) {
  auto lib = Library::load(testing::test_plugin("memory"));
  EXPECT_THROW(resolve_options(lib->descriptor(), {}, "m"), PluginError);
  auto resolved = resolve_options(lib->descriptor(), {{"columns", "a"}}, "m");
  EXPECT_EQ(resolved.at("batch_rows"), "1000");
  EXPECT_EQ(resolved.at("fail_at_batch"), "-1");
  // A list option given as a single value is refused.
  EXPECT_THROW(resolve_options(lib->descriptor(),
                               {{"columns", "a"}, {"rows", "x"}}, "m"),
               PluginError);
}

}  // namespace
}  // namespace vigie::plugin_host

namespace vigie::plugin_host {
namespace {

TEST(Library, ReadsEntriesByTheirOwnSize) {
  // The plugin's output entries are 8 bytes shorter than this engine's: read
  // with the engine's stride, the second would start inside the first.
  auto lib = Library::load(testing::test_plugin("short_entries"));
  const auto& info = lib->info();
  ASSERT_EQ(info.output_count, 2u);
  EXPECT_STREQ(info.outputs[0].id, "first");
  EXPECT_STREQ(info.outputs[1].id, "second");
  EXPECT_STREQ(info.outputs[1].description, "always 2");
  EXPECT_EQ(info.outputs[1].struct_size, sizeof(vigie_output));
  EXPECT_EQ(info.outputs[1].better, VIGIE_BETTER_HIGHER);  // the default
  // ABI 1.1's tail members, which an ABI 1.0 plugin lacks, read as none.
  EXPECT_EQ(info.abi_minor, 0);
  EXPECT_EQ(info.outputs[1].column_count, 0u);
  EXPECT_EQ(info.outputs[1].read_count, 0u);
  ASSERT_EQ(info.option_count, 2u);
  EXPECT_STREQ(info.options[1].key, "mode");
  EXPECT_STREQ(info.options[1].description, "any text");
  EXPECT_EQ(info.options[1].struct_size, sizeof(vigie_option));
  EXPECT_EQ(info.options[0].range_flags, 0u);
  EXPECT_EQ(info.options[0].choice_count, 0u);
  // And it still computes, with its option.
  Indicator indicator(
      lib, resolve_options(lib->descriptor(), {{"scale", "3"}}, "s"), "s");
  auto out = indicator.compute({}, {{0, 10}}, 0, {"first", "second"});
  EXPECT_EQ(out.values.at("second")[0], 6.0);
}

TEST(Library, CopiesTheColumnsAndReadsOfABI11Outputs) {
  auto lib = Library::load(testing::builtin_plugin("customer_base"));
  const auto& info = lib->info();
  EXPECT_EQ(info.abi_minor, VIGIE_ABI_MINOR);
  const vigie_output* segments = nullptr;
  for (uint32_t i = 0; i < info.output_count; ++i)
    if (std::string_view(info.outputs[i].id) == "value_segments")
      segments = &info.outputs[i];
  ASSERT_NE(segments, nullptr);
  ASSERT_EQ(segments->column_count, 7u);
  EXPECT_STREQ(segments->columns[0].name, "segment");
  EXPECT_EQ(segments->columns[0].type, VIGIE_COLUMN_STRING);
  EXPECT_EQ(segments->columns[0].struct_size, sizeof(vigie_column));
  EXPECT_STREQ(segments->columns[3].name, "revenue_share");
  EXPECT_STREQ(segments->columns[3].unit, "ratio");
  EXPECT_EQ(segments->columns[2].type, VIGIE_COLUMN_DECIMAL);
  ASSERT_GT(segments->read_count, 0u);
  EXPECT_STREQ(segments->reads[0], "orders.customer_id");
}

TEST(Options, RangesAndChoicesAreChecked) {
  auto lib = Library::load(testing::builtin_plugin("customer_base"));
  auto refusal = [&](const std::string& key, const std::string& value) {
    try {
      resolve_options(lib->descriptor(), {{key, value}}, "cb");
    } catch (const PluginError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(refusal("activity_window", "auto"), "");
  EXPECT_EQ(refusal("activity_window", "45"), "");
  EXPECT_EQ(refusal("activity_window", "soon"),
            "cb: config key 'activity_window' must be auto, or a number >= 1, "
            "got 'soon'");
  EXPECT_EQ(refusal("alert_1m_days", "0"),
            "cb: config key 'alert_1m_days' must be an integer >= 1, got '0'");
  EXPECT_EQ(refusal("discount_rate", "-0.5"),
            "cb: config key 'discount_rate' must be a number >= 0, got "
            "'-0.5'");
}

}  // namespace
}  // namespace vigie::plugin_host
