// A PluginCatalog over static descriptors, standing for loaded plugins:
// a connector with options of every type (one secret), a second connector,
// and two indicators, one with outputs of each kind.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "spec/plugin_catalog.hpp"

namespace vigie::spec::testing {

// An option as ABI 1.0 declares it (no range, no choices).
constexpr vigie_option opt(int32_t type, const char* key,
                           const char* default_value, int32_t required,
                           int32_t secret, const char* description) {
  return {sizeof(vigie_option),
          type,
          key,
          default_value,
          required,
          secret,
          description,
          0,
          0,
          0,
          0,
          nullptr};
}

constexpr vigie_output out(int32_t kind, const char* id, const char* label,
                           const char* unit,
                           const vigie_column* columns = nullptr,
                           uint32_t column_count = 0) {
  return {sizeof(vigie_output), kind,         id,      label, unit,   "",
          VIGIE_BETTER_HIGHER,  column_count, columns, 0,     nullptr};
}

constexpr const char* kMethods[] = {"fast", "exact"};
constexpr const char* kAuto[] = {"auto"};

// ABI 1.1 options with a range or choices.
constexpr vigie_option ranged(int32_t type, const char* key,
                              uint32_t range_flags, double minimum,
                              double maximum, const char* const* choices,
                              uint32_t choice_count) {
  vigie_option o = opt(type, key, nullptr, 0, 0, "");
  o.range_flags = range_flags;
  o.minimum = minimum;
  o.maximum = maximum;
  o.choices = choices;
  o.choice_count = choice_count;
  return o;
}

inline const vigie_column kSegmentColumns[] = {
    {sizeof(vigie_column), "segment", VIGIE_COLUMN_STRING, ""},
    {sizeof(vigie_column), "customers", VIGIE_COLUMN_INT64, "count"},
    {sizeof(vigie_column), "revenue", VIGIE_COLUMN_DECIMAL, "currency"},
};

inline const vigie_column kAlertColumns[] = {
    {sizeof(vigie_column), "customer_id", VIGIE_COLUMN_STRING, ""},
    {sizeof(vigie_column), "email", VIGIE_COLUMN_STRING, ""},
    {sizeof(vigie_column), "consent_marketing", VIGIE_COLUMN_BOOL, ""},
    {sizeof(vigie_column), "recency_days", VIGIE_COLUMN_DOUBLE, "days"},
};

inline const vigie_option kCrmSqlOptions[] = {
    opt(VIGIE_OPTION_STRING, "url", nullptr, 1, 0, "database URL"),
    opt(VIGIE_OPTION_STRING, "table", nullptr, 1, 0, "table to read"),
    opt(VIGIE_OPTION_STRING, "password", nullptr, 0, 1, "password"),
    opt(VIGIE_OPTION_INT, "pin", nullptr, 0, 1, "a secret number"),
    opt(VIGIE_OPTION_INT, "batch_size", "5000", 0, 0, "rows a batch"),
    opt(VIGIE_OPTION_NUMBER, "timeout_s", nullptr, 0, 0, "timeout"),
    opt(VIGIE_OPTION_BOOL, "read_only", "true", 0, 0, "read only"),
    opt(VIGIE_OPTION_MAP, "headers", nullptr, 0, 0, "extra headers"),
    opt(VIGIE_OPTION_LIST, "columns", nullptr, 0, 0, "columns read"),
};

inline const vigie_option kCsvOptions[] = {
    opt(VIGIE_OPTION_STRING, "path", nullptr, 1, 0, "file"),
};

inline const vigie_option kCustomerBaseOptions[] = {
    opt(VIGIE_OPTION_INT, "activity_window", "90", 0, 0, "days"),
    opt(VIGIE_OPTION_STRING, "currency", nullptr, 1, 0, "ISO code"),
    opt(VIGIE_OPTION_MAP, "action_costs", nullptr, 0, 0, "costs"),
    opt(VIGIE_OPTION_LIST, "segments", nullptr, 0, 0, "names"),
    opt(VIGIE_OPTION_STRING, "api_token", nullptr, 0, 1, "token"),
    ranged(VIGIE_OPTION_INT, "horizon_days",
           VIGIE_RANGE_MINIMUM | VIGIE_RANGE_MAXIMUM, 1, 3650, nullptr, 0),
    ranged(VIGIE_OPTION_STRING, "method", 0, 0, 0, kMethods, 2),
    ranged(VIGIE_OPTION_MAP, "weights", VIGIE_RANGE_MINIMUM, 0, 0, nullptr, 0),
    ranged(VIGIE_OPTION_STRING, "window", VIGIE_RANGE_MINIMUM, 1, 0, kAuto, 1),
};

inline const vigie_output kCustomerBaseOutputs[] = {
    out(VIGIE_OUTPUT_VALUE, "revenue", "Revenue", "currency"),
    out(VIGIE_OUTPUT_VALUE, "orders", "Orders", "count"),
    out(VIGIE_OUTPUT_TABLE, "value_segments", "Segments", "", kSegmentColumns,
        3),
    out(VIGIE_OUTPUT_LIST, "alert_1m", "At risk", "", kAlertColumns, 4),
};

inline const vigie_input kCustomerBaseInputs[] = {
    {sizeof(vigie_input), "orders", 1},
    {sizeof(vigie_input), "customers", 0},
};

inline const vigie_option kSelfCareOptions[] = {
    opt(VIGIE_OPTION_MAP, "action_costs", nullptr, 0, 0, "costs"),
    opt(VIGIE_OPTION_LIST, "channels", nullptr, 0, 0, "channels"),
};

inline const vigie_output kSelfCareOutputs[] = {
    out(VIGIE_OUTPUT_VALUE, "self_care_rate", "Self-care", "ratio"),
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
