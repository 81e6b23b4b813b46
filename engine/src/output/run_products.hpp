// What a run produced, as every output writer reads it (writer.hpp): one
// read-only value, shared by writers that may run at the same time.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "compute/kpi_result.hpp"
#include "compute/kpi_runner.hpp"
#include "ingest/rejects.hpp"
#include "output/exports.hpp"
#include "render/document.hpp"
#include "spec/spec.hpp"

namespace vigie::output {

// The report as drawn (tiles, charts, tables), built by the first writer
// that asks for it, once, on whichever thread; a run whose writers draw
// nothing never builds it.
class LazyDocument {
 public:
  explicit LazyDocument(std::function<render::Document()> build)
      : build_(std::move(build)) {}

  // Thread-safe: a second caller waits for the first one's build.
  const render::Document& get() const {
    std::call_once(once_, [this] { document_.emplace(build_()); });
    return *document_;
  }

 private:
  std::function<render::Document()> build_;
  mutable std::once_flag once_;
  mutable std::optional<render::Document> document_;
};

struct RunProducts {
  RunInfo run;  // the report's ids, title, time zone, generation time
  // The spec's outputs: which writers run (Writer::enabled) and their
  // options.
  spec::Outputs outputs;
  const compute::PeriodPlan& plan;
  // In the spec's order; lists already through the personal-data rule.
  const std::vector<compute::KpiResult>& kpis;
  const ingest::RejectLog& rejects;
  const std::vector<std::string>& notes;  // the data-quality notes
  LazyDocument document;
};

}  // namespace vigie::output
