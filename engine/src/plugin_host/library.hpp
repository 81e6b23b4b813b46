// One loaded plugin library and its descriptor. Everything the engine makes
// from a plugin holds a shared_ptr to its Library, so the code stays mapped
// as long as any of it is in use; libraries are not unloaded before exit.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugin_host/descriptor.hpp"
#include "vigie/plugin.h"

namespace vigie::plugin_host {

class Library {
 public:
  // Loads `path` (RTLD_NOW | RTLD_LOCAL), reads its descriptor and checks
  // its ABI; throws PluginError naming the file otherwise.
  static std::shared_ptr<const Library> load(const std::filesystem::path& path);

  ~Library();
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;

  // The plugin's descriptor in this engine's layout: its option, output and
  // input entries copied by their own struct_size, so that a plugin built
  // with smaller (older) or larger (newer minor) entries reads right.
  const vigie_plugin_info& info() const { return info_; }
  // The same, as the engine above the plugin host reads it.
  const PluginDescriptor& descriptor() const { return descriptor_; }
  const std::filesystem::path& path() const { return path_; }
  std::string name() const { return info_.name; }

  struct Handle;

 private:
  Library(std::filesystem::path path, std::unique_ptr<Handle> handle,
          const vigie_plugin_info* info);
  std::filesystem::path path_;
  std::unique_ptr<Handle> handle_;
  vigie_plugin_info info_;
  std::vector<vigie_option> options_;
  std::vector<vigie_output> outputs_;
  std::vector<std::vector<vigie_column>> output_columns_;  // by output
  std::vector<vigie_input> inputs_;
  PluginDescriptor descriptor_;
};

std::string kind_name(int32_t kind);
std::string abi_text(uint16_t major, uint16_t minor);

}  // namespace vigie::plugin_host
