// The "read" stage: every source of the plan through its connector into
// the canonical datasets, with rejects counted against the threshold; of
// each dataset only the columns the plan reads are kept.
#pragma once

#include "compute/kpi_runner.hpp"
#include "ingest/dataset_builder.hpp"
#include "ingest/rejects.hpp"
#include "pipeline/progress.hpp"
#include "plan/report_plan.hpp"
#include "plugin_host/registry.hpp"
#include "spec/spec.hpp"

namespace vigie::pipeline {

// Throws RunError: kUsageError for a mapping that does not fit its source
// (with the spec location), kPluginError when a source cannot be read,
// kDataError when a source's share of rejected rows passes the threshold
// (`rejects` then holds them, for the rejects file).
// `report` gives the time zone of timestamps without an offset and the
// reject threshold.
// The lookups are read first, each into a key -> value table that the
// sources' mappings consult (lookup()).
compute::Datasets load_sources(const std::vector<plan::LookupPlan>& lookups,
                               const std::vector<plan::DatasetPlan>& datasets,
                               const spec::Report& report,
                               const plugin_host::Registry& plugins,
                               ingest::RejectLog& rejects, Progress& progress);

}  // namespace vigie::pipeline
