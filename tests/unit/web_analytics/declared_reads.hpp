// A KPI run on only the columns it declares it reads (vigie_output.reads):
// every other column of its inputs is replaced by nulls, so that a test
// can check that the declaration misses nothing the KPI uses (same
// results as on the whole tables) and holds nothing it does not use.
#pragma once

#include <string>
#include <vector>

#include "support/run_indicator.hpp"

namespace vigie::testing {

// The reads the plugin's descriptor declares for `kpi` ("dataset.column"
// or "dataset.*"); throws when the plugin has no such KPI.
std::vector<std::string> declared_reads(const std::string& plugin,
                                        const std::string& kpi);

// The KPI ids of the plugin's descriptor, in its order.
std::vector<std::string> declared_kpis(const std::string& plugin);

// `datasets` where every column that no entry of `reads` names is nulls:
// same name, type and length; a dictionary column gets an empty dictionary.
NamedTables only_declared_columns(NamedTables datasets,
                                  const std::vector<std::string>& reads);

// The values, tables and notes of a run as text, to compare two runs.
std::string results_text(const IndicatorRun& run);

}  // namespace vigie::testing
