// The report plan: a spec read, checked and resolved once against the
// loaded plugins, before any data is read. Every later stage takes the
// part it needs: load_sources the datasets (with the columns to read),
// derive the derived datasets, compute the indicator runs, the report
// document the layout, the writers the outputs. `vigie validate` builds
// the same plan, so it reports the same errors as a run.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "spec/plugin_catalog.hpp"
#include "spec/reader.hpp"
#include "spec/spec.hpp"

namespace vigie::plan {

struct SourcePlan {
  spec::Source source;  // id, connector, mapping and their locations
  // The connector's options, checked against its descriptor, defaults
  // filled: what the connector is created with.
  std::map<std::string, std::string> config;
};

// A lookup (spec::Lookup) with its connector's checked options.
struct LookupPlan {
  spec::Lookup lookup;
  std::map<std::string, std::string> config;
};

// One canonical dataset a source fills.
struct DatasetPlan {
  std::string name;
  std::vector<SourcePlan> sources;  // in the spec's order
  // The canonical columns some requested KPI, derived dataset or the
  // personal-data rule reads: the only ones ingest types, interns and
  // stores. The others are still mapped and checked (a bad value is a
  // reject either way), then dropped.
  std::set<std::string> columns_read;
};

// One indicator instance: an indicator with one set of parameters, and
// the KPIs asked of it.
struct IndicatorRun {
  std::string indicator;
  // Checked against the descriptor, defaults filled.
  std::map<std::string, std::string> parameters;
  std::vector<std::size_t> kpis;  // indexes into ReportPlan::kpis
};

struct ReportPlan {
  std::string file;
  spec::Report report;  // title, locale, time zone, periods, thresholds
  std::vector<LookupPlan> lookups;    // read before the datasets
  std::vector<DatasetPlan> datasets;  // in the canonical order
  std::vector<spec::Kpi> kpis;        // in the spec's order
  std::vector<IndicatorRun> runs;
  // The derived datasets the run builds (derive/catalog.hpp order): those
  // an indicator of a requested KPI lists among its inputs.
  std::vector<std::string> derived;
  std::vector<spec::Section> layout;
  spec::Outputs outputs;
  // For unattended runs: when (schedule), to whom (delivery), and one
  // report a value of a dimension (burst).
  std::optional<spec::Schedule> schedule;
  std::optional<spec::Delivery> delivery;
  std::optional<spec::Burst> burst;
};

// `plan` is set only when `errors` is empty.
struct PlanResult {
  std::optional<ReportPlan> plan;
  std::vector<spec::Diagnostic> errors;
};

// Resolves a spec read without errors.
PlanResult build_plan(const spec::Spec& spec,
                      const spec::PluginCatalog& plugins);

// Reads the spec and resolves it: the errors of either step.
PlanResult read_plan(const std::filesystem::path& file,
                     const spec::PluginCatalog& plugins,
                     const spec::Environment& env);

}  // namespace vigie::plan
