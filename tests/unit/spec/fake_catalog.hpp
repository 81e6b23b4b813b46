// A PluginCatalog over static descriptors, standing for loaded plugins:
// a connector with options of every type (one secret), a second connector,
// and two indicators, one with outputs of each kind.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spec/plugin_catalog.hpp"

namespace vigie::spec::testing {

constexpr uint32_t kOption = sizeof(vigie_option);
constexpr uint32_t kOutput = sizeof(vigie_output);

inline const vigie_option kCrmSqlOptions[] = {
    {kOption, VIGIE_OPTION_STRING, "url", nullptr, 1, 0, "database URL"},
    {kOption, VIGIE_OPTION_STRING, "table", nullptr, 1, 0, "table to read"},
    {kOption, VIGIE_OPTION_STRING, "password", nullptr, 0, 1, "password"},
    {kOption, VIGIE_OPTION_INT, "pin", nullptr, 0, 1, "a secret number"},
    {kOption, VIGIE_OPTION_INT, "batch_size", "5000", 0, 0, "rows a batch"},
    {kOption, VIGIE_OPTION_NUMBER, "timeout_s", nullptr, 0, 0, "timeout"},
    {kOption, VIGIE_OPTION_BOOL, "read_only", "true", 0, 0, "read only"},
    {kOption, VIGIE_OPTION_MAP, "headers", nullptr, 0, 0, "extra headers"},
    {kOption, VIGIE_OPTION_LIST, "columns", nullptr, 0, 0, "columns read"},
};

inline const vigie_option kCsvOptions[] = {
    {kOption, VIGIE_OPTION_STRING, "path", nullptr, 1, 0, "file"},
};

inline const vigie_option kCustomerBaseOptions[] = {
    {kOption, VIGIE_OPTION_INT, "activity_window", "90", 0, 0, "days"},
    {kOption, VIGIE_OPTION_STRING, "currency", nullptr, 1, 0, "ISO code"},
    {kOption, VIGIE_OPTION_MAP, "action_costs", nullptr, 0, 0, "costs"},
    {kOption, VIGIE_OPTION_LIST, "segments", nullptr, 0, 0, "names"},
    {kOption, VIGIE_OPTION_STRING, "api_token", nullptr, 0, 1, "token"},
};

inline const vigie_output kCustomerBaseOutputs[] = {
    {kOutput, VIGIE_OUTPUT_VALUE, "revenue", "Revenue", "currency", "",
     VIGIE_BETTER_HIGHER},
    {kOutput, VIGIE_OUTPUT_VALUE, "orders", "Orders", "count", "",
     VIGIE_BETTER_HIGHER},
    {kOutput, VIGIE_OUTPUT_TABLE, "value_segments", "Segments", "", "",
     VIGIE_BETTER_HIGHER},
    {kOutput, VIGIE_OUTPUT_LIST, "alert_1m", "At risk", "", "",
     VIGIE_BETTER_HIGHER},
};

inline const vigie_input kCustomerBaseInputs[] = {
    {sizeof(vigie_input), "orders", 1},
    {sizeof(vigie_input), "customers", 0},
};

inline const vigie_option kSelfCareOptions[] = {
    {kOption, VIGIE_OPTION_MAP, "action_costs", nullptr, 0, 0, "costs"},
    {kOption, VIGIE_OPTION_LIST, "channels", nullptr, 0, 0, "channels"},
};

inline const vigie_output kSelfCareOutputs[] = {
    {kOutput, VIGIE_OUTPUT_VALUE, "self_care_rate", "Self-care", "ratio", "",
     VIGIE_BETTER_HIGHER},
};

inline const vigie_plugin_info kCrmSql = {sizeof(vigie_plugin_info),
                                          VIGIE_ABI_MAJOR,
                                          VIGIE_ABI_MINOR,
                                          VIGIE_KIND_CONNECTOR,
                                          "crm_sql",
                                          "1.0",
                                          "SQL databases",
                                          std::size(kCrmSqlOptions),
                                          kCrmSqlOptions,
                                          0,
                                          nullptr,
                                          0,
                                          nullptr,
                                          nullptr};

inline const vigie_plugin_info kAnalyticsCsv = {sizeof(vigie_plugin_info),
                                                VIGIE_ABI_MAJOR,
                                                VIGIE_ABI_MINOR,
                                                VIGIE_KIND_CONNECTOR,
                                                "analytics_csv",
                                                "1.0",
                                                "CSV files",
                                                std::size(kCsvOptions),
                                                kCsvOptions,
                                                0,
                                                nullptr,
                                                0,
                                                nullptr,
                                                nullptr};

inline const vigie_plugin_info kCustomerBase = {
    sizeof(vigie_plugin_info), VIGIE_ABI_MAJOR,
    VIGIE_ABI_MINOR,           VIGIE_KIND_INDICATOR,
    "customer_base",           "1.0",
    "customer base",           std::size(kCustomerBaseOptions),
    kCustomerBaseOptions,      std::size(kCustomerBaseOutputs),
    kCustomerBaseOutputs,      std::size(kCustomerBaseInputs),
    kCustomerBaseInputs,       nullptr};

inline const vigie_plugin_info kSelfCare = {sizeof(vigie_plugin_info),
                                            VIGIE_ABI_MAJOR,
                                            VIGIE_ABI_MINOR,
                                            VIGIE_KIND_INDICATOR,
                                            "self_care",
                                            "1.0",
                                            "self-care",
                                            std::size(kSelfCareOptions),
                                            kSelfCareOptions,
                                            std::size(kSelfCareOutputs),
                                            kSelfCareOutputs,
                                            0,
                                            nullptr,
                                            nullptr};

class FakeCatalog : public PluginCatalog {
 public:
  const vigie_plugin_info* find(std::string_view name) const override {
    for (const auto* p : kAll)
      if (name == p->name) return p;
    return nullptr;
  }
  std::vector<std::string> names(vigie_plugin_kind kind) const override {
    std::vector<std::string> out;
    for (const auto* p : kAll)
      if (p->kind == kind) out.emplace_back(p->name);
    return out;
  }
  // One plugin file was found but refused, as a truncated copy would be.
  std::string refusal(std::string_view name) const override {
    return name == "broken" ? std::string(kBrokenRefusal) : "";
  }
  static constexpr const char* kBrokenRefusal =
      "plugin /p/vigie_broken.so: cannot be loaded: truncated: segment 2 "
      "(PT_LOAD) ends at byte 9000 but the file has 4000 bytes";

 private:
  static constexpr const vigie_plugin_info* kAll[] = {
      &kCrmSql, &kAnalyticsCsv, &kCustomerBase, &kSelfCare};
};

}  // namespace vigie::spec::testing
