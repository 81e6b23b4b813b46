#include "derive/catalog.hpp"

namespace vigie::derive {
namespace {

constexpr DerivedDataset kDerived[] = {
    {"visitor_links", "web_events"},
    {"sessions", "web_events"},
    {"session_events", "web_events"},
};

}  // namespace

std::span<const DerivedDataset> derived_datasets() { return kDerived; }

const DerivedDataset* find_derived(std::string_view name) {
  for (const auto& d : kDerived)
    if (d.name == name) return &d;
  return nullptr;
}

}  // namespace vigie::derive
