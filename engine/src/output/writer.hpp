// An output writer: one kind of file of a report (the PDF, the SVG pages,
// kpis.json, the list CSVs, rejects.csv...), written into the staging
// folder of the report (report_folder.hpp) from what the run produced
// (run_products.hpp). Writers are listed in one place, builtin_writers.cpp,
// and run by the WriterRegistry (writer_registry.hpp); the pipeline knows
// none of them by name.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "output/finished_report.hpp"
#include "output/run_products.hpp"
#include "spec/spec.hpp"

namespace vigie::output {

// The files one writer puts into the staging folder. Each writer has its
// own, so writers running at once share nothing; the registry hands the
// files to the ReportFolder once they are written.
class StagedFiles {
 public:
  explicit StagedFiles(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // The staging folder, for a writer that names its own files (then
  // declare each with add()).
  const std::filesystem::path& dir() const { return dir_; }
  // Where to write `relative` (sub-folders are created); the file is
  // declared as part of the report.
  std::filesystem::path file(const std::filesystem::path& relative);
  // Declares a file written under dir(); `pages`: of a paged document.
  void add(const std::filesystem::path& relative, int pages = 0) {
    files_.push_back({relative, 0, pages});
  }
  const std::vector<ReportFile>& files() const { return files_; }

 private:
  std::filesystem::path dir_;
  std::vector<ReportFile> files_;
};

class Writer {
 public:
  virtual ~Writer() = default;

  // Short and stable ("pdf", "kpis.json"): for messages and the docs.
  virtual std::string_view name() const = 0;
  // Whether the spec's `outputs:` ask for this writer's files. An enabled
  // writer may still write nothing (no list, no rejected row).
  virtual bool enabled(const spec::Outputs& outputs) const = 0;
  // The progress stage it belongs to ("rendering", "exporting"): the
  // registry runs its writers stage by stage, in the order stages first
  // appear, each stage finished before the next begins.
  virtual std::string_view stage() const = 0;
  // True for a writer long enough to be worth a thread of its own while
  // the other writers of its stage run (the SVG pages beside the PDF).
  virtual bool own_thread() const { return false; }

  // Writes the files into `out`. May run on any thread, at the same time
  // as the other writers: it reads `run` only and writes only its own
  // files. Throws std::runtime_error (io::IoError for a system failure,
  // naming the file) when a file cannot be written.
  virtual void write(const RunProducts& run, StagedFiles& out) const = 0;
};

}  // namespace vigie::output
