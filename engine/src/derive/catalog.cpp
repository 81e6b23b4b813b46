#include "derive/catalog.hpp"

namespace vigie::derive {
namespace {

constexpr std::string_view kOrderReads[] = {"ts", "visitor_id", "customer_id",
                                            "event_type"};
constexpr std::string_view kSessionReads[] = {
    "ts", "visitor_id", "customer_id", "event_type", "device", "source"};

constexpr DerivedDataset kDerived[] = {
    {"visitor_links", "web_events", kOrderReads},
    {"sessions", "web_events", kSessionReads},
    {"session_events", "web_events", kOrderReads},
};

}  // namespace

std::span<const DerivedDataset> derived_datasets() { return kDerived; }

const DerivedDataset* find_derived(std::string_view name) {
  for (const auto& d : kDerived)
    if (d.name == name) return &d;
  return nullptr;
}

}  // namespace vigie::derive
