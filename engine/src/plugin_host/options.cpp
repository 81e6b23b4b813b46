#include "plugin_host/options.hpp"

#include <fmt/format.h>

#include "plugin_host/plugin_error.hpp"

namespace vigie::plugin_host {
namespace {

std::string top_key(const std::string& key) {
  return key.substr(0, key.find('.'));
}

std::string valid_keys(const PluginDescriptor& info) {
  std::string out;
  for (size_t i = 0; i < info.options.size(); ++i)
    out += (i ? ", " : "") + info.options[i].key;
  return out.empty() ? "(none)" : out;
}

bool is_container(OptionType type) {
  return type == OptionType::Map || type == OptionType::List;
}

}  // namespace

std::map<std::string, std::string> resolve_options(
    const PluginDescriptor& info,
    const std::map<std::string, std::string>& given, const std::string& who) {
  std::map<std::string, std::string> out;
  std::set<std::string> present;
  for (const auto& [key, value] : given) {
    const std::string top = top_key(key);
    const OptionDescriptor* opt = info.find_option(top);
    if (opt == nullptr)
      throw PluginError(
          fmt::format("{}: unknown config key '{}'; valid keys: {}", who, top,
                      valid_keys(info)));
    if (is_container(opt->type) == (top == key))
      throw PluginError(fmt::format(
          "{}: config key '{}' expects {}", who, top,
          is_container(opt->type) ? "a map or list" : "a single value"));
    if (has_limits(*opt) && !within_limits(*opt, value))
      throw PluginError(fmt::format("{}: config key '{}' must be {}, got '{}'",
                                    who, key, limits_text(*opt),
                                    opt->secret ? "***" : value));
    present.insert(top);
    out[key] = value;
  }
  for (const OptionDescriptor& opt : info.options) {
    if (present.contains(opt.key)) continue;
    if (opt.required)
      throw PluginError(fmt::format("{}: missing required config key '{}' ({})",
                                    who, opt.key, opt.description));
    if (opt.default_value && !is_container(opt.type))
      out[opt.key] = *opt.default_value;
  }
  return out;
}

std::set<std::string> secret_keys(
    const PluginDescriptor& info,
    const std::map<std::string, std::string>& values) {
  std::set<std::string> out;
  for (const auto& [key, value] : values) {
    const OptionDescriptor* opt = info.find_option(top_key(key));
    if (opt != nullptr && opt->secret) out.insert(key);
  }
  return out;
}

}  // namespace vigie::plugin_host
