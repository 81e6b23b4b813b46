// Typed access to the configuration (connectors) or parameters (indicators)
// the engine hands a plugin. The engine has already checked the keys against
// the options the plugin declares and filled in the defaults.
#pragma once

#include <charconv>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigie/plugin.h"

namespace vigie::sdk {

class Config {
 public:
  Config() = default;
  explicit Config(const vigie_config* c) {
    if (c == nullptr) return;
    for (uint32_t i = 0; i < c->count; ++i)
      values_[c->items[i].key] = c->items[i].value ? c->items[i].value : "";
  }
  explicit Config(std::map<std::string, std::string> v)
      : values_(std::move(v)) {}

  bool has(std::string_view key) const {
    return values_.find(std::string(key)) != values_.end();
  }
  std::optional<std::string> get(std::string_view key) const {
    auto it = values_.find(std::string(key));
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }
  std::string string(std::string_view key, std::string fallback = {}) const {
    auto v = get(key);
    return v ? *v : fallback;
  }
  std::string required(std::string_view key) const {
    auto v = get(key);
    if (!v || v->empty())
      throw std::runtime_error("missing required option '" + std::string(key) +
                               "'");
    return *v;
  }
  int64_t integer(std::string_view key, int64_t fallback) const {
    auto v = get(key);
    if (!v || v->empty()) return fallback;
    int64_t out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || p != v->data() + v->size())
      throw std::runtime_error("option '" + std::string(key) +
                               "' must be an integer, got '" + *v + "'");
    return out;
  }
  double number(std::string_view key, double fallback) const {
    auto v = get(key);
    if (!v || v->empty()) return fallback;
    return parse_number(key, *v);
  }
  bool boolean(std::string_view key, bool fallback) const {
    auto v = get(key);
    if (!v || v->empty()) return fallback;
    if (*v == "true" || *v == "1" || *v == "yes") return true;
    if (*v == "false" || *v == "0" || *v == "no") return false;
    throw std::runtime_error("option '" + std::string(key) +
                             "' must be true or false, got '" + *v + "'");
  }
  // A map option: the entries "key.sub" as (sub, value), in key order.
  std::vector<std::pair<std::string, std::string>> map(
      std::string_view key) const {
    std::vector<std::pair<std::string, std::string>> out;
    std::string prefix = std::string(key) + ".";
    for (auto it = values_.lower_bound(prefix);
         it != values_.end() &&
         it->first.compare(0, prefix.size(), prefix) == 0;
         ++it)
      out.emplace_back(it->first.substr(prefix.size()), it->second);
    return out;
  }
  // A list option: the entries "key.0", "key.1", ... in order.
  std::vector<std::string> list(std::string_view key) const {
    std::vector<std::string> out;
    for (size_t i = 0;; ++i) {
      auto v = get(std::string(key) + "." + std::to_string(i));
      if (!v) break;
      out.push_back(*v);
    }
    return out;
  }
  const std::map<std::string, std::string>& values() const { return values_; }

  static double parse_number(std::string_view key, const std::string& text) {
    size_t used = 0;
    double out = 0;
    try {
      out = std::stod(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used == 0 || used != text.size())
      throw std::runtime_error("option '" + std::string(key) +
                               "' must be a number, got '" + text + "'");
    return out;
  }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace vigie::sdk
