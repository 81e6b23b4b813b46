// An indicator plugin bound to its parameters, as the engine sees it.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "locale/locale.hpp"
#include "plugin_host/library.hpp"
#include "vigie/sdk/column.hpp"

struct vigie_indicator_api;  // vigie/plugin.h, complete in indicator.cpp

namespace vigie::plugin_host {

// A period of a request: [start_us, end_us), UTC microseconds.
struct RequestPeriod {
  int64_t start_us = 0;
  int64_t end_us = 0;
};

struct IndicatorResults {
  // By KPI id: one value a period of the request (nothing: no value).
  std::map<std::string, std::vector<std::optional<double>>> values;
  std::map<std::string, Table> tables;
  // By KPI: the plugin's notes, in the report's language (a message id
  // written from the locale's catalog, or the plugin's own prose).
  std::map<std::string, std::vector<std::string>> notes;
};

struct InputDataset {
  std::string name;
  std::shared_ptr<const Table> table;
};

class Indicator {
 public:
  // Binds the plugin to its parameters (already checked against its
  // options); `who` names it in messages. Throws PluginError.
  Indicator(std::shared_ptr<const Library> library,
            const std::map<std::string, std::string>& parameters,
            std::string who);
  ~Indicator();
  Indicator(const Indicator&) = delete;
  Indicator& operator=(const Indicator&) = delete;

  // Runs the computation; every result is checked (a KPI the plugin does
  // not declare, a period out of range, a table that does not match its
  // schema, a note whose message id the catalog lacks fail the run).
  // `locale` is the report's: its name and time zone reach the plugin, and
  // its notes given as message ids are written in it. Throws PluginError
  // naming the plugin.
  IndicatorResults compute(
      const std::vector<InputDataset>& datasets,
      const std::vector<RequestPeriod>& periods, uint32_t current,
      const std::vector<std::string>& kpis,
      const locale::Locale& locale = locale::Locale("en"),
      std::optional<uint32_t> previous = std::nullopt) const;

  const std::string& who() const { return who_; }

 private:
  std::shared_ptr<const Library> library_;
  const vigie_indicator_api* api_;
  void* instance_ = nullptr;
  std::string who_;
};

}  // namespace vigie::plugin_host
