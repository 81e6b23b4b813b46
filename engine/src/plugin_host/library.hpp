// One loaded plugin library and its descriptor. Everything the engine makes
// from a plugin holds a shared_ptr to its Library, so the code stays mapped
// as long as any of it is in use; libraries are not unloaded before exit.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugin_host/descriptor.hpp"

// The C ABI's types are complete only inside plugin_host's sources: the
// engine above reads the descriptor() copy.
struct vigie_plugin_info;

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
  const vigie_plugin_info& info() const;
  // The same, as the engine above the plugin host reads it.
  const PluginDescriptor& descriptor() const { return descriptor_; }
  const std::filesystem::path& path() const { return path_; }
  std::string name() const { return descriptor_.name; }

  struct Handle;

 private:
  Library(std::filesystem::path path, std::unique_ptr<Handle> handle,
          const vigie_plugin_info* info);
  std::filesystem::path path_;
  // The dlopen handle and the descriptor's C entries, in this engine's
  // layout (library.cpp).
  std::unique_ptr<Handle> handle_;
  PluginDescriptor descriptor_;
};

std::string kind_name(int32_t kind);
std::string abi_text(uint16_t major, uint16_t minor);
// The ABI this engine speaks, as abi_text writes it.
std::string engine_abi_text();

}  // namespace vigie::plugin_host
