#include <gtest/gtest.h>

#include <fstream>

#include "output/staging.hpp"

namespace vigie::output {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("vigie-staging-test-" + name);
  fs::remove_all(d);
  return d;
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p) << text;
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(Staging, NothingAppearsUntilCommit) {
  auto out = fresh_dir("commit");
  {
    Staging s(out);
    write(s.file("report.pdf"), "new");
    write(s.file("lists/alert_1m.csv"), "rows");
    EXPECT_FALSE(fs::exists(out / "report.pdf"));
    s.commit();
  }
  EXPECT_EQ(read(out / "report.pdf"), "new");
  EXPECT_EQ(read(out / "lists/alert_1m.csv"), "rows");
  // Only the published files remain: the staging folder is gone.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++entries;
  EXPECT_EQ(entries, 2u);
}

TEST(Staging, AFailedRunLeavesThePreviousReport) {
  auto out = fresh_dir("fail");
  fs::create_directories(out);
  write(out / "report.pdf", "previous");
  {
    Staging s(out);
    write(s.file("report.pdf"), "half-written");
    // No commit: the run failed.
  }
  EXPECT_EQ(read(out / "report.pdf"), "previous");
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(out)) ++entries;
  EXPECT_EQ(entries, 1u);
}

}  // namespace
}  // namespace vigie::output
