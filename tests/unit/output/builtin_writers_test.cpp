// The writers of this version, run through the registry as a run does:
// each file as the functions behind it write it, byte for byte, and only
// the files the spec's outputs ask for.
#include <gtest/gtest.h>

#include <atomic>
#include <nlohmann/json.hpp>

#include "../render/sample_document.hpp"
#include "io/file_writer.hpp"
#include "output/exports.hpp"
#include "output/writer_registry.hpp"
#include "render/html_report.hpp"
#include "render/renderer.hpp"
#include "writer_test_support.hpp"

namespace vigie::output {
namespace {

namespace fs = std::filesystem;
using testing::one_month;
using testing::WriterFolderTest;

class BuiltinWritersTest : public WriterFolderTest {
 protected:
  void SetUp() override {
    WriterFolderTest::SetUp();
    compute::KpiResult revenue;
    revenue.id = "revenue";
    revenue.kind = plugin_host::OutputKind::Value;
    revenue.value = 1234.5;
    compute::KpiResult list;
    list.id = "alert_1m";
    list.kind = plugin_host::OutputKind::List;
    Table table;
    table.add("customer_key", Type::String).push_string("k1, \"quoted\"");
    list.table = std::move(table);
    kpis_ = {revenue, list};
    rejects_.count_read("shop", 10);
    rejects_.add({"shop", "orders.csv", 7, "amount: not a decimal"});
    notes_ = {"Data quality: 1 of 10 rows rejected; see rejects.csv."};
  }

  RunProducts products(const spec::Outputs& outputs = {}) {
    return RunProducts{
        .run = {"demo", "Demo", "Europe/Paris", "2026-11-01T06:00:00+01:00",
                "previous", testing::kRunId, "fr_FR"},
        .outputs = outputs,
        .plan = plan_,
        .kpis = kpis_,
        .rejects = rejects_,
        .notes = notes_,
        .document = LazyDocument([this] {
          ++documents_built_;
          return render::testing::sample_document();
        })};
  }

  FinishedReport write_report(const spec::Outputs& outputs) {
    ReportFolder folder(out_);
    builtin_writers().write(products(outputs), folder, [&](std::string_view s) {
      stages_.emplace_back(s);
    });
    return folder.publish(testing::kRunId);
  }

  compute::PeriodPlan plan_ = one_month();
  std::vector<compute::KpiResult> kpis_;
  ingest::RejectLog rejects_;
  std::vector<std::string> notes_;
  std::atomic<int> documents_built_ = 0;
  std::vector<std::string> stages_;
};

TEST_F(BuiltinWritersTest, AreTheEightWritersInTheirOrder) {
  const WriterRegistry writers = builtin_writers();
  std::vector<std::string> names;
  for (const auto& w : writers.writers()) names.emplace_back(w->name());
  EXPECT_EQ(names,
            (std::vector<std::string>{"pdf", "svg", "png", "html", "kpis.json",
                                      "lists", "lists.xlsx", "rejects"}));
}

TEST_F(BuiltinWritersTest, EveryFileIsWhatItsFunctionWritesByteForByte) {
  const FinishedReport report = write_report({});
  // What run.cpp called before the writers, into a folder of its own.
  const fs::path direct = root_ / "direct";
  fs::create_directories(direct / "lists");
  const int pages = render::render_pdf(render::testing::sample_document(),
                                       direct / "report.pdf");
  const auto svgs =
      render::render_svg_pages(render::testing::sample_document(), direct);
  io::write_file(direct / "report.html",
                 render::render_html(render::testing::sample_document()));
  write_kpis_json(direct / "kpis.json", products().run, plan_, kpis_, rejects_,
                  notes_);
  // A French report: the French CSV dialect; the workbook made at the
  // run's generation time, 2026-11-01 05:00 UTC.
  write_table_csv(direct / "lists/alert_1m.csv", *kpis_[1].table,
                  "Europe/Paris", {';', ',', true});
  using namespace std::chrono;
  const auto generated = sys_days(year(2026) / November / 1) + hours(5);
  write_table_xlsx(direct / "lists/alert_1m.xlsx", *kpis_[1].table,
                   "Europe/Paris", "alert_1m",
                   system_clock::to_time_t(generated));
  write_rejects_csv(direct / "rejects.csv", rejects_);

  std::set<std::string> expected = {".vigie-report",      "kpis.json",
                                    "lists/alert_1m.csv", "lists/alert_1m.xlsx",
                                    "rejects.csv",        "report.html",
                                    "report.pdf"};
  for (const auto& svg : svgs) expected.insert(svg.filename().string());
  EXPECT_EQ(files_under(out_), expected);
  for (const auto& file : expected) {
    if (file == ".vigie-report") continue;
    EXPECT_EQ(read(out_ / file), read(direct / file)) << file;
  }
  EXPECT_EQ(report.files.size(), expected.size() - 1);
  ASSERT_NE(report.find("report.pdf"), nullptr);
  EXPECT_EQ(report.find("report.pdf")->pages, pages);
  EXPECT_GT(pages, 1);
  EXPECT_EQ(svgs.size(), static_cast<size_t>(pages));
  // Drawn three times (PDF, SVG and HTML, at the same time), built once.
  EXPECT_EQ(documents_built_, 1);
  EXPECT_EQ(stages_, (std::vector<std::string>{"rendering", "exporting"}));
  const auto doc = nlohmann::json::parse(read(out_ / "kpis.json"));
  EXPECT_EQ(doc["report"]["run_id"], testing::kRunId);
}

TEST_F(BuiltinWritersTest, OnlyTheOutputsTheSpecAsksForAreWritten) {
  spec::Outputs outputs;
  outputs.pdf = false;
  outputs.svg = false;
  outputs.html = false;
  outputs.lists = false;
  write_report(outputs);
  // Nothing drawn: the document is not even built. rejects.csv is not a
  // choice of the spec.
  EXPECT_EQ(documents_built_, 0);
  EXPECT_EQ(
      files_under(out_),
      (std::set<std::string>{".vigie-report", "kpis.json", "rejects.csv"}));
  EXPECT_EQ(stages_, std::vector<std::string>{"exporting"});

  // The XLSX goes with the lists, and may be left out of them.
  outputs.lists = true;
  outputs.lists_xlsx = false;
  write_report(outputs);
  EXPECT_EQ(files_under(out_),
            (std::set<std::string>{".vigie-report", "kpis.json",
                                   "lists/alert_1m.csv", "rejects.csv"}));
  outputs.lists = false;
  outputs.lists_xlsx = true;
  write_report(outputs);
  EXPECT_EQ(
      files_under(out_),
      (std::set<std::string>{".vigie-report", "kpis.json", "rejects.csv"}));

  outputs.json = false;
  outputs.svg = true;
  rejects_ = {};
  stages_.clear();
  write_report(outputs);
  EXPECT_EQ(documents_built_, 1);
  for (const auto& file : files_under(out_))
    EXPECT_TRUE(file == ".vigie-report" ||
                (file.starts_with("page-") && file.ends_with(".svg")))
        << file;

  // The HTML page alone: the document built for it.
  outputs.svg = false;
  outputs.html = true;
  documents_built_ = 0;
  write_report(outputs);
  EXPECT_EQ(documents_built_, 1);
  EXPECT_EQ(files_under(out_),
            (std::set<std::string>{".vigie-report", "report.html"}));
}

}  // namespace
}  // namespace vigie::output
