#include "plugin_host/options.hpp"

#include <fmt/format.h>

#include "plugin_host/plugin_error.hpp"
#include "vigie/sdk/option_limits.hpp"

namespace vigie::plugin_host {
namespace {

std::string top_key(const std::string& key) {
  return key.substr(0, key.find('.'));
}

const vigie_option* find_option(const vigie_plugin_info& info,
                                const std::string& key) {
  for (uint32_t i = 0; i < info.option_count; ++i)
    if (key == info.options[i].key) return &info.options[i];
  return nullptr;
}

std::string valid_keys(const vigie_plugin_info& info) {
  std::string out;
  for (uint32_t i = 0; i < info.option_count; ++i)
    out += (i ? ", " : "") + std::string(info.options[i].key);
  return out.empty() ? "(none)" : out;
}

bool is_container(int32_t type) {
  return type == VIGIE_OPTION_MAP || type == VIGIE_OPTION_LIST;
}

}  // namespace

std::map<std::string, std::string> resolve_options(
    const vigie_plugin_info& info,
    const std::map<std::string, std::string>& given, const std::string& who) {
  std::map<std::string, std::string> out;
  std::set<std::string> present;
  for (const auto& [key, value] : given) {
    const std::string top = top_key(key);
    const vigie_option* opt = find_option(info, top);
    if (opt == nullptr)
      throw PluginError(
          fmt::format("{}: unknown config key '{}'; valid keys: {}", who, top,
                      valid_keys(info)));
    if (is_container(opt->type) == (top == key))
      throw PluginError(fmt::format(
          "{}: config key '{}' expects {}", who, top,
          is_container(opt->type) ? "a map or list" : "a single value"));
    if (sdk::has_limits(*opt) && !sdk::within_limits(*opt, value))
      throw PluginError(fmt::format("{}: config key '{}' must be {}, got '{}'",
                                    who, key, sdk::limits_text(*opt),
                                    opt->secret ? "***" : value));
    present.insert(top);
    out[key] = value;
  }
  for (uint32_t i = 0; i < info.option_count; ++i) {
    const vigie_option& opt = info.options[i];
    if (present.contains(opt.key)) continue;
    if (opt.required)
      throw PluginError(fmt::format("{}: missing required config key '{}' ({})",
                                    who, opt.key,
                                    opt.description ? opt.description : ""));
    if (opt.default_value != nullptr && !is_container(opt.type))
      out[opt.key] = opt.default_value;
  }
  return out;
}

std::set<std::string> secret_keys(
    const vigie_plugin_info& info,
    const std::map<std::string, std::string>& values) {
  std::set<std::string> out;
  for (const auto& [key, value] : values) {
    const vigie_option* opt = find_option(info, top_key(key));
    if (opt != nullptr && opt->secret) out.insert(key);
  }
  return out;
}

}  // namespace vigie::plugin_host
