// The plugins found in the plugin directories, by name. All of them are
// loaded on the main thread, before any work starts.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "plugin_host/library.hpp"
#include "spec/plugin_catalog.hpp"

namespace vigie::plugin_host {

// Directories searched, in order: `extra` (from --plugin-path), then
// VIGIE_PLUGIN_PATH (':'-separated), then the built-in ones beside the
// binary (<exe dir>/plugins and <exe dir>/../lib/vigie/plugins).
std::vector<std::filesystem::path> plugin_directories(
    const std::vector<std::filesystem::path>& extra);

class Registry : public spec::PluginCatalog {
 public:
  // Loads every vigie_*.so of the directories. A library that cannot be
  // loaded or is refused (and every file of a folder writable by others) is
  // recorded in refused(), not fatal: the run fails only if a spec names it.
  // The first plugin of a name wins; a later one is reported on stderr.
  static Registry scan(const std::vector<std::filesystem::path>& dirs);
  // Loads one file; throws PluginError when it is refused.
  void add(const std::filesystem::path& file);

  const PluginDescriptor* find(std::string_view name) const override;
  std::vector<std::string> names(PluginKind kind) const override;
  // The reason the file vigie_<name>.so was refused, or "".
  std::string refusal(std::string_view name) const override;

  std::shared_ptr<const Library> library(std::string_view name) const;
  const std::map<std::string, std::shared_ptr<const Library>, std::less<>>&
  all() const {
    return libraries_;
  }
  // (file, reason) of each library that was refused.
  const std::vector<std::pair<std::filesystem::path, std::string>>& refused()
      const {
    return refused_;
  }

 private:
  std::map<std::string, std::shared_ptr<const Library>, std::less<>> libraries_;
  std::vector<std::pair<std::filesystem::path, std::string>> refused_;
};

}  // namespace vigie::plugin_host
