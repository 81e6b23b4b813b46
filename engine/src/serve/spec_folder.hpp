// The specs a scheduler serves: every *.yaml and *.yml of a folder, read
// again when a file changes. A spec that no longer validates keeps its
// last good version (the schedule goes on as it was) and is reported, once
// a change; a spec removed stops being scheduled.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "plan/report_plan.hpp"
#include "spec/plugin_catalog.hpp"

namespace vigie::serve {

struct ServedSpec {
  std::filesystem::path file;
  plan::ReportPlan plan;  // the last version that validated
  std::string problem;    // the errors of a newer version, when it has any
};

// What a refresh found, for the scheduler's log.
struct SpecChange {
  enum class Kind { Added, Updated, Removed, Invalid } kind;
  std::filesystem::path file;
  std::string report_id;  // empty when the file never validated
  std::string detail;     // the errors, for Invalid
};

class SpecFolder {
 public:
  SpecFolder(std::filesystem::path dir, const spec::PluginCatalog& plugins);

  // Reads the files added or changed since the last refresh (by size and
  // modification time), forgets those removed.
  std::vector<SpecChange> refresh();

  // By report id: the specs that validated at least once.
  const std::map<std::string, ServedSpec>& specs() const { return specs_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  struct Seen {
    std::uintmax_t size = 0;
    std::filesystem::file_time_type modified;
    std::string report_id;
  };

  std::filesystem::path dir_;
  const spec::PluginCatalog& plugins_;
  std::map<std::filesystem::path, Seen> seen_;
  std::map<std::string, ServedSpec> specs_;
};

}  // namespace vigie::serve
