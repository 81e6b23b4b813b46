#include "pipeline/run.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string_view>

#include "compute/kpi_runner.hpp"
#include "derive/derive.hpp"
#include "locale/catalog.hpp"
#include "output/burst_folder.hpp"
#include "output/cell_text.hpp"
#include "output/exports.hpp"
#include "output/personal_data.hpp"
#include "output/report_folder.hpp"
#include "output/run_id.hpp"
#include "output/run_products.hpp"
#include "output/writer_registry.hpp"
#include "pipeline/burst_slice.hpp"
#include "pipeline/data_quality.hpp"
#include "pipeline/errors.hpp"
#include "pipeline/list_profiles.hpp"
#include "pipeline/load_sources.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/report_document.hpp"
#include "plan/report_plan.hpp"
#include "plugin_host/plugin_error.hpp"
#include "secrets/redactor.hpp"
#include "spec/reader.hpp"
#include "table/parse.hpp"

namespace vigie::pipeline {
namespace {

// The caller's id (a scheduler that records the run before it starts), or
// a new one.
std::string run_id_of(const RunOptions& options) {
  if (options.run_id.empty()) return output::new_run_id();
  if (!output::is_run_id(options.run_id))
    throw RunError(kUsageError,
                   fmt::format("'{}' is not a run id (e.g. "
                               "20261201T024936.512Z-9c1f0e4b7a2d6c83)",
                               options.run_id));
  return options.run_id;
}

// The generation time as the report's time zone writes it: the one the
// caller fixed, else the wall clock.
std::string generated_at_of(const RunOptions& options,
                            const std::string& time_zone) {
  if (!options.generated_at.empty()) {
    const std::optional<int64_t> us =
        table::TimestampParser(time_zone).parse(options.generated_at);
    if (!us)
      throw RunError(kUsageError,
                     fmt::format("--generated-at '{}' is not a time: expected "
                                 "ISO 8601, e.g. 2026-11-01T06:00:00+01:00",
                                 options.generated_at));
    return output::timestamp_text(*us, time_zone);
  }
  const auto now = std::chrono::system_clock::now();
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                      now.time_since_epoch())
                      .count();
  return output::timestamp_text(us, time_zone);
}

// Locks the output folder and opens the staging folder beside it: a
// second run into the same folder, or a folder that cannot be written or
// is not Vigie's to replace, fails before any work.
std::unique_ptr<output::ReportFolder> open_report_folder(
    const std::filesystem::path& out) {
  try {
    return std::make_unique<output::ReportFolder>(out);
  } catch (const std::runtime_error& e) {
    throw RunError(kOutputError, e.what());
  }
}

// A run that stopped on its data leaves the rejected rows as evidence
// beside the output folder, which keeps its previous report whole.
RunError with_rejects_evidence(const RunError& data_error,
                               output::ReportFolder& folder,
                               const ingest::RejectLog& rejects) {
  try {
    output::write_rejects_csv(folder.file("rejects.csv"), rejects);
    folder.publish_evidence("rejects.csv");
  } catch (const std::runtime_error& e) {
    return RunError(kOutputError,
                    fmt::format("{}; the run had stopped because: {}", e.what(),
                                data_error.what()));
  }
  return RunError(kDataError,
                  fmt::format("{}; the rejected rows are in {} ({} keeps its "
                              "previous report)",
                              data_error.what(), folder.evidence().string(),
                              folder.dir().string()));
}

bool has_lists(const std::vector<compute::KpiResult>& kpis) {
  for (const auto& k : kpis)
    if (k.kind == plugin_host::OutputKind::List) return true;
  return false;
}

// Applies the personal-data rule to every list, noting withheld rows.
void protect_lists(const spec::Outputs& outputs,
                   const compute::Datasets& datasets,
                   std::vector<compute::KpiResult>& kpis,
                   const locale::Locale& locale) {
  if (!has_lists(kpis)) return;
  output::ListPolicy policy;
  policy.raw_customer_id = outputs.raw_customer_id;
  if (!policy.raw_customer_id) {
    const char* key = std::getenv(outputs.hmac_key_env.c_str());
    if (key == nullptr || *key == '\0')
      throw RunError(kUsageError,
                     fmt::format("operational lists carry a pseudonymous key: "
                                 "set the environment variable {} to the "
                                 "secret key (outputs.hmac_key_env)",
                                 outputs.hmac_key_env));
    policy.key = key;
    secrets::add(policy.key, "${" + outputs.hmac_key_env + "}");
    // A short key lets anyone holding a list try every customer id.
    if (policy.key.size() < 16)
      spdlog::warn(
          "{} is {} characters long: use at least 16 random "
          "characters, or the pseudonyms of the lists can be "
          "recomputed by guessing the key",
          outputs.hmac_key_env, policy.key.size());
  }
  auto customers = datasets.find("customers");
  const output::ConsentLookup consent(
      customers == datasets.end() ? nullptr : customers->second);
  for (auto& k : kpis) {
    if (k.kind != plugin_host::OutputKind::List || !k.table) continue;
    auto protected_list = output::protect_list(*k.table, consent, policy);
    k.table = std::move(protected_list.table);
    if (protected_list.withheld > 0) {
      const locale::Arg withheld[] = {
          locale::Arg::of_number("count", locale::ArgType::Count,
                                 static_cast<double>(protected_list.withheld))};
      k.notes.push_back(locale::message(locale, "privacy.withheld", withheld));
    }
  }
}

// The dataset each source of the plan fills.
SourceDatasets source_datasets(const plan::ReportPlan& report_plan) {
  SourceDatasets out;
  for (const auto& d : report_plan.datasets)
    for (const auto& s : d.sources) out.emplace(s.source.id, d.name);
  return out;
}

// Derives, computes, renders and stages one report from its data: the
// whole report, or one burst value's (into its sub-folder, `under`).
void write_report(const plan::ReportPlan& report_plan,
                  const spec::Report& report, compute::Datasets datasets,
                  const ingest::RejectLog& rejects,
                  const compute::PeriodPlan& plan,
                  const plugin_host::Registry& plugins,
                  output::ReportFolder& folder, const std::string& run_id,
                  const std::string& generated_at,
                  const std::filesystem::path& under, Progress& progress) {
  const locale::Locale locale(report.locale, report.time_zone, report.currency);
  // Sessions, stitching and customer profiles, once, for every indicator
  // (and list) that reads them.
  // What a derived dataset needs and no source gives: compute_kpis names it.
  const auto& derived = report_plan.derived;
  const auto web = datasets.find("web_events");
  const bool wants_profiles = std::find(derived.begin(), derived.end(),
                                        "customer_profiles") != derived.end();
  if (web != datasets.end() ? !derived.empty()
                            : wants_profiles && datasets.contains("orders")) {
    progress.stage(fmt::format("deriving {}", fmt::join(derived, ", ")));
    if (web != datasets.end()) progress.rows(web->second->rows());
    const int64_t as_of = plan.periods[plan.current].end_us;
    datasets.merge(derive::derive_datasets(
        derived, datasets,
        {report.session_gap_minutes, profile_options(report_plan, as_of)}));
  }

  progress.stage("computing the KPIs");
  std::vector<compute::KpiResult> kpis;
  try {
    kpis = compute::compute_kpis(report_plan.runs, report_plan.kpis, report,
                                 plugins, datasets, plan);
  } catch (const plugin_host::PluginError& e) {
    throw RunError(kPluginError, e.what());
  }
  if (auto profiles = datasets.find("customer_profiles");
      profiles != datasets.end())
    join_profiles(kpis, *profiles->second);
  protect_lists(report_plan.outputs, datasets, kpis, locale);
  const SourceDatasets sources = source_datasets(report_plan);
  const std::vector<std::string> notes =
      data_quality_notes(rejects, sources, locale);

  const output::RunProducts products{
      .run = {report.id, report.title, report.time_zone, generated_at,
              report.comparison == spec::Comparison::PreviousYear ? "year"
                                                                  : "previous",
              run_id, report.locale},
      .outputs = report_plan.outputs,
      .plan = plan,
      .kpis = kpis,
      .rejects = rejects,
      .notes = notes,
      .document = output::LazyDocument([&] {
        render::Document doc = build_document(
            report, report_plan.layout, report_plan.outputs.lists, plan, kpis,
            generated_at.substr(0, 10) + " " + generated_at.substr(11, 5) +
                " " + report.time_zone,
            notes);
        doc.sections.push_back(
            data_quality_appendix(rejects, sources, plan, locale));
        doc.created = generated_at;
        return doc;
      })};
  try {
    output::builtin_writers().write(
        products, folder,
        [&progress](std::string_view stage) {
          progress.stage(std::string(stage));
        },
        under);
  } catch (const RunError&) {
    throw;
  } catch (const std::runtime_error& e) {
    // Writing failed (a full disk, a folder that vanished): the staged
    // files go with the staging folder, the previous report stays whole.
    throw RunError(kOutputError, e.what());
  }
}

}  // namespace

plan::ReportPlan read_checked_plan(const std::filesystem::path& file,
                                   const plugin_host::Registry& plugins) {
  auto result = plan::read_plan(file, plugins, spec::process_environment());
  if (!result.errors.empty())
    throw RunError(kUsageError, spec::format_diagnostics(result.errors));
  return std::move(*result.plan);
}

RunSummary run_report(const RunOptions& options) {
  const std::string run_id = run_id_of(options);
  // Locked before any work, held to the end of the run.
  auto folder_ptr = open_report_folder(options.out);
  output::ReportFolder& folder = *folder_ptr;
  Progress progress(options.quiet);
  progress.stage("loading plugins");
  auto plugins = plugin_host::Registry::scan(
      plugin_host::plugin_directories(options.plugin_paths));

  progress.stage("reading the spec");
  const plan::ReportPlan report_plan = read_checked_plan(options.spec, plugins);
  const spec::Report& report = report_plan.report;
  // One time for the whole run: every burst report says the same.
  const std::string generated_at = generated_at_of(options, report.time_zone);

  compute::PeriodPlan plan;
  try {
    plan = compute::plan_periods(
        report,
        compute::report_period(report.period, options.period, options.as_of,
                               report.time_zone),
        draws_comparison_lines(report_plan.layout));
  } catch (const std::invalid_argument& e) {
    throw RunError(kUsageError, e.what());
  }

  RunSummary summary;
  ingest::RejectLog rejects;
  compute::Datasets datasets;
  try {
    datasets = load_sources(report_plan.lookups, report_plan.datasets, report,
                            plugins, rejects, progress);
  } catch (const RunError& e) {
    if (e.code() == kDataError) throw with_rejects_evidence(e, folder, rejects);
    throw;
  }
  for (const auto& [id, c] : rejects.counts()) {
    summary.rows_read += c.read;
    summary.rows_rejected += c.rejected;
  }

  if (!options.burst || !report_plan.burst) {
    write_report(report_plan, report, std::move(datasets), rejects, plan,
                 plugins, folder, run_id, generated_at, {}, progress);
  } else {
    // The data was read once; each value's report computes on its slice,
    // says in its title which value it is, and goes into its own folder of
    // the one report published below.
    for (const auto& [value, recipients] : report_plan.burst->values) {
      progress.stage(fmt::format("burst {}", value));
      spec::Report instance = report;
      instance.title += " \u2014 " + value;
      write_report(report_plan, instance,
                   burst_slice(datasets, *report_plan.burst, value), rejects,
                   plan, plugins, folder, run_id, generated_at,
                   output::burst_folder({}, value), progress);
    }
  }
  try {
    progress.stage("publishing");
    summary.report = folder.publish(run_id);
  } catch (const std::runtime_error& e) {
    throw RunError(kOutputError, e.what());
  }
  progress.done(fmt::format("report written to {}", folder.dir().string()));
  return summary;
}

}  // namespace vigie::pipeline
