// Descriptors for the plan tests: a CSV-like connector with one ranged
// option, and an indicator over orders, web_events and the derived
// sessions whose KPIs declare their reads (one declares none, one is a
// list).
#pragma once

#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "spec/plugin_catalog.hpp"
#include "vigie/sdk/plugin.hpp"

namespace vigie::plan::testing {

inline const vigie_option kFileOptions[] = {
    sdk::option(VIGIE_OPTION_STRING, "path", nullptr, true, "file"),
};

constexpr const char* kRevenueReads[] = {"orders.ordered_at", "orders.amount"};
constexpr const char* kVisitReads[] = {"sessions.*", "web_events.page"};
constexpr const char* kAtRiskReads[] = {"orders.customer_id",
                                        "orders.ordered_at"};
constexpr const char* kBadReads[] = {"orders.amunt"};

inline vigie_output reading(vigie_output o, const char* const* reads,
                            uint32_t count) {
  o.reads = reads;
  o.read_count = count;
  return o;
}

inline const vigie_output kShopOutputs[] = {
    reading(
        sdk::output(VIGIE_OUTPUT_VALUE, "revenue", "Revenue", "currency", ""),
        kRevenueReads, 2),
    reading(sdk::output(VIGIE_OUTPUT_VALUE, "visits", "Visits", "count", ""),
            kVisitReads, 2),
    // Declares nothing: reads every column of every dataset it takes.
    sdk::output(VIGIE_OUTPUT_VALUE, "anything", "Anything", "count", ""),
    reading(sdk::output(VIGIE_OUTPUT_LIST, "at_risk", "At risk", "", ""),
            kAtRiskReads, 2),
    reading(sdk::output(VIGIE_OUTPUT_VALUE, "misread", "Misread", "count", ""),
            kBadReads, 1),
};

inline const vigie_option kShopOptions[] = {
    sdk::option(VIGIE_OPTION_INT, "window", "90", false, "days"),
};

inline const vigie_input kShopInputs[] = {
    sdk::input("orders", true),
    sdk::input("web_events", false),
    sdk::input("sessions", false),
};

inline const vigie_plugin_info kFile = {sizeof(vigie_plugin_info),
                                        VIGIE_ABI_MAJOR,
                                        VIGIE_ABI_MINOR,
                                        VIGIE_KIND_CONNECTOR,
                                        "file",
                                        "1.0",
                                        "files",
                                        1,
                                        kFileOptions,
                                        0,
                                        nullptr,
                                        0,
                                        nullptr,
                                        nullptr};

inline const vigie_plugin_info kShop = {sizeof(vigie_plugin_info),
                                        VIGIE_ABI_MAJOR,
                                        VIGIE_ABI_MINOR,
                                        VIGIE_KIND_INDICATOR,
                                        "shop",
                                        "1.0",
                                        "shop",
                                        std::size(kShopOptions),
                                        kShopOptions,
                                        std::size(kShopOutputs),
                                        kShopOutputs,
                                        std::size(kShopInputs),
                                        kShopInputs,
                                        nullptr};

class PlanCatalog : public spec::PluginCatalog {
 public:
  const vigie_plugin_info* find(std::string_view name) const override {
    if (name == "file") return &kFile;
    if (name == "shop") return &kShop;
    return nullptr;
  }
  std::vector<std::string> names(vigie_plugin_kind kind) const override {
    return {kind == VIGIE_KIND_CONNECTOR ? "file" : "shop"};
  }
};

}  // namespace vigie::plan::testing
