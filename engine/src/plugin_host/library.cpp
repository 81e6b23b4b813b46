#include "plugin_host/library.hpp"

#include <fmt/format.h>
#include <boost/dll/shared_library.hpp>

#include "plugin_host/plugin_error.hpp"

namespace vigie::plugin_host {

struct Library::Handle {
  boost::dll::shared_library library;
};

Library::Library(std::filesystem::path path, std::unique_ptr<Handle> handle,
                 const vigie_plugin_info* info)
    : path_(std::move(path)), handle_(std::move(handle)), info_(info) {}

// The handle is deliberately leaked: unloading a plugin while a thread-local
// destructor, an atexit handler or a static of the plugin is still pending
// crashes at exit (Boost.DLL "missuses"); the OS unmaps it at exit.
Library::~Library() { static_cast<void>(handle_.release()); }

std::string kind_name(int32_t kind) {
  switch (kind) {
    case VIGIE_KIND_CONNECTOR:
      return "connector";
    case VIGIE_KIND_INDICATOR:
      return "indicator";
    default:
      return fmt::format("unknown kind {}", kind);
  }
}

std::string abi_text(uint16_t major, uint16_t minor) {
  return fmt::format("{}.{}", major, minor);
}

std::shared_ptr<const Library> Library::load(
    const std::filesystem::path& path) {
  auto handle = std::make_unique<Handle>();
  boost::dll::fs::error_code ec;
  handle->library.load(
      path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local,
      ec);
  if (ec)
    throw PluginError(fmt::format("plugin {}: cannot be loaded: {}",
                                  path.string(), ec.message()));
  if (!handle->library.has(VIGIE_PLUGIN_INFO_SYMBOL))
    throw PluginError(
        fmt::format("plugin {}: not a Vigie plugin (no {} function)",
                    path.string(), VIGIE_PLUGIN_INFO_SYMBOL));
  auto get_info =
      handle->library.get<const vigie_plugin_info*()>(VIGIE_PLUGIN_INFO_SYMBOL);
  const vigie_plugin_info* info = get_info();
  if (info == nullptr || info->struct_size < offsetof(vigie_plugin_info, name))
    throw PluginError(
        fmt::format("plugin {}: returned no valid descriptor", path.string()));
  if (info->abi_major != VIGIE_ABI_MAJOR || info->abi_minor > VIGIE_ABI_MINOR)
    throw PluginError(fmt::format(
        "plugin {}: built for Vigie plugin ABI {}, but this engine speaks ABI "
        "{} (a plugin loads when its major is the engine's and its minor is "
        "not newer); rebuild it against this engine's SDK",
        path.string(), abi_text(info->abi_major, info->abi_minor),
        abi_text(VIGIE_ABI_MAJOR, VIGIE_ABI_MINOR)));
  if (info->struct_size < sizeof(vigie_plugin_info) || info->name == nullptr ||
      info->api == nullptr ||
      (info->kind != VIGIE_KIND_CONNECTOR &&
       info->kind != VIGIE_KIND_INDICATOR))
    throw PluginError(
        fmt::format("plugin {}: its descriptor is incomplete", path.string()));
  return std::shared_ptr<const Library>(
      new Library(path, std::move(handle), info));
}

}  // namespace vigie::plugin_host
