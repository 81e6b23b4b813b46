#include "serve/spec_folder.hpp"

#include <fmt/format.h>

#include <set>

#include "spec/reader.hpp"

namespace vigie::serve {

SpecFolder::SpecFolder(std::filesystem::path dir,
                       const spec::PluginCatalog& plugins)
    : dir_(std::move(dir)), plugins_(plugins) {}

std::vector<SpecChange> SpecFolder::refresh() {
  std::vector<SpecChange> changes;
  std::set<std::filesystem::path> present;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    const auto& path = entry.path();
    if (path.extension() != ".yaml" && path.extension() != ".yml") continue;
    if (!entry.is_regular_file(ec)) continue;
    present.insert(path);
    const auto size = entry.file_size(ec);
    const auto modified = entry.last_write_time(ec);
    auto seen = seen_.find(path);
    if (seen != seen_.end() && seen->second.size == size &&
        seen->second.modified == modified)
      continue;
    Seen now{size, modified, seen == seen_.end() ? "" : seen->second.report_id};
    auto result = plan::read_plan(path, plugins_, spec::process_environment());
    if (!result.plan) {
      std::string text = spec::format_diagnostics(result.errors);
      if (!now.report_id.empty()) specs_.at(now.report_id).problem = text;
      changes.push_back(
          {SpecChange::Kind::Invalid, path, now.report_id, std::move(text)});
    } else if (auto other = specs_.find(result.plan->report.id);
               other != specs_.end() && other->second.file != path) {
      // Two files, one report id: the slots and the history are by id.
      changes.push_back(
          {SpecChange::Kind::Invalid, path, now.report_id,
           fmt::format("report id '{}' is already served "
                       "from {}",
                       other->first, other->second.file.string())});
    } else {
      const std::string id = result.plan->report.id;
      // A file whose report id changed leaves its old id.
      if (!now.report_id.empty() && now.report_id != id)
        specs_.erase(now.report_id);
      const bool known = specs_.count(id) > 0;
      specs_[id] = ServedSpec{path, std::move(*result.plan), ""};
      now.report_id = id;
      changes.push_back(
          {known ? SpecChange::Kind::Updated : SpecChange::Kind::Added, path,
           id, ""});
    }
    seen_[path] = now;
  }
  for (auto it = seen_.begin(); it != seen_.end();) {
    if (present.count(it->first) > 0) {
      ++it;
      continue;
    }
    if (!it->second.report_id.empty()) {
      specs_.erase(it->second.report_id);
      changes.push_back(
          {SpecChange::Kind::Removed, it->first, it->second.report_id, ""});
    }
    it = seen_.erase(it);
  }
  return changes;
}

}  // namespace vigie::serve
