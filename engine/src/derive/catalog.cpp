#include "derive/catalog.hpp"

namespace vigie::derive {
namespace {

constexpr std::string_view kOrderReads[] = {
    "web_events.ts", "web_events.visitor_id", "web_events.customer_id",
    "web_events.event_type"};
constexpr std::string_view kSessionReads[] = {
    "web_events.ts",         "web_events.visitor_id", "web_events.customer_id",
    "web_events.event_type", "web_events.device",     "web_events.source"};
// Section 8b: RFM and consumption from orders, experience from surveys and
// rated calls, the preferred channel from sessions, calls and purchases.
constexpr std::string_view kProfileReads[] = {"orders.order_id",
                                              "orders.customer_id",
                                              "orders.ordered_at",
                                              "orders.amount",
                                              "orders.category",
                                              "orders.channel",
                                              "surveys.customer_id",
                                              "surveys.ts",
                                              "surveys.csat",
                                              "calls.customer_id",
                                              "calls.started_at",
                                              "calls.direction",
                                              "calls.csat",
                                              "web_events.ts",
                                              "web_events.visitor_id",
                                              "web_events.customer_id",
                                              "web_events.event_type",
                                              "web_events.device",
                                              "web_events.source"};

constexpr DerivedDataset kDerived[] = {
    {"visitor_links", "web_events", kOrderReads},
    {"sessions", "web_events", kSessionReads},
    {"session_events", "web_events", kOrderReads},
    {"customer_profiles", "orders", kProfileReads},
};

constexpr std::string_view kProfileColumns[] = {
    "value_segment", "rfm_score", "experience_profile", "consumption_profile",
    "preferred_channel"};

}  // namespace

std::span<const DerivedDataset> derived_datasets() { return kDerived; }

std::span<const std::string_view> profile_columns() { return kProfileColumns; }

const DerivedDataset* find_derived(std::string_view name) {
  for (const auto& d : kDerived)
    if (d.name == name) return &d;
  return nullptr;
}

}  // namespace vigie::derive
