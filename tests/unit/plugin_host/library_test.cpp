#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "plugin_host/library.hpp"
#include "plugin_host/options.hpp"
#include "plugin_host/plugin_error.hpp"
#include "plugin_host/registry.hpp"
#include "test_plugins.hpp"

namespace vigie::plugin_host {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::string load_error(const std::filesystem::path& path) {
  try {
    Library::load(path);
  } catch (const PluginError& e) {
    return e.what();
  }
  return "";
}

TEST(Library, RefusesAnotherAbiNamingFileAndBothVersions) {
  const auto file = testing::test_plugin("abi_mismatch");
  EXPECT_THAT(load_error(file),
              AllOf(HasSubstr(file.string()),
                    HasSubstr("built for Vigie plugin ABI 2.0"),
                    HasSubstr("this engine speaks ABI 1.0")));
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
  EXPECT_THAT(
      registry.names(VIGIE_KIND_INDICATOR),
      ::testing::ElementsAre("derived_probe", "short_entries", "throwing"));
}

TEST(Options, UnknownKeyListsTheValidOnes) {
  auto lib = Library::load(testing::test_plugin("memory"));
  try {
    resolve_options(lib->info(), {{"colums", "a"}},
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
  EXPECT_THROW(resolve_options(lib->info(), {}, "m"), PluginError);
  auto resolved = resolve_options(lib->info(), {{"columns", "a"}}, "m");
  EXPECT_EQ(resolved.at("batch_rows"), "1000");
  EXPECT_EQ(resolved.at("fail_at_batch"), "-1");
  // A list option given as a single value is refused.
  EXPECT_THROW(
      resolve_options(lib->info(), {{"columns", "a"}, {"rows", "x"}}, "m"),
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
}

}  // namespace
}  // namespace vigie::plugin_host
