// The output folder of a run (--out DIR), published as a whole.
//
// Everything a run writes goes into a staging folder beside DIR,
// DIR/../.<name>.vigie-staging-<pid> (the same file system), each file
// synced; publish() then puts that folder in the place of DIR in one
// atomic step (folder_swap.hpp). A reader of DIR finds the previous report
// or the new one, whole: never a mix, never a file of an earlier run
// inside a new report, whatever kills the run and when.
//
// DIR belongs to Vigie: a report folder carries a marker file,
// `.vigie-report`, that names the run that wrote it and lists the report's
// files. An existing DIR is
// replaced only if it is empty, carries the marker, or holds nothing but
// the files a Vigie report is made of (a report of a version before the
// marker); anything else is refused, so a mistaken --out never wipes a
// user's files.
//
// While a ReportFolder lives it holds the lock of DIR (output_lock.hpp),
// which proves no other run is working on DIR: so it first puts back a
// report an interrupted fallback swap left aside, and removes the staging
// folders that killed runs left, whatever their pid.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "output/finished_report.hpp"
#include "output/output_lock.hpp"

namespace vigie::output {

inline constexpr std::string_view kReportMarker = ".vigie-report";

class ReportFolder {
 public:
  // Throws std::runtime_error (io::IoError for a system failure) when DIR
  // cannot be locked, is not a folder Vigie may replace, or its staging
  // folder cannot be created.
  explicit ReportFolder(const std::filesystem::path& out);
  ~ReportFolder();  // removes the staging folder (or the old report)
  ReportFolder(const ReportFolder&) = delete;
  ReportFolder& operator=(const ReportFolder&) = delete;

  // DIR as published: absolute; a symbolic link is followed.
  const std::filesystem::path& dir() const { return dir_; }
  // Where to write `relative` (sub-folders are created).
  std::filesystem::path file(const std::filesystem::path& relative);
  // The staging folder itself, for a writer that names its own files
  // (then declare each with adopt(); `pages` is that of a paged document).
  const std::filesystem::path& staging() const { return staging_; }
  void adopt(const std::filesystem::path& relative, int pages = 0) {
    files_.push_back({relative, 0, pages});
  }
  // The report's files so far, relative to DIR (the marker aside); their
  // sizes are measured by publish().
  const std::vector<ReportFile>& files() const { return files_; }

  // Writes the marker (naming `run_id`, output/run_id.hpp), syncs the
  // staging folder, puts it in the place of DIR, then removes the previous
  // report and the evidence of an earlier failed run (evidence()). Returns
  // the report as published.
  FinishedReport publish(const std::string& run_id);

  // The evidence of a run that stopped on its data (exit 3) goes beside
  // DIR, never in it, so that DIR keeps its previous report whole:
  // DIR/../<name>.rejects.csv. The next published report removes it.
  std::filesystem::path evidence() const;
  // Renames the staged file `relative` to evidence(), atomically replacing
  // an older one.
  void publish_evidence(const std::filesystem::path& relative);

 private:
  std::filesystem::path sibling(std::string_view suffix) const;
  void remove_leftovers_of_killed_runs();

  std::filesystem::path dir_;
  std::filesystem::path parent_;
  std::string name_;
  OutputLock lock_;
  std::filesystem::path staging_;
  std::vector<ReportFile> files_;
};

}  // namespace vigie::output
