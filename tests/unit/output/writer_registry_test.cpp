// The registry that runs the output writers: which run, in which order and
// on which thread, and what a failure leaves.
#include "output/writer_registry.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

#include "io/file_writer.hpp"
#include "writer_test_support.hpp"

namespace vigie::output {
namespace {

using testing::LambdaWriter;
using testing::text_writer;
using testing::WriterFolderTest;

class WriterRegistryTest : public WriterFolderTest {
 protected:
  // Products with nothing in them; the document is counted, not drawn.
  RunProducts products(const spec::Outputs& outputs = {}) {
    return RunProducts{.run = {},
                       .outputs = outputs,
                       .plan = plan_,
                       .kpis = kpis_,
                       .rejects = rejects_,
                       .notes = notes_,
                       .document = LazyDocument([this] {
                         ++documents_built_;
                         return render::Document();
                       })};
  }
  // Runs `registry` into out_ and publishes; returns the stages announced.
  std::vector<std::string> write_and_publish(const WriterRegistry& registry,
                                             const spec::Outputs& outputs) {
    std::vector<std::string> stages;
    ReportFolder folder(out_);
    registry.write(products(outputs), folder,
                   [&](std::string_view s) { stages.emplace_back(s); });
    folder.publish(testing::kRunId);
    return stages;
  }

  compute::PeriodPlan plan_;
  std::vector<compute::KpiResult> kpis_;
  ingest::RejectLog rejects_;
  std::vector<std::string> notes_;
  std::atomic<int> documents_built_ = 0;
};

TEST_F(WriterRegistryTest, ADisabledWriterIsNotRunAndWritesNothing) {
  std::atomic<int> calls = 0;
  WriterRegistry registry;
  registry.add(text_writer("kept", "exporting", "kept.txt", "kept"));
  registry.add(std::make_unique<LambdaWriter>(
      "json only", "drawing",
      [&calls](const RunProducts&, StagedFiles& out) {
        ++calls;
        std::ofstream(out.file("json-only.txt")) << "written";
      },
      false, [](const spec::Outputs& o) { return o.json; }));
  spec::Outputs outputs;
  outputs.json = false;
  const auto stages = write_and_publish(registry, outputs);
  EXPECT_EQ(calls, 0);
  EXPECT_EQ(files_under(out_),
            (std::set<std::string>{".vigie-report", "kept.txt"}));
  // A stage with no enabled writer is not announced.
  EXPECT_EQ(stages, std::vector<std::string>{"exporting"});

  outputs.json = true;
  write_and_publish(registry, outputs);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(
      files_under(out_),
      (std::set<std::string>{".vigie-report", "json-only.txt", "kept.txt"}));
}

TEST_F(WriterRegistryTest, AFailingWriterLeavesThePreviousReportWhole) {
  {
    WriterRegistry previous;
    previous.add(text_writer("a", "exporting", "a.txt", "september"));
    write_and_publish(previous, {});
  }
  const std::string marker = read(out_ / ".vigie-report");

  WriterRegistry registry;
  registry.add(text_writer("a", "exporting", "a.txt", "october"));
  registry.add(std::make_unique<LambdaWriter>(
      "full disk", "exporting", [](const RunProducts&, StagedFiles& out) {
        throw io::IoError("write", out.file("b.txt"), ENOSPC);
      }));
  registry.add(text_writer("c", "exporting", "c.txt", "october"));
  try {
    write_and_publish(registry, {});
    FAIL() << "a writer failed and the report was published";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("b.txt: No space left on device"),
              std::string::npos)
        << e.what();
  }
  // The folder is September's, whole; the staging folder went with the run.
  EXPECT_EQ(files_under(out_),
            (std::set<std::string>{".vigie-report", "a.txt"}));
  EXPECT_EQ(read(out_ / "a.txt"), "september");
  EXPECT_EQ(read(out_ / ".vigie-report"), marker);
  EXPECT_EQ(entries_of_root(),
            (std::set<std::string>{".out.vigie-lock", "out"}));
}

TEST_F(WriterRegistryTest, TheFirstFailureInRegistryOrderIsReported) {
  WriterRegistry registry;
  // The first fails late, on a thread of its own; the second at once.
  registry.add(std::make_unique<LambdaWriter>(
      "late", "rendering",
      [](const RunProducts&, StagedFiles&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        throw std::runtime_error("first writer failed");
      },
      true));
  registry.add(std::make_unique<LambdaWriter>(
      "early", "rendering", [](const RunProducts&, StagedFiles&) {
        throw std::runtime_error("second writer failed");
      }));
  std::atomic<bool> later_stage_ran = false;
  registry.add(std::make_unique<LambdaWriter>(
      "later", "exporting",
      [&](const RunProducts&, StagedFiles&) { later_stage_ran = true; }));
  ReportFolder folder(out_);
  try {
    registry.write(products(), folder, [](std::string_view) {});
    FAIL() << "no failure reported";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "first writer failed");
  }
  EXPECT_FALSE(later_stage_ran);
}

TEST_F(WriterRegistryTest, AWriterOfItsOwnThreadRunsBesideTheOthers) {
  // The writer on the calling thread waits for the one on its own thread:
  // run one after the other, it would wait in vain.
  std::promise<void> started;
  std::shared_future<void> signal = started.get_future().share();
  WriterRegistry registry;
  registry.add(std::make_unique<LambdaWriter>(
      "waits", "rendering", [signal](const RunProducts&, StagedFiles& out) {
        ASSERT_EQ(signal.wait_for(std::chrono::seconds(20)),
                  std::future_status::ready)
            << "the own-thread writer did not run at the same time";
        std::ofstream(out.file("waits.txt")) << "done";
      }));
  registry.add(std::make_unique<LambdaWriter>(
      "signals", "rendering",
      [&started](const RunProducts&, StagedFiles& out) {
        started.set_value();
        std::ofstream(out.file("signals.txt")) << "done";
      },
      true));
  write_and_publish(registry, {});
  EXPECT_EQ(
      files_under(out_),
      (std::set<std::string>{".vigie-report", "signals.txt", "waits.txt"}));
}

TEST_F(WriterRegistryTest, EachStageIsFinishedBeforeTheNextBegins) {
  std::atomic<bool> drawing_done = false;
  std::atomic<bool> seen_by_export = false;
  WriterRegistry registry;
  registry.add(std::make_unique<LambdaWriter>(
      "slow", "rendering",
      [&](const RunProducts&, StagedFiles&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        drawing_done = true;
      },
      true));
  registry.add(std::make_unique<LambdaWriter>(
      "export", "exporting", [&](const RunProducts&, StagedFiles&) {
        seen_by_export = drawing_done.load();
      }));
  // A writer of an earlier stage listed later runs with its stage.
  registry.add(text_writer("late", "rendering", "late.txt", "x"));
  const auto stages = write_and_publish(registry, {});
  EXPECT_TRUE(seen_by_export);
  EXPECT_EQ(stages, (std::vector<std::string>{"rendering", "exporting"}));
}

TEST_F(WriterRegistryTest, TheDocumentIsBuiltOnceWhateverTheWritersAsking) {
  WriterRegistry registry;
  for (const char* name : {"one", "two", "three"})
    registry.add(std::make_unique<LambdaWriter>(
        name, "rendering",
        [](const RunProducts& run, StagedFiles&) { (void)run.document.get(); },
        true));
  write_and_publish(registry, {});
  EXPECT_EQ(documents_built_, 1);
}

TEST_F(WriterRegistryTest, FilesArePassedToTheFolderWithTheirPages) {
  WriterRegistry registry;
  registry.add(std::make_unique<LambdaWriter>(
      "paged", "rendering", [](const RunProducts&, StagedFiles& out) {
        std::ofstream(out.dir() / "doc.pdf") << "%PDF";
        out.add("doc.pdf", 3);
      }));
  registry.add(text_writer("list", "exporting", "lists/a.csv", "id\r\n"));
  ReportFolder folder(out_);
  registry.write(products(), folder, [](std::string_view) {});
  const FinishedReport report = folder.publish(testing::kRunId);
  ASSERT_EQ(report.files.size(), 2u);
  EXPECT_EQ(report.files[0].path, "doc.pdf");
  EXPECT_EQ(report.files[0].pages, 3);
  EXPECT_EQ(report.files[0].bytes, 4u);
  EXPECT_EQ(report.files[1].path, "lists/a.csv");
  EXPECT_EQ(report.files[1].pages, 0);
}

TEST_F(WriterRegistryTest, TwoWritersOfOneNameAreRefused) {
  WriterRegistry registry;
  registry.add(text_writer("pdf", "rendering", "a", "a"));
  EXPECT_THROW(registry.add(text_writer("pdf", "exporting", "b", "b")),
               std::invalid_argument);
}

}  // namespace
}  // namespace vigie::output
