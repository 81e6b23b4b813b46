#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pipeline/prefetch.hpp"
#include "plugin_host/plugin_error.hpp"

namespace vigie::pipeline {
namespace {

std::filesystem::path memory_plugin() {
  return std::filesystem::path(VIGIE_TEST_PLUGIN_DIR) / "vigie_memory.so";
}

std::map<std::string, std::string> rows(int n, int batch_rows, int fail_at) {
  std::map<std::string, std::string> config{
      {"columns", "n"},
      {"batch_rows", std::to_string(batch_rows)},
      {"fail_at_batch", std::to_string(fail_at)}};
  for (int i = 0; i < n; ++i)
    config["rows." + std::to_string(i)] = std::to_string(i);
  return config;
}

TEST(Prefetcher, DeliversEveryBatchInSourceOrder) {
  plugin_host::Connector c(plugin_host::Library::load(memory_plugin()),
                           rows(25, 3, -1), "numbers");
  auto stream = c.open();
  Prefetcher prefetcher(stream);
  int expected = 0, batches = 0;
  while (auto batch = prefetcher.next()) {
    ++batches;
    for (int64_t r = 0; r < batch->view().rows(); ++r)
      EXPECT_EQ(batch->view().column("n").string_at(r),
                std::to_string(expected++));
  }
  EXPECT_EQ(expected, 25);
  EXPECT_EQ(batches, 9);            // 8 of 3 rows and one of 1
  EXPECT_FALSE(prefetcher.next());  // stays at the end
}

TEST(Prefetcher, AFailureOnTheReaderThreadReachesTheCaller) {
  plugin_host::Connector c(plugin_host::Library::load(memory_plugin()),
                           rows(10, 2, 3), "numbers");
  auto stream = c.open();
  Prefetcher prefetcher(stream);
  int batches = 0;
  try {
    while (prefetcher.next()) ++batches;
    FAIL() << "expected the plugin's error";
  } catch (const plugin_host::PluginError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("source 'numbers'"));
    EXPECT_THAT(e.what(), ::testing::HasSubstr("failed on purpose"));
  }
  EXPECT_EQ(batches, 3);  // batches 0, 1 and 2 came before the failure
}

TEST(Prefetcher, StopsCleanlyWhenAbandoned) {
  plugin_host::Connector c(plugin_host::Library::load(memory_plugin()),
                           rows(100, 1, -1), "numbers");
  auto stream = c.open();
  {
    Prefetcher prefetcher(stream);
    EXPECT_TRUE(prefetcher.next());
  }  // destroyed with batches still to read: must not hang
}

}  // namespace
}  // namespace vigie::pipeline
