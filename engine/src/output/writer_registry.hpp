// The output writers of a run, in order, and how they are run: stage by
// stage, each writer that the spec enables writing into its own
// StagedFiles, those that ask for it on a thread of their own. A new kind
// of output is a new Writer (writer.hpp) and one line in builtin_writers()
// (builtin_writers.cpp), never a branch in the pipeline.
#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "output/report_folder.hpp"
#include "output/run_products.hpp"
#include "output/writer.hpp"
#include "spec/spec.hpp"

namespace vigie::output {

class WriterRegistry {
 public:
  // Throws std::invalid_argument for a second writer of the same name.
  void add(std::unique_ptr<Writer> writer);
  const std::vector<std::unique_ptr<Writer>>& writers() const {
    return writers_;
  }

  // Runs every writer that `run.outputs` enables into the staging folder
  // of `folder`, calling `on_stage` as each stage with an enabled writer
  // begins (the run's progress stages and pause points). The files are
  // handed to `folder` in registry order once every writer has finished.
  // Failure: every writer started is waited for, then the exception of the
  // first failed writer (in registry order) is thrown; `folder` is left
  // unpublished, so DIR keeps its previous report. With `under` (a burst
  // value's folder), the files go into that sub-folder of the report.
  void write(const RunProducts& run, ReportFolder& folder,
             const std::function<void(std::string_view stage)>& on_stage,
             const std::filesystem::path& under = {}) const;

 private:
  std::vector<std::unique_ptr<Writer>> writers_;
};

// The writers of this version, in the order they run: the PDF, the SVG
// pages, kpis.json, the list CSVs, the list XLSXs, rejects.csv.
WriterRegistry builtin_writers();

}  // namespace vigie::output
