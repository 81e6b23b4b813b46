// A report once published: what a consumer of a run (e-mail delivery,
// history, a caller of `vigie run`) needs to find it and its files, without
// knowing how each file was made.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vigie::output {

struct ReportFile {
  std::filesystem::path path;  // relative to the report folder
  std::uintmax_t bytes = 0;
  int pages = 0;  // of a paged document (report.pdf); 0 for any other file
};

struct FinishedReport {
  std::filesystem::path dir;  // the published folder, absolute
  std::string run_id;         // output/run_id.hpp; also in kpis.json and the
                              // folder's .vigie-report marker
  std::vector<ReportFile> files;  // sorted by path; the marker aside

  // The file at `relative`, or nullptr when the report has none.
  const ReportFile* find(const std::filesystem::path& relative) const {
    for (const auto& f : files)
      if (f.path == relative) return &f;
    return nullptr;
  }
};

}  // namespace vigie::output
