#include "mustache/mustache.hpp"

#include <mutex>

namespace vigie::mustache {
namespace {

std::mutex& render_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

std::string render(const std::string& tmpl, const mstch::map& view,
                   Escape escape) {
  const std::lock_guard lock(render_mutex());
  // Empty: mstch's own HTML escaping.
  if (escape == Escape::Html)
    mstch::config::escape = nullptr;
  else
    mstch::config::escape = [](const std::string& s) { return s; };
  std::string out = mstch::render(tmpl, view);
  mstch::config::escape = nullptr;
  return out;
}

}  // namespace vigie::mustache
