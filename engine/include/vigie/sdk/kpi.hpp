// KPIs declared once. One constexpr entry a KPI gives its descriptor entry
// (id, English label, unit, better direction, kind, a table's columns, the
// dataset columns it reads) and the function that computes it; the SDK
// makes the descriptor's outputs from the table and calls only the
// functions of the KPIs a request asks for.
//
// The functions take the indicator's Run: one object a compute, built from
// the parameters, the request and the sink, that holds the passes KPIs
// share as Lazy members, each computed at most once, on first use:
//
//   struct Run : vigie::sdk::Compute<Parameters> {
//     using Compute::Compute;
//     vigie::sdk::Lazy<EventCounts> counts;  // one pass over web_events
//     const EventCounts& event_counts() {
//       return counts.get([&] { return EventCounts(request, parameters); });
//     }
//   };
//   std::optional<double> visits(Run& run, uint32_t period) {
//     return run.event_counts().visits[period];
//   }
//   // or, when one pass gives the values of every period at once:
//   vigie::sdk::Series visits(Run& run);
//   constexpr const char* kReads[] = {"web_events.ts", "sessions.*"};
//   constexpr vigie::sdk::Kpi<Run> kKpis[] = {
//       vigie::sdk::value_kpi<Run>("visits", "Visits", "count",
//                                  "sessions started in P", &visits)
//           .reading(kReads)};
//   VIGIE_KPI_INDICATOR_PLUGIN(Run, "web", "1.0.0", "Web", kOptions, kKpis,
//                              kInputs)
//
// Labels are English; the report's locale module finds a translation by
// the KPI id (and falls back to this label).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigie/plugin.h"
#include "vigie/sdk/column.hpp"
#include "vigie/sdk/declared_columns.hpp"
#include "vigie/sdk/options.hpp"
#include "vigie/sdk/plugin.hpp"

namespace vigie::sdk {

// What every KPI function of an indicator sees during one compute.
template <class P>
struct Compute {
  using Parameters = P;
  Compute(const P& p, const Request& r, const Sink& s)
      : parameters(p), request(r), sink(s) {}
  const P& parameters;
  const Request& request;
  const Sink& sink;  // for notes
  // The id of the KPI whose function runs (set before each call): for
  // messages and notes about it.
  const char* kpi = "";
  // Whether the request asks for KPI `id` (an empty request asks for all).
  bool wants(std::string_view id) const {
    return request.kpis.empty() || request.wants(id);
  }
};

// A pass over the data that several KPIs share: made on the first get(),
// never again in the same compute, never when no asked KPI uses it.
template <class T>
class Lazy {
 public:
  template <class Make>
  T& get(Make&& make) {
    // Built in place from make()'s result (no copy or move of T).
    struct Built {
      Make& make;
      operator T() { return make(); }
    };
    if (!value_) value_.emplace(Built{make});
    return *value_;
  }
  bool ready() const { return value_.has_value(); }

 private:
  std::optional<T> value_;
};

// A value KPI's values, one a period of the request (none: no value).
using Series = std::vector<std::optional<double>>;

template <class Run>
struct Kpi {
  vigie_output_kind kind = VIGIE_OUTPUT_VALUE;
  const char* id = nullptr;
  const char* label = nullptr;
  const char* unit = "";
  const char* description = "";
  vigie_better better = VIGIE_BETTER_HIGHER;
  std::span<const vigie_column> columns;  // tables and lists
  std::span<const char* const> reads;     // "dataset.column", "dataset.*"
  // A value KPI: its value for the request's period `period` (none: no
  // value), or its values of every period at once. A table or list KPI:
  // its table for P, with `columns` exactly.
  std::optional<double> (*value)(Run&, uint32_t period) = nullptr;
  Series (*series)(Run&) = nullptr;
  Table (*table)(Run&) = nullptr;

  constexpr Kpi lower_is_better() const {
    Kpi k = *this;
    k.better = VIGIE_BETTER_LOWER;
    return k;
  }
  constexpr Kpi neither_is_better() const {
    Kpi k = *this;
    k.better = VIGIE_BETTER_NEITHER;
    return k;
  }
  // `reads` must outlive the plugin (a namespace-scope array).
  constexpr Kpi reading(std::span<const char* const> columns_read) const {
    Kpi k = *this;
    k.reads = columns_read;
    return k;
  }
};

template <class Run>
constexpr Kpi<Run> value_kpi(const char* id, const char* label,
                             const char* unit, const char* description,
                             std::optional<double> (*value)(Run&, uint32_t)) {
  Kpi<Run> k;
  k.kind = VIGIE_OUTPUT_VALUE;
  k.id = id;
  k.label = label;
  k.unit = unit;
  k.description = description;
  k.value = value;
  return k;
}
template <class Run>
constexpr Kpi<Run> value_kpi(const char* id, const char* label,
                             const char* unit, const char* description,
                             Series (*series)(Run&)) {
  Kpi<Run> k = value_kpi<Run>(
      id, label, unit, description,
      static_cast<std::optional<double> (*)(Run&, uint32_t)>(nullptr));
  k.series = series;
  return k;
}

// A table (VIGIE_OUTPUT_TABLE) or an operational list of customers
// (VIGIE_OUTPUT_LIST) for P; `columns` must outlive the plugin.
template <class Run>
constexpr Kpi<Run> table_kpi(vigie_output_kind kind, const char* id,
                             const char* label, const char* unit,
                             const char* description,
                             std::span<const vigie_column> columns,
                             Table (*table)(Run&)) {
  Kpi<Run> k;
  k.kind = kind;
  k.id = id;
  k.label = label;
  k.unit = unit;
  k.description = description;
  k.columns = columns;
  k.table = table;
  return k;
}

// The descriptor's outputs of a table of KPIs.
template <class Run, std::size_t N>
constexpr std::array<vigie_output, N> output_entries(
    const Kpi<Run> (&kpis)[N]) {
  std::array<vigie_output, N> out{};
  for (std::size_t i = 0; i < N; ++i) {
    const Kpi<Run>& k = kpis[i];
    out[i] = output(k.kind, k.id, k.label, k.unit, k.description, k.better);
    out[i].column_count = static_cast<uint32_t>(k.columns.size());
    out[i].columns = k.columns.empty() ? nullptr : k.columns.data();
    out[i].read_count = static_cast<uint32_t>(k.reads.size());
    out[i].reads = k.reads.empty() ? nullptr : k.reads.data();
  }
  return out;
}

// The Indicator made of a Run, its options and its KPIs: binds the
// parameters once, and for each compute calls the functions of the asked
// KPIs only, in the order of the table, handing their results to the sink.
template <class Run, const auto& Options, const auto& Kpis>
class KpiIndicator : public Indicator {
 public:
  using Parameters = typename Run::Parameters;
  explicit KpiIndicator(const Config& config)
      : parameters_(bind_options(Options, config)) {}

  void compute(const Request& request, const Sink& sink) override {
    if (request.periods.empty()) return;
    if (request.current >= request.periods.size())
      throw std::runtime_error("the report period is not among the periods");
    Run run(parameters_, request, sink);
    for (const auto& kpi : Kpis) {
      if (!run.wants(kpi.id)) continue;
      run.kpi = kpi.id;
      if (kpi.value != nullptr) {
        for (uint32_t p = 0; p < request.periods.size(); ++p)
          sink.value(kpi.id, p, kpi.value(run, p));
      } else if (kpi.series != nullptr) {
        const Series values = kpi.series(run);
        if (values.size() != request.periods.size())
          throw std::logic_error(
              std::string(kpi.id) + " gave " + std::to_string(values.size()) +
              " values for " + std::to_string(request.periods.size()) +
              " periods");
        for (uint32_t p = 0; p < values.size(); ++p)
          sink.value(kpi.id, p, values[p]);
      } else {
        sink.table(kpi.id, kpi.table(run));
      }
    }
  }

 private:
  Parameters parameters_;
};

}  // namespace vigie::sdk

// Defines the plugin's info function for an indicator written as a Run,
// a table of vigie::sdk::Option and a table of vigie::sdk::Kpi.
#define VIGIE_KPI_INDICATOR_PLUGIN(Run, name, version, summary, options, kpis, \
                                   inputs)                                     \
  VIGIE_SDK_EXPORT const vigie_plugin_info* vigie_get_plugin_info(void) {      \
    using Indicator_ = ::vigie::sdk::KpiIndicator<Run, options, kpis>;         \
    static constexpr auto option_entries_ =                                    \
        ::vigie::sdk::option_entries(options);                                 \
    static constexpr auto output_entries_ =                                    \
        ::vigie::sdk::output_entries(kpis);                                    \
    static constexpr vigie_plugin_info info = ::vigie::sdk::plugin_info(       \
        VIGIE_KIND_INDICATOR, name, version, summary,                          \
        ::vigie::sdk::entries<vigie_option>(option_entries_),                  \
        ::vigie::sdk::entries<vigie_output>(output_entries_),                  \
        ::vigie::sdk::entries<vigie_input>(inputs),                            \
        &::vigie::sdk::detail::IndicatorAdapter<Indicator_>::api);             \
    return &info;                                                              \
  }
