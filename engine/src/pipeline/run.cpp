#include "pipeline/run.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdlib>
#include <future>

#include "compute/kpi_runner.hpp"
#include "derive/derive.hpp"
#include "output/cell_text.hpp"
#include "output/exports.hpp"
#include "output/personal_data.hpp"
#include "output/report_folder.hpp"
#include "pipeline/errors.hpp"
#include "pipeline/load_sources.hpp"
#include "pipeline/progress.hpp"
#include "pipeline/report_document.hpp"
#include "plugin_host/plugin_error.hpp"
#include "render/format.hpp"
#include "render/renderer.hpp"
#include "secrets/redactor.hpp"
#include "spec/reader.hpp"

namespace vigie::pipeline {
namespace {

spec::Spec read_checked_spec(const std::filesystem::path& file,
                             const plugin_host::Registry& plugins) {
  auto result = spec::read_spec(file, plugins, spec::process_environment());
  if (!result.errors.empty()) {
    std::string text;
    for (const auto& d : result.errors)
      text += (text.empty() ? "" : "\n") + spec::format_diagnostic(d);
    throw RunError(kUsageError, text);
  }
  return std::move(*result.spec);
}

std::string now_iso(const std::string& time_zone) {
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
    if (k.kind == VIGIE_OUTPUT_LIST) return true;
  return false;
}

// Applies the personal-data rule to every list, noting withheld rows.
void protect_lists(const spec::Spec& spec, const compute::Datasets& datasets,
                   std::vector<compute::KpiResult>& kpis,
                   const render::Locale& locale) {
  if (!has_lists(kpis)) return;
  output::ListPolicy policy;
  policy.raw_customer_id = spec.outputs.raw_customer_id;
  if (!policy.raw_customer_id) {
    const char* key = std::getenv(spec.outputs.hmac_key_env.c_str());
    if (key == nullptr || *key == '\0')
      throw RunError(kUsageError,
                     fmt::format("operational lists carry a pseudonymous key: "
                                 "set the environment variable {} to the "
                                 "secret key (outputs.hmac_key_env)",
                                 spec.outputs.hmac_key_env));
    policy.key = key;
    secrets::add(policy.key, "${" + spec.outputs.hmac_key_env + "}");
    // A short key lets anyone holding a list try every customer id.
    if (policy.key.size() < 16)
      spdlog::warn(
          "{} is {} characters long: use at least 16 random "
          "characters, or the pseudonyms of the lists can be "
          "recomputed by guessing the key",
          spec.outputs.hmac_key_env, policy.key.size());
  }
  auto customers = datasets.find("customers");
  const output::ConsentLookup consent(
      customers == datasets.end() ? nullptr : customers->second);
  for (auto& k : kpis) {
    if (k.kind != VIGIE_OUTPUT_LIST || !k.table) continue;
    auto protected_list = output::protect_list(*k.table, consent, policy);
    k.table = std::move(protected_list.table);
    if (protected_list.withheld > 0) {
      const std::string n = render::format_value(
          static_cast<double>(protected_list.withheld), "count", locale);
      k.notes.push_back(
          locale.language == "fr"
              ? fmt::format("{} client(s) non listé(s) faute de consentement.",
                            n)
              : fmt::format("{} customer(s) not listed for lack of consent.",
                            n));
    }
  }
}

std::vector<std::string> data_quality_notes(const ingest::RejectLog& rejects,
                                            const render::Locale& locale) {
  std::vector<std::string> notes;
  int64_t read = 0;
  for (const auto& [id, c] : rejects.counts()) {
    read += c.read;
    if (c.read == 0)
      notes.push_back(
          locale.language == "fr"
              ? fmt::format("Qualité des données : la source '{}' n'a "
                            "fourni aucune ligne.",
                            id)
              : fmt::format("Data quality: source '{}' has no rows.", id));
  }
  if (rejects.total_rejected() == 0) return notes;
  const auto n = render::format_value(
      static_cast<double>(rejects.total_rejected()), "count", locale);
  const auto total =
      render::format_value(static_cast<double>(read), "count", locale);
  notes.push_back(
      locale.language == "fr"
          ? fmt::format("Qualité des données : {} ligne(s) rejetée(s) "
                        "sur {} lue(s) ; le détail est dans rejects.csv.",
                        n, total)
          : fmt::format("Data quality: {} of {} rows rejected; see "
                        "rejects.csv.",
                        n, total));
  return notes;
}

}  // namespace

RunSummary run_report(const RunOptions& options) {
  // Locked before any work, held to the end of the run.
  auto folder_ptr = open_report_folder(options.out);
  output::ReportFolder& folder = *folder_ptr;
  Progress progress(options.quiet);
  progress.stage("loading plugins");
  auto plugins = plugin_host::Registry::scan(
      plugin_host::plugin_directories(options.plugin_paths));

  progress.stage("reading the spec");
  const spec::Spec spec = read_checked_spec(options.spec, plugins);
  const render::Locale locale = locale_of(spec.report.locale);

  compute::PeriodPlan plan;
  try {
    plan = compute::plan_periods(
        spec, compute::report_month(options.period, options.as_of,
                                    spec.report.time_zone));
  } catch (const std::invalid_argument& e) {
    throw RunError(kUsageError, e.what());
  }

  RunSummary summary;
  summary.out = folder.dir();
  ingest::RejectLog rejects;
  compute::Datasets datasets;
  try {
    datasets = load_sources(spec, plugins, rejects, progress);
  } catch (const RunError& e) {
    if (e.code() == kDataError) throw with_rejects_evidence(e, folder, rejects);
    throw;
  }
  for (const auto& [id, c] : rejects.counts()) {
    summary.rows_read += c.read;
    summary.rows_rejected += c.rejected;
  }

  // Sessions and stitching, once, for every indicator that reads them.
  // Without web_events nothing is derived: compute_kpis names the dataset.
  const auto derived = compute::derived_inputs(spec, plugins);
  if (auto web = datasets.find("web_events");
      !derived.empty() && web != datasets.end()) {
    progress.stage(fmt::format("deriving {}", fmt::join(derived, ", ")));
    progress.rows(web->second->rows());
    datasets.merge(derive::derive_datasets(derived, *web->second,
                                           {spec.report.session_gap_minutes}));
  }

  progress.stage("computing the KPIs");
  std::vector<compute::KpiResult> kpis;
  try {
    kpis = compute::compute_kpis(spec, plugins, datasets, plan);
  } catch (const plugin_host::PluginError& e) {
    throw RunError(kPluginError, e.what());
  }
  protect_lists(spec, datasets, kpis, locale);
  const std::vector<std::string> notes = data_quality_notes(rejects, locale);

  const std::string generated_at = now_iso(spec.report.time_zone);
  try {
    if (spec.outputs.pdf || spec.outputs.svg) {
      progress.stage("rendering");
      render::Document doc = build_document(spec, plan, kpis,
                                            generated_at.substr(0, 10) + " " +
                                                generated_at.substr(11, 5) +
                                                " " + spec.report.time_zone,
                                            notes);
      doc.created = generated_at;
      // PDF and SVG are two independent drawings of one layout: one a core.
      // Each render has its own Pango font map, so they share no state.
      std::future<std::vector<std::filesystem::path>> svg_pages;
      if (spec.outputs.svg)
        svg_pages = std::async(std::launch::async, [&doc, &folder] {
          return render::render_svg_pages(doc, folder.staging());
        });
      if (spec.outputs.pdf)
        summary.pages = render::render_pdf(doc, folder.file("report.pdf"));
      if (svg_pages.valid())
        for (const auto& page : svg_pages.get()) folder.adopt(page.filename());
    }
    progress.stage("exporting");
    if (spec.outputs.json) {
      output::RunInfo run{
          spec.report.id, spec.report.title, spec.report.time_zone,
          generated_at,
          spec.report.comparison == spec::Comparison::PreviousYear
              ? "year"
              : "previous"};
      output::write_kpis_json(folder.file("kpis.json"), run, plan, kpis,
                              rejects, notes);
    }
    if (spec.outputs.lists)
      for (const auto& k : kpis)
        if (k.kind == VIGIE_OUTPUT_LIST && k.table)
          output::write_table_csv(folder.file("lists/" + k.id + ".csv"),
                                  *k.table, spec.report.time_zone);
    if (rejects.total_rejected() > 0)
      output::write_rejects_csv(folder.file("rejects.csv"), rejects);
    summary.files = folder.files();
    progress.stage("publishing");
    folder.publish();
  } catch (const RunError&) {
    throw;
  } catch (const std::runtime_error& e) {
    // Writing failed (a full disk, a folder that vanished): the staged
    // files go with the staging folder, the previous report stays whole.
    throw RunError(kOutputError, e.what());
  }
  progress.done(fmt::format("report written to {}", folder.dir().string()));
  return summary;
}

}  // namespace vigie::pipeline
