#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "vigie/sdk/utc_text.hpp"

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "pipeline/errors.hpp"
#include "pipeline/run.hpp"

namespace vigie::cli {

namespace {

std::string source_date_epoch(const std::string& text) {
  int64_t seconds = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), seconds);
  const auto utc = error == std::errc() && end == text.data() + text.size()
                       ? sdk::utc_text(seconds, sdk::UtcUnit::kSeconds)
                       : std::nullopt;
  if (!utc)
    throw pipeline::RunError(
        pipeline::kUsageError,
        fmt::format("SOURCE_DATE_EPOCH='{}' is not a count of seconds since "
                    "1970-01-01T00:00:00Z",
                    text));
  return std::string(utc->view());
}

}  // namespace

int run_command(const Args& args) {
  pipeline::RunOptions opts;
  std::string period, as_of, out = "out", spec;
  std::vector<std::string> plugin_paths;
  po::options_description options("options");
  options.add_options()("spec", po::value(&spec)->required(),
                        "the report spec (YAML)")(
      "period", po::value(&period),
      "the report period, in the grain of the spec's report.period: "
      "YYYY-MM, YYYY-Www or YYYY-MM-DD (default: the last full one)")(
      "as-of", po::value(&as_of),
      "report on the last full period before this day, YYYY-MM-DD")(
      "out", po::value(&out), "output folder (default: out)")(
      "plugin-path", po::value(&plugin_paths)->composing(),
      "another folder of plugins (repeatable)")(
      "run-id", po::value(&opts.run_id),
      "the run's id, given by a scheduler that recorded the run before "
      "starting it (default: a new one)")(
      "generated-at", po::value(&opts.generated_at),
      "the generation time the report shows, ISO 8601 (default: "
      "$SOURCE_DATE_EPOCH if set, else now): fixed, the same data give "
      "the same bytes")("burst",
                        "one report a value of the spec's "
                        "burst: dimension, each in its own "
                        "folder")("quiet,q", "no progress output");
  po::positional_options_description positional;
  positional.add("spec", 1);
  po::variables_map vm;
  if (!parse(args,
             "usage: vigie run SPEC [--period PERIOD | --as-of DATE] "
             "[--out DIR] [--plugin-path DIR]...",
             options, positional, vm))
    return 0;
  opts.spec = spec;
  opts.out = out;
  // Given but empty is an error (report_period says so), not the default.
  if (vm.count("period")) opts.period = period;
  if (vm.count("as-of")) opts.as_of = as_of;
  if (vm.count("period") && vm.count("as-of"))
    throw pipeline::RunError(pipeline::kUsageError,
                             "give --period or --as-of, not both");
  for (const auto& p : plugin_paths) opts.plugin_paths.emplace_back(p);
  // The reproducible-builds convention, for a pipeline that already sets
  // it: seconds since 1970, UTC.
  if (opts.generated_at.empty())
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
      opts.generated_at = source_date_epoch(epoch);
  opts.quiet = vm.count("quiet") > 0;
  opts.burst = vm.count("burst") > 0;
  const pipeline::RunSummary summary = pipeline::run_report(opts);
  // The result, on stdout for whoever scheduled the run: what was written,
  // and the run id that kpis.json and the folder's marker carry too.
  const output::FinishedReport& report = summary.report;
  fmt::print("{}: {} file(s)", report.dir.string(), report.files.size());
  for (const auto& file : report.files)
    if (file.pages > 0)
      fmt::print(", {} of {} page(s)", file.path.generic_string(), file.pages);
  fmt::print(", {} row(s) read, {} rejected, run {}\n", summary.rows_read,
             summary.rows_rejected, report.run_id);
  return pipeline::kSuccess;
}

}  // namespace vigie::cli
