// The "read" stage: every source of the spec through its connector into
// the canonical datasets, with rejects counted against the threshold.
#pragma once

#include "compute/kpi_runner.hpp"
#include "ingest/dataset_builder.hpp"
#include "ingest/rejects.hpp"
#include "pipeline/progress.hpp"
#include "plugin_host/registry.hpp"
#include "spec/spec.hpp"

namespace vigie::pipeline {

// Throws RunError: kUsageError for a mapping that does not fit its source
// (with the spec location), kPluginError when a source cannot be read,
// kDataError when a source's share of rejected rows passes the threshold
// (`rejects` then holds them, for the rejects file).
compute::Datasets load_sources(const spec::Spec& spec,
                               const plugin_host::Registry& plugins,
                               ingest::RejectLog& rejects, Progress& progress);

}  // namespace vigie::pipeline
