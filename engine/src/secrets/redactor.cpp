#include "secrets/redactor.hpp"

#include <algorithm>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <vector>

#include "secrets/credentials.hpp"

namespace vigie::secrets {
namespace {

struct Secret {
  std::string value;
  std::string shown_as;
};

struct Registry {
  std::shared_mutex mutex;
  std::vector<Secret> secrets;  // longest first
};

Registry& registry() {
  // Never destroyed: a log line may still be written while statics of
  // other translation units are being destroyed at exit.
  static auto* r = new Registry;
  return *r;
}

// A stretch of the text to hide, and what to show instead.
struct Span {
  std::size_t begin;
  std::size_t end;
  const std::string* shown_as;
};

}  // namespace

void add(std::string_view value, std::string_view shown_as) {
  if (value.size() < kMinimumLength) return;
  auto& r = registry();
  std::unique_lock lock(r.mutex);
  for (const auto& s : r.secrets)
    if (s.value == value) return;
  Secret secret{std::string(value), std::string(shown_as)};
  auto at = std::find_if(
      r.secrets.begin(), r.secrets.end(),
      [&](const Secret& s) { return s.value.size() < secret.value.size(); });
  r.secrets.insert(at, std::move(secret));
}

namespace {

// `text` with every registered secret replaced, or nullopt when it holds
// none (the common case: no copy).
std::optional<std::string> replace_registered(std::string_view text) {
  static const std::string kHidden = "***";
  auto& r = registry();
  // Held to the end: the spans point at names inside the registry.
  std::shared_lock lock(r.mutex);
  // Every occurrence of every secret, found in the original text so that a
  // replacement is never searched again.
  std::vector<Span> spans;
  for (const auto& s : r.secrets)
    for (auto at = text.find(s.value); at != std::string_view::npos;
         at = text.find(s.value, at + 1))
      spans.push_back(Span{at, at + s.value.size(), &s.shown_as});
  if (spans.empty()) return std::nullopt;
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < spans.size();) {
    Span merged = spans[i++];
    // Overlapping secrets are hidden as one stretch, so that no part of
    // either shows.
    for (; i < spans.size() && spans[i].begin < merged.end; ++i)
      if (spans[i].end > merged.end) {
        merged.end = spans[i].end;
        merged.shown_as = &kHidden;
      }
    out.append(text.substr(copied, merged.begin - copied));
    out.append(*merged.shown_as);
    copied = merged.end;
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace

std::string redact(std::string_view text) {
  const auto replaced = replace_registered(text);
  return hide_credentials(replaced ? std::string_view(*replaced) : text);
}

void clear_for_tests() {
  auto& r = registry();
  std::unique_lock lock(r.mutex);
  r.secrets.clear();
}

}  // namespace vigie::secrets
