#include "output/report_folder.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "io/file_writer.hpp"
#include "output/folder_swap.hpp"
#include "writer_test_support.hpp"

namespace vigie::output {
namespace {

namespace fs = std::filesystem;

using testing::kRunId;

class ReportFolderTest : public testing::WriterFolderTest {
 protected:
  // A report published by a run, as the test's "previous report".
  void publish_report(const std::set<std::string>& files,
                      const std::string& text) {
    ReportFolder folder(out_);
    for (const auto& f : files) write_text(folder.file(f), text);
    folder.publish(kRunId);
  }
};

TEST_F(ReportFolderTest, NothingAppearsUntilPublished) {
  ReportFolder folder(out_);
  write_text(folder.file("report.pdf"), "new");
  write_text(folder.file("lists/alert_1m.csv"), "rows");
  EXPECT_FALSE(fs::exists(out_));
  // The staging folder is beside the report, not in it.
  EXPECT_EQ(folder.staging().parent_path(), root_);
  folder.publish(kRunId);
  EXPECT_EQ(read(out_ / "report.pdf"), "new");
  EXPECT_EQ(read(out_ / "lists/alert_1m.csv"), "rows");
}

TEST_F(ReportFolderTest, TheMarkerListsTheFilesOfTheReport) {
  publish_report({"report.pdf", "kpis.json", "lists/a.csv"}, "x");
  EXPECT_EQ(files_under(out_),
            (std::set<std::string>{".vigie-report", "kpis.json", "lists/a.csv",
                                   "report.pdf"}));
  EXPECT_EQ(read(out_ / ".vigie-report"),
            "# A Vigie report folder: `vigie run` replaces it as a whole.\n"
            "# run-id: 20261201T024936.512Z-9c1f0e4b7a2d6c83\n"
            "# The files of this report:\n"
            "kpis.json\nlists/a.csv\nreport.pdf\n");
  // Beside the report only its lock file remains: no staging folder.
  EXPECT_EQ(entries_of_root(),
            (std::set<std::string>{".out.vigie-lock", "out"}));
}

TEST_F(ReportFolderTest, PublishingReturnsTheFolderItsFilesAndTheRunId) {
  FinishedReport report;
  {
    ReportFolder folder(out_);
    write_text(folder.file("report.pdf"), "twelve bytes");
    write_text(folder.file("lists/a.csv"), "id\r\n");
    write_text(folder.staging() / "page-1.svg", "<svg/>");
    folder.adopt("page-1.svg");
    report = folder.publish(kRunId);
  }
  EXPECT_EQ(report.dir, out_);
  EXPECT_EQ(report.run_id, kRunId);
  // Sorted as the marker lists them, each with its size on the disk.
  ASSERT_EQ(report.files.size(), 3u);
  EXPECT_EQ(report.files[0].path, "lists/a.csv");
  EXPECT_EQ(report.files[0].bytes, 4u);
  EXPECT_EQ(report.files[1].path, "page-1.svg");
  EXPECT_EQ(report.files[1].bytes, fs::file_size(out_ / "page-1.svg"));
  EXPECT_EQ(report.files[2].path, "report.pdf");
  EXPECT_EQ(report.files[2].bytes, 12u);
  EXPECT_EQ(report.find("report.pdf"), &report.files[2]);
  EXPECT_EQ(report.find("kpis.json"), nullptr);
}

TEST_F(ReportFolderTest, AFileDeclaredButNotWrittenFailsThePublication) {
  write_text(out_ / "report.pdf", "old");
  {
    ReportFolder folder(out_);
    write_text(folder.file("report.pdf"), "new");
    (void)folder.file("kpis.json");  // declared, never written
    EXPECT_THROW(folder.publish(kRunId), io::IoError);
  }
  EXPECT_EQ(files_under(out_), (std::set<std::string>{"report.pdf"}));
  EXPECT_EQ(read(out_ / "report.pdf"), "old");
}

TEST_F(ReportFolderTest, ANewReportKeepsNoFileOfThePreviousOne) {
  publish_report({"report.pdf", "kpis.json", "page-1.svg", "page-2.svg",
                  "page-3.svg", "rejects.csv", "lists/gone.csv"},
                 "old");
  publish_report({"report.pdf", "kpis.json"}, "new");
  EXPECT_EQ(
      files_under(out_),
      (std::set<std::string>{".vigie-report", "kpis.json", "report.pdf"}));
  EXPECT_EQ(read(out_ / "report.pdf"), "new");
  EXPECT_EQ(entries_of_root(),
            (std::set<std::string>{".out.vigie-lock", "out"}));
}

TEST_F(ReportFolderTest, AFailedRunLeavesThePreviousReportWhole) {
  publish_report({"report.pdf", "kpis.json"}, "previous");
  const auto before = files_under(out_);
  {
    ReportFolder folder(out_);
    write_text(folder.file("report.pdf"), "half-written");
    // No publish: the run failed.
  }
  EXPECT_EQ(files_under(out_), before);
  EXPECT_EQ(read(out_ / "report.pdf"), "previous");
  EXPECT_EQ(entries_of_root(),
            (std::set<std::string>{".out.vigie-lock", "out"}));
}

TEST_F(ReportFolderTest, ASecondRunIntoTheSameFolderIsRefusedAtOnce) {
  ReportFolder first(out_);
  try {
    ReportFolder second(out_);
    FAIL() << "two runs hold one output folder";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("another vigie run (pid " +
                           std::to_string(::getpid()) + ")"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find(out_.string()), std::string::npos) << message;
  }
  // The first run goes on and publishes.
  write_text(first.file("report.pdf"), "first");
  first.publish(kRunId);
  EXPECT_EQ(read(out_ / "report.pdf"), "first");
}

TEST_F(ReportFolderTest, TheLockGoesWithTheRun) {
  { ReportFolder first(out_); }
  EXPECT_NO_THROW(ReportFolder second(out_));
}

TEST_F(ReportFolderTest, AFolderOfOtherFilesIsNeverReplaced) {
  write_text(out_ / "thesis.tex", "years of work");
  write_text(out_ / "report.pdf", "a pdf");
  try {
    ReportFolder folder(out_);
    FAIL() << "accepted a folder that is not a report";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("not a Vigie report"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(read(out_ / "thesis.tex"), "years of work");
}

TEST_F(ReportFolderTest, AFileIsNotAnOutputFolder) {
  write_text(out_, "a file");
  EXPECT_THROW(ReportFolder folder(out_), std::runtime_error);
  EXPECT_EQ(read(out_), "a file");
}

TEST_F(ReportFolderTest, AnEmptyFolderOrAnUnmarkedReportIsReplaced) {
  // A report written before the marker existed: only a report's files.
  write_text(out_ / "report.pdf", "old");
  write_text(out_ / "kpis.json", "{}");
  write_text(out_ / "page-12.svg", "<svg/>");
  write_text(out_ / "rejects.csv", "source,origin,line,reason\r\n");
  write_text(out_ / "lists/alert_1m.csv", "key\r\n");
  fs::create_directories(out_ / ".vigie-staging-123");
  publish_report({"report.pdf"}, "new");
  EXPECT_EQ(files_under(out_),
            (std::set<std::string>{".vigie-report", "report.pdf"}));

  fs::remove_all(out_);
  fs::create_directories(out_);
  publish_report({"kpis.json"}, "new");
  EXPECT_EQ(read(out_ / "kpis.json"), "new");
}

TEST_F(ReportFolderTest, StagingFoldersOfKilledRunsAreRemoved) {
  publish_report({"report.pdf"}, "previous");
  write_text(root_ / ".out.vigie-staging-999999" / "report.pdf", "killed run");
  write_text(root_ / ".out.vigie-previous-888888" / "report.pdf", "old report");
  // Not this folder's: another report's staging, and other names.
  write_text(root_ / ".outx.vigie-staging-777777" / "report.pdf", "other");
  write_text(root_ / ".out.vigie-staging-notes" / "keep.txt", "mine");
  { ReportFolder folder(out_); }
  EXPECT_EQ(
      entries_of_root(),
      (std::set<std::string>{".out.vigie-lock", ".out.vigie-staging-notes",
                             ".outx.vigie-staging-777777", "out"}));
  EXPECT_EQ(read(out_ / "report.pdf"), "previous");
}

TEST_F(ReportFolderTest, AReportLeftAsideByAnInterruptedSwapIsPutBack) {
  // A run of the two-rename fallback killed between its renames: the old
  // report is aside and DIR is missing.
  publish_report({"report.pdf", "kpis.json"}, "previous");
  fs::rename(out_, root_ / ".out.vigie-previous-424242");
  ASSERT_FALSE(fs::exists(out_));
  { ReportFolder folder(out_); }
  EXPECT_EQ(
      files_under(out_),
      (std::set<std::string>{".vigie-report", "kpis.json", "report.pdf"}));
  EXPECT_EQ(read(out_ / "report.pdf"), "previous");
  EXPECT_EQ(entries_of_root(),
            (std::set<std::string>{".out.vigie-lock", "out"}));
}

TEST_F(ReportFolderTest, TheTwoRenameFallbackSwapsAWholeFolder) {
  write_text(out_ / "report.pdf", "old");
  write_text(out_ / "page-3.svg", "old");
  write_text(root_ / "staged" / "report.pdf", "new");
  swap_in_two_steps(root_ / "staged", out_, root_ / "aside");
  EXPECT_EQ(files_under(out_), (std::set<std::string>{"report.pdf"}));
  EXPECT_EQ(read(out_ / "report.pdf"), "new");
  EXPECT_EQ(read(root_ / "aside" / "report.pdf"), "old");
}

TEST_F(ReportFolderTest, TheFallbackPutsTheOldFolderBackWhenItFails) {
  write_text(out_ / "report.pdf", "old");
  // The staged folder is missing: the second rename fails.
  EXPECT_THROW(swap_in_two_steps(root_ / "missing", out_, root_ / "aside"),
               io::IoError);
  EXPECT_EQ(read(out_ / "report.pdf"), "old");
  EXPECT_FALSE(fs::exists(root_ / "aside"));
}

TEST_F(ReportFolderTest, TheSwapExchangesWithAnExistingFolder) {
  write_text(out_ / "report.pdf", "old");
  write_text(root_ / "staged" / "report.pdf", "new");
  const fs::path old = swap_in(root_ / "staged", out_, root_ / "aside");
  EXPECT_EQ(old, root_ / "staged");
  EXPECT_EQ(read(out_ / "report.pdf"), "new");
  EXPECT_EQ(read(old / "report.pdf"), "old");
  write_text(root_ / "first" / "kpis.json", "first");
  EXPECT_EQ(swap_in(root_ / "first", root_ / "absent", root_ / "aside"),
            fs::path());
  EXPECT_EQ(read(root_ / "absent" / "kpis.json"), "first");
}

TEST_F(ReportFolderTest, RejectsOfAFailedRunGoBesideAndLeaveTheReport) {
  publish_report({"report.pdf"}, "previous");
  {
    ReportFolder folder(out_);
    write_text(folder.file("rejects.csv"), "evidence");
    folder.publish_evidence("rejects.csv");
    EXPECT_EQ(folder.evidence(), root_ / "out.rejects.csv");
  }
  EXPECT_EQ(read(root_ / "out.rejects.csv"), "evidence");
  EXPECT_EQ(files_under(out_),
            (std::set<std::string>{".vigie-report", "report.pdf"}));
  // The next report is published: the evidence of the failure goes.
  publish_report({"report.pdf"}, "new");
  EXPECT_FALSE(fs::exists(root_ / "out.rejects.csv"));
}

TEST_F(ReportFolderTest, ALinkToAReportFolderStaysALink) {
  write_text(root_ / "2026-10" / "report.pdf", "old");
  fs::create_directory_symlink(root_ / "2026-10", root_ / "current");
  {
    ReportFolder folder(root_ / "current");
    EXPECT_EQ(folder.dir(), root_ / "2026-10");
    write_text(folder.file("report.pdf"), "new");
    folder.publish(kRunId);
  }
  EXPECT_TRUE(fs::is_symlink(root_ / "current"));
  EXPECT_EQ(read(root_ / "current" / "report.pdf"), "new");
}

TEST_F(ReportFolderTest, TheRootFolderIsRefused) {
  EXPECT_THROW(ReportFolder folder("/"), std::runtime_error);
}

}  // namespace
}  // namespace vigie::output
