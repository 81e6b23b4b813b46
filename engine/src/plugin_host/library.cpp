#include "plugin_host/library.hpp"

#include <fmt/format.h>

#include <dlfcn.h>
#include <unistd.h>

#include <boost/dll/shared_library.hpp>
#include <cstring>
#include <mutex>
#include <vector>

#include "plugin_host/abi_descriptor.hpp"
#include "plugin_host/elf_check.hpp"
#include "plugin_host/plugin_error.hpp"
#include "plugin_host/plugin_permissions.hpp"

namespace vigie::plugin_host {

struct Library::Handle {
  boost::dll::shared_library library;
  // The descriptor in this engine's layout: its option, output and input
  // entries copied by their own struct_size.
  vigie_plugin_info info{};
  std::vector<vigie_option> options;
  std::vector<vigie_output> outputs;
  std::vector<std::vector<vigie_column>> output_columns;  // by output
  std::vector<vigie_input> inputs;
};

namespace {

// Copies `count` entries that each start with their own size into this
// engine's layout: fields the plugin's entries lack keep `defaults`, fields
// they have beyond ours are ignored. `minimum` is the size of the first
// ABI 1.0 layout of the entry.
template <class Entry>
std::vector<Entry> copy_entries(const Entry* first, uint32_t count,
                                size_t minimum, const Entry& defaults,
                                const std::string& what,
                                const std::filesystem::path& path) {
  std::vector<Entry> out;
  if (count == 0) return out;
  if (first == nullptr)
    throw PluginError(fmt::format("plugin {}: declares {} {} but gives none",
                                  path.string(), count, what));
  const auto* bytes = reinterpret_cast<const unsigned char*>(first);
  uint32_t stride = 0;
  std::memcpy(&stride, bytes, sizeof stride);
  if (stride < minimum)
    throw PluginError(
        fmt::format("plugin {}: its {} entries are {} bytes, "
                    "fewer than ABI 1.0's {}",
                    path.string(), what, stride, minimum));
  for (uint32_t i = 0; i < count; ++i) {
    Entry e = defaults;
    std::memcpy(&e, bytes + static_cast<size_t>(i) * stride,
                std::min<size_t>(stride, sizeof(Entry)));
    e.struct_size = sizeof(Entry);
    out.push_back(e);
  }
  return out;
}

}  // namespace

Library::Library(std::filesystem::path path, std::unique_ptr<Handle> handle,
                 const vigie_plugin_info* info)
    : path_(std::move(path)), handle_(std::move(handle)) {
  Handle& h = *handle_;
  h.info = *info;
  h.options = copy_entries(info->options, info->option_count,
                           offsetof(vigie_option, range_flags), vigie_option{},
                           "option", path_);
  vigie_output output_defaults{};
  output_defaults.better = VIGIE_BETTER_HIGHER;  // not declared before 1.0's
  h.outputs = copy_entries(info->outputs, info->output_count,
                           offsetof(vigie_output, better), output_defaults,
                           "output", path_);
  // ABI 1.1: each output's columns are entries of their own size too.
  h.output_columns.resize(h.outputs.size());
  for (size_t i = 0; i < h.outputs.size(); ++i) {
    vigie_output& out = h.outputs[i];
    h.output_columns[i] =
        copy_entries(out.columns, out.column_count, sizeof(vigie_column),
                     vigie_column{}, "column", path_);
    out.columns = h.output_columns[i].data();
    if (out.reads == nullptr) out.read_count = 0;
  }
  h.inputs = copy_entries(info->inputs, info->input_count, sizeof(vigie_input),
                          vigie_input{}, "input", path_);
  h.info.struct_size = sizeof(vigie_plugin_info);
  h.info.options = h.options.data();
  h.info.outputs = h.outputs.data();
  h.info.inputs = h.inputs.data();
  descriptor_ = describe(h.info);
}

const vigie_plugin_info& Library::info() const { return handle_->info; }

namespace {

// Where the handles of released libraries go: never closed, so never
// unmapped before exit. Unloading a plugin while a thread-local destructor,
// an atexit handler or a static of the plugin is still pending crashes at
// exit (Boost.DLL "missuses"). The list itself is never destroyed, and
// stays reachable, so it is not a leak either.
void keep_loaded(std::unique_ptr<Library::Handle> handle) {
  static std::mutex mutex;
  static auto* kept = new std::vector<std::unique_ptr<Library::Handle>>;
  std::lock_guard lock(mutex);
  kept->push_back(std::move(handle));
}

}  // namespace

Library::~Library() { keep_loaded(std::move(handle_)); }

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

std::string engine_abi_text() {
  return abi_text(VIGIE_ABI_MAJOR, VIGIE_ABI_MINOR);
}

std::string abi_text(uint16_t major, uint16_t minor) {
  return fmt::format("{}.{}", major, minor);
}

namespace {

// Opens `path` with the dynamic loader; throws with dlerror()'s reason when
// it fails. Boost.DLL reports every dlopen failure as "Bad file descriptor"
// and clears dlerror(), so the file is opened here first: the loader's own
// message says what is wrong (an undefined symbol, a missing dependency, a
// bad ELF header). Boost.DLL then opens the same path, which only takes a
// second reference on the library already loaded, and this one is dropped.
void load_with_dlerror(const std::filesystem::path& path,
                       boost::dll::shared_library& library) {
  constexpr int kMode = RTLD_NOW | RTLD_LOCAL;
  ::dlerror();  // clear an earlier message
  void* own = ::dlopen(path.c_str(), kMode);
  if (own == nullptr) {
    const char* reason = ::dlerror();
    throw PluginError(fmt::format("plugin {}: cannot be loaded: {}",
                                  path.string(),
                                  reason ? reason : "dlopen failed"));
  }
  boost::dll::fs::error_code ec;
  library.load(
      path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local,
      ec);
  ::dlclose(own);
  if (ec)
    throw PluginError(fmt::format("plugin {}: cannot be loaded: {}",
                                  path.string(), ec.message()));
}

}  // namespace

std::shared_ptr<const Library> Library::load(
    const std::filesystem::path& given) {
  // A path without a folder would make dlopen search the system's library
  // folders; a plugin is always a file named by its path.
  const std::filesystem::path path =
      given.has_parent_path() ? given : std::filesystem::path(".") / given;
  if (auto problem = unsafe_permissions(path, ::geteuid()))
    throw PluginError(
        fmt::format("plugin {}: not loaded: {}", path.string(), *problem));
  // The headers are checked before dlopen maps the file: a truncated
  // library would otherwise kill the process with SIGBUS inside dlopen.
  // The file can still change between this check and dlopen; only its
  // owner (or root) can do that, since a file or folder writable by anyone
  // else is refused above, so it is the owner's own doing.
  if (auto problem = elf_problem(path))
    throw PluginError(fmt::format("plugin {}: cannot be loaded: {}",
                                  path.string(), *problem));
  auto handle = std::make_unique<Handle>();
  load_with_dlerror(path, handle->library);
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
