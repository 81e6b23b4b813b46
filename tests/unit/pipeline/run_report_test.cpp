// run_report end to end on a small report (one CSV source, the built-in
// csv and customer_base plugins), seen as a consumer of the run sees it:
// the FinishedReport it returns names the published folder, its files as
// they are on the disk, and the run id that kpis.json and the marker carry.
#include "pipeline/run.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>

#include "output/run_id.hpp"
#include "pipeline/errors.hpp"

namespace vigie::pipeline {
namespace {

namespace fs = std::filesystem;

const std::string kRunId = "20261201T024936.512Z-9c1f0e4b7a2d6c83";

class RunReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("vigie-run-report-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    // Four months of order lines, one of them not a number (a reject).
    std::ofstream orders(root_ / "orders.csv");
    orders << "order_id,customer_id,ordered_at,amount\n";
    for (int month = 7, i = 0; month <= 10; ++month)
      for (int day = 1; day <= 28; ++day, ++i)
        orders << "O" << i << ",K" << i % 13 << ",2026-"
               << (month < 10 ? "0" : "") << month << "-"
               << (day < 10 ? "0" : "") << day << "T10:00:00,"
               << (i == 5 ? "12,50 EUR" : std::to_string(10 + i % 7) + ".25")
               << "\n";
    std::ofstream(root_ / "spec.yaml")
        << "report:\n"
           "  id: finished\n"
           "  title: \"Rapport\"\n"
           "  time_zone: Europe/Paris\n"
           "  reject_threshold: 0.05\n"
           "  series: 3\n"
           "sources:\n"
           "  - id: shop\n"
           "    connector: csv\n"
           "    dataset: orders\n"
           "    config: {path: \""
        << (root_ / "orders.csv").string()
        << "\"}\n"
           "kpis:\n"
           "  - {id: revenue, indicator: customer_base}\n"
           "  - {id: orders, indicator: customer_base}\n"
           "sections:\n"
           "  - title: \"Ventes\"\n"
           "    blocks:\n"
           "      - tiles: [revenue, orders]\n"
           "      - line_chart: revenue\n"
           "outputs: {pdf: true, svg: true, json: true, lists: false}\n";
    options_.spec = root_ / "spec.yaml";
    options_.out = root_ / "out";
    options_.period = "2026-10";
    // The built-in plugins: bin/plugins, beside this test's executable.
    options_.quiet = true;
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  fs::path root_;
  RunOptions options_;
};

TEST_F(RunReportTest, TheFinishedReportIsTheFolderAsPublished) {
  options_.run_id = kRunId;
  const RunSummary summary = run_report(options_);
  const output::FinishedReport& report = summary.report;
  EXPECT_EQ(report.dir, options_.out);
  EXPECT_EQ(report.run_id, kRunId);
  EXPECT_EQ(summary.rows_rejected, 1);

  // Every file of the folder but the marker, with its size on the disk.
  std::set<std::string> on_disk;
  for (const auto& e : fs::recursive_directory_iterator(report.dir))
    if (e.is_regular_file() && e.path().filename() != ".vigie-report")
      on_disk.insert(fs::relative(e.path(), report.dir).generic_string());
  std::set<std::string> listed;
  int svg_pages = 0;
  for (const auto& f : report.files) {
    listed.insert(f.path.generic_string());
    EXPECT_EQ(f.bytes, fs::file_size(report.dir / f.path)) << f.path;
    if (f.path.extension() == ".svg") ++svg_pages;
  }
  EXPECT_EQ(listed, on_disk);
  EXPECT_TRUE(listed.contains("kpis.json"));
  EXPECT_TRUE(listed.contains("rejects.csv"));
  ASSERT_NE(report.find("report.pdf"), nullptr);
  EXPECT_EQ(report.find("report.pdf")->pages, svg_pages);
  EXPECT_GT(svg_pages, 0);

  // The same id in the folder's files.
  EXPECT_EQ(
      nlohmann::json::parse(read(report.dir / "kpis.json"))["report"]["run_id"],
      kRunId);
  EXPECT_NE(read(report.dir / ".vigie-report").find("# run-id: " + kRunId),
            std::string::npos);
}

TEST_F(RunReportTest, EachRunHasANewIdUnlessTheCallerGivesOne) {
  const std::string first = run_report(options_).report.run_id;
  const std::string second = run_report(options_).report.run_id;
  EXPECT_TRUE(output::is_run_id(first)) << first;
  EXPECT_LT(first, second);
}

TEST_F(RunReportTest, AMalformedRunIdIsRefusedBeforeAnyWork) {
  options_.run_id = "2026-12-01 run 1";
  try {
    run_report(options_);
    FAIL() << "a malformed run id was accepted";
  } catch (const RunError& e) {
    EXPECT_EQ(e.code(), kUsageError);
    EXPECT_NE(std::string(e.what()).find("is not a run id"), std::string::npos)
        << e.what();
  }
  // Not even the lock file was made.
  EXPECT_FALSE(fs::exists(root_ / ".out.vigie-lock"));
  EXPECT_FALSE(fs::exists(options_.out));
}

}  // namespace
}  // namespace vigie::pipeline
