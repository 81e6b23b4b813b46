#include "pipeline/load_sources.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <thread>

#include "pipeline/errors.hpp"
#include "pipeline/prefetch.hpp"
#include "plugin_host/connector.hpp"
#include "plugin_host/plugin_error.hpp"
#include "table/canonical.hpp"

namespace vigie::pipeline {
namespace {

constexpr int kOpenAttempts = 3;

// A transient failure (a database starting up) is retried with a growing
// pause; anything else fails at once.
plugin_host::Connector::Stream open_with_retries(
    plugin_host::Connector& connector) {
  for (int attempt = 1;; ++attempt) {
    try {
      return connector.open();
    } catch (const plugin_host::RetryablePluginError& e) {
      if (attempt == kOpenAttempts) throw;
      spdlog::warn("{} (attempt {} of {}, retrying)", e.what(), attempt,
                   kOpenAttempts);
      std::this_thread::sleep_for(std::chrono::milliseconds(500 * attempt));
    }
  }
}

void check_threshold(double threshold, const std::string& source,
                     const ingest::RejectLog& rejects) {
  auto it = rejects.counts().find(source);
  if (it == rejects.counts().end() || it->second.read == 0) return;
  const auto& c = it->second;
  const double share =
      static_cast<double>(c.rejected) / static_cast<double>(c.read);
  if (share <= threshold) return;
  const ingest::Reject* first = nullptr;
  for (const auto& r : rejects.rejects())
    if (r.source == source) {
      first = &r;
      break;
    }
  throw RunError(
      kDataError,
      fmt::format("source '{}': {} of {} rows rejected ({:.2f}%), above the "
                  "threshold of {:.2f}% (report.reject_threshold); the first: "
                  "{}:{}: {}; all of them are in rejects.csv",
                  source, c.rejected, c.read, 100 * share, 100 * threshold,
                  first->origin, first->line, first->reason));
}

// Reads each lookup through its connector into a table of keys and values.
ingest::Lookups read_lookups(const std::vector<plan::LookupPlan>& plans,
                             const plugin_host::Registry& plugins,
                             Progress& progress) {
  ingest::Lookups lookups;
  for (const auto& [lookup, config] : plans) {
    progress.stage(fmt::format("reading lookup {}", lookup.id));
    try {
      plugin_host::Connector connector(plugins.library(lookup.connector),
                                       config, lookup.id);
      auto stream = open_with_retries(connector);
      std::vector<std::string> columns;
      const ArrowSchema& schema = stream.schema();
      for (int64_t i = 0; i < schema.n_children; ++i)
        columns.emplace_back(schema.children[i]->name);
      std::optional<ingest::LookupTable> table;
      try {
        table.emplace(lookup.key, lookup.value, columns);
      } catch (const ingest::ExpressionError& e) {
        throw RunError(
            kUsageError,
            fmt::format("{}: lookups ({}): the key or value does not fit its "
                        "source: {} (its columns: {})",
                        lookup.location.str(), lookup.id, e.what(),
                        fmt::join(columns, ", ")));
      }
      int64_t rows = 0;
      Prefetcher prefetcher(stream);
      while (auto batch = prefetcher.next()) {
        table->add(batch->view());
        rows += batch->view().rows();
        progress.rows(rows);
      }
      spdlog::info(
          "lookup '{}' ({}): {} key(s) from {} row(s), {} ambiguous, {} row(s) "
          "without a key or value",
          lookup.id, connector.origin(), table->keys(), rows,
          table->ambiguous(), table->skipped());
      lookups.emplace(lookup.id, std::move(*table));
    } catch (const plugin_host::PluginError& e) {
      throw RunError(kPluginError, e.what());
    }
  }
  return lookups;
}

}  // namespace

compute::Datasets load_sources(
    const std::vector<plan::LookupPlan>& lookup_plans,
    const std::vector<plan::DatasetPlan>& datasets, const spec::Report& report,
    const plugin_host::Registry& plugins, ingest::RejectLog& rejects,
    Progress& progress) {
  const table::TimestampParser timestamps(report.time_zone);
  ingest::Identity identity;
  const ingest::Lookups lookups = read_lookups(lookup_plans, plugins, progress);
  compute::Datasets out;
  for (const auto& dataset_plan : datasets) {
    const table::CanonicalDataset& dataset =
        *table::find_dataset(dataset_plan.name);
    ingest::DatasetBuilder builder(dataset, identity, timestamps,
                                   dataset_plan.columns_read);
    for (const auto& [source, config] : dataset_plan.sources) {
      progress.stage(fmt::format("reading {} ({})", source.id, dataset.name));
      const std::string who =
          fmt::format("plugin '{}' (source '{}')", source.connector, source.id);
      try {
        plugin_host::Connector connector(plugins.library(source.connector),
                                         config, source.id);
        auto stream = open_with_retries(connector);
        try {
          builder.begin_source(source.id, connector.origin(), source.mapping,
                               stream.schema(), &lookups);
        } catch (const ingest::MappingError& e) {
          auto loc = source.mapping_locations.find(e.column());
          const auto& where = loc != source.mapping_locations.end()
                                  ? loc->second
                                  : source.location;
          throw RunError(kUsageError, fmt::format("{}: {}: {}", where.str(),
                                                  where.path, e.what()));
        }
        // Counted before its first batch, so that a source without rows
        // still shows in the data-quality accounting.
        rejects.count_read(source.id, 0);
        int64_t rows = 0;
        Prefetcher prefetcher(stream);
        while (auto batch = prefetcher.next()) {
          builder.append(batch->view(), rejects);
          rows += batch->view().rows();
          progress.rows(rows);
        }
        if (auto range = builder.time_range())
          rejects.count_time_range(source.id, range->first, range->second);
        if (auto unmatched = builder.unmatched())
          rejects.count_unmatched(source.id, *unmatched);
        // Not an error (a channel may have had nothing to export yet), but
        // never silent: also a note of the report (data_quality_notes).
        if (rows == 0)
          spdlog::warn(
              "source '{}' ({}) has no rows: it adds nothing to "
              "dataset '{}'",
              source.id, connector.origin(), dataset.name);
      } catch (const plugin_host::PluginError& e) {
        throw RunError(kPluginError, e.what());
      }
      check_threshold(report.reject_threshold, source.id, rejects);
    }
    out.emplace(dataset_plan.name, builder.finish());
  }
  return out;
}

}  // namespace vigie::pipeline
