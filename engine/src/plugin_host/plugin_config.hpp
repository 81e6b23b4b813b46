// Keeps a flattened configuration alive as the vigie_config a plugin reads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "vigie/plugin.h"

namespace vigie::plugin_host {

class PluginConfig {
 public:
  explicit PluginConfig(const std::map<std::string, std::string>& values)
      : values_(values) {
    for (const auto& [k, v] : values_) items_.push_back({k.c_str(), v.c_str()});
    config_ = {sizeof(vigie_config), static_cast<uint32_t>(items_.size()),
               items_.data()};
  }
  PluginConfig(const PluginConfig&) = delete;
  PluginConfig& operator=(const PluginConfig&) = delete;
  const vigie_config* get() const { return &config_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<vigie_kv> items_;
  vigie_config config_{};
};

}  // namespace vigie::plugin_host
