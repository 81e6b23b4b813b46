// One report run, end to end: read the spec, read the sources, compute the
// KPIs, render and export, then publish the files all at once.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vigie::pipeline {

struct RunOptions {
  std::filesystem::path spec;
  std::filesystem::path out = "out";
  std::optional<std::string> period;  // YYYY-MM
  std::optional<std::string> as_of;   // YYYY-MM-DD
  std::vector<std::filesystem::path> plugin_paths;
  bool quiet = false;
};

struct RunSummary {
  std::filesystem::path out;
  std::vector<std::filesystem::path> files;  // relative to out
  int pages = 0;
  int64_t rows_read = 0;
  int64_t rows_rejected = 0;
};

// Throws RunError with the exit code of the failure.
RunSummary run_report(const RunOptions& options);

}  // namespace vigie::pipeline
