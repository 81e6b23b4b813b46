// One report run, end to end: read the spec, read the sources, compute the
// KPIs, render and export, then publish the files all at once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "output/finished_report.hpp"
#include "plan/report_plan.hpp"
#include "plugin_host/registry.hpp"

namespace vigie::pipeline {

struct RunOptions {
  std::filesystem::path spec;
  std::filesystem::path out = "out";
  std::optional<std::string> period;  // YYYY-MM
  std::optional<std::string> as_of;   // YYYY-MM-DD
  std::vector<std::filesystem::path> plugin_paths;
  bool quiet = false;
  // A spec with `burst:` writes one report a value into sub-folders (what
  // a scheduled run delivers); without this, the one whole report.
  bool burst = false;
  // Empty: a new one (output/run_id.hpp). A caller that records the run
  // before it starts (a scheduler) may give its own.
  std::string run_id;
  // The time the report says it was generated (cover, PDF dates, XLSX
  // properties), ISO 8601; without an offset, in the report's time zone.
  // Empty: the wall clock. Fixed, the same data and spec give the same
  // bytes (docs/templates.md, "Determinism").
  std::string generated_at;
};

struct RunSummary {
  // The published folder, its files and the run id: what a consumer of
  // the run (delivery, history) starts from.
  // A burst's reports are in one sub-folder a value
  // (output/burst_folder.hpp), published together.
  output::FinishedReport report;
  int64_t rows_read = 0;
  int64_t rows_rejected = 0;
};

// Throws RunError with the exit code of the failure.
RunSummary run_report(const RunOptions& options);

// The spec read and resolved against the plugins: every spec error, and
// every option a plugin would refuse, before any data is read; else
// RunError(kUsageError) with all of them, one a line.
plan::ReportPlan read_checked_plan(const std::filesystem::path& file,
                                   const plugin_host::Registry& plugins);

}  // namespace vigie::pipeline
