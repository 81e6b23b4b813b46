#include "plugin_host/registry.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "io/install_layout.hpp"
#include "plugin_host/plugin_error.hpp"
#include "plugin_host/plugin_permissions.hpp"

namespace vigie::plugin_host {
namespace fs = std::filesystem;

std::vector<fs::path> plugin_directories(const std::vector<fs::path>& extra) {
  std::vector<fs::path> dirs = extra;
  if (const char* env = std::getenv("VIGIE_PLUGIN_PATH")) {
    std::string_view rest = env;
    while (!rest.empty()) {
      size_t colon = rest.find(':');
      std::string_view one = rest.substr(0, colon);
      if (!one.empty()) dirs.emplace_back(one);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  fs::path exe_dir = io::executable_directory();
  dirs.push_back(exe_dir / "plugins");
  dirs.push_back(exe_dir.parent_path() / "lib" / "vigie" / "plugins");
  return dirs;
}

Registry Registry::scan(const std::vector<fs::path>& dirs) {
  Registry registry;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const auto name = entry.path().filename().string();
      if (name.rfind("vigie_", 0) == 0 && entry.path().extension() == ".so")
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    // Anyone who can write the folder can put a plugin in it: none of its
    // files is loaded, and each says why.
    if (auto problem = unsafe_permissions(dir, ::geteuid())) {
      for (const auto& file : files)
        registry.refused_.emplace_back(
            file,
            fmt::format("plugin {}: not loaded: {}", file.string(), *problem));
      continue;
    }
    for (const auto& file : files) {
      try {
        registry.add(file);
      } catch (const PluginError& e) {
        registry.refused_.emplace_back(file, e.what());
      }
    }
  }
  return registry;
}

void Registry::add(const fs::path& file) {
  auto lib = Library::load(file);
  std::string name = lib->name();
  if (auto it = libraries_.find(name); it != libraries_.end()) {
    // An earlier folder wins (--plugin-path before VIGIE_PLUGIN_PATH before
    // the built-in ones): say so, a plugin shadowing another by accident
    // would otherwise go unnoticed.
    spdlog::warn(
        "two plugins are named '{}': {} is used, {} (found later) is ignored",
        name, it->second->path().string(), lib->path().string());
    return;
  }
  libraries_.emplace(name, std::move(lib));
}

std::string Registry::refusal(std::string_view name) const {
  const std::string file_name = fmt::format("vigie_{}.so", name);
  for (const auto& [file, reason] : refused_)
    if (file.filename() == file_name) return reason;
  return "";
}

const PluginDescriptor* Registry::find(std::string_view name) const {
  auto it = libraries_.find(name);
  return it == libraries_.end() ? nullptr : &it->second->descriptor();
}

std::vector<std::string> Registry::names(PluginKind kind) const {
  std::vector<std::string> out;
  for (const auto& [name, lib] : libraries_)
    if (lib->descriptor().kind == kind) out.push_back(name);
  return out;
}

std::shared_ptr<const Library> Registry::library(std::string_view name) const {
  auto it = libraries_.find(name);
  if (it == libraries_.end())
    throw PluginError("no plugin named '" + std::string(name) + "'");
  return it->second;
}

}  // namespace vigie::plugin_host
