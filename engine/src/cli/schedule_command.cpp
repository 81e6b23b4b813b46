#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "pipeline/errors.hpp"
#include "plan/report_plan.hpp"
#include "plugin_host/registry.hpp"
#include "schedule/covered_period.hpp"
#include "schedule/slot_times.hpp"
#include "spec/reader.hpp"
#include "table/date_tz.hpp"

namespace vigie::cli {
namespace {

// 86400 -> "1d", 5400 -> "90m": the largest unit that divides it.
std::string duration_text(long long seconds) {
  for (auto [unit, size] : {std::pair{"w", 604800LL}, std::pair{"d", 86400LL},
                            std::pair{"h", 3600LL}, std::pair{"m", 60LL}})
    if (seconds % size == 0) return fmt::format("{}{}", seconds / size, unit);
  return fmt::format("{}s", seconds);
}

}  // namespace

int schedule_command(const Args& args) {
  std::vector<std::string> specs, plugin_paths;
  int count = 5;
  std::string from;
  po::options_description options("options");
  options.add_options()("spec", po::value(&specs)->required()->composing(),
                        "report specs")(
      "count,n", po::value(&count), "runs to list for each spec (default 5)")(
      "from", po::value(&from),
      "list the runs after this UTC time, e.g. 2026-12-01T00:00:00Z "
      "(default: now)")("plugin-path", po::value(&plugin_paths)->composing(),
                        "another folder of plugins (repeatable)");
  po::positional_options_description positional;
  positional.add("spec", -1);
  po::variables_map vm;
  if (!parse(args,
             "usage: vigie schedule SPEC... [--count N] [--from "
             "2026-12-01T00:00:00Z]",
             options, positional, vm))
    return 0;
  if (count < 1 || count > 1000)
    throw pipeline::RunError(pipeline::kUsageError,
                             "--count: expected 1 to 1000");
  const auto start = from.empty() ? std::chrono::floor<std::chrono::seconds>(
                                        std::chrono::system_clock::now())
                                  : utc_option("--from", from);
  std::vector<std::filesystem::path> extra(plugin_paths.begin(),
                                           plugin_paths.end());
  auto plugins =
      plugin_host::Registry::scan(plugin_host::plugin_directories(extra));
  std::size_t errors = 0;
  for (const auto& file : specs) {
    auto result = spec::read_spec(file, plugins, spec::process_environment());
    for (const auto& d : result.errors)
      fmt::print(stderr, "{}\n", spec::format_diagnostic(d));
    errors += result.errors.size();
    if (!result.spec) continue;
    const auto& s = result.spec->schedule;
    if (!s) {
      fmt::print("{} ({}): no schedule\n", result.spec->report.id, file);
      continue;
    }
    fmt::print(
        "{} ({}): \"{}\" in {}, covers {}, catch-up {} (max age "
        "{})\n",
        result.spec->report.id, file, s->cron, s->time_zone, s->covers,
        s->catch_up, duration_text(s->max_age_seconds));
    const schedule::Schedule sched(schedule::CronExpression::parse(s->cron),
                                   s->time_zone);
    const auto covers = schedule::parse_covers(s->covers);
    const auto* zone = date::locate_zone(s->time_zone);
    fmt::print("  {:<31} {:<22} {}\n", "local time", "UTC", "covers");
    for (const auto& slot :
         sched.next_slots(start, static_cast<std::size_t>(count))) {
      const date::zoned_seconds local(zone, slot.at);
      fmt::print(
          "  {:<31} {:<22} {}\n", date::format("%F %R %Z (%Ez)", local),
          date::format("%FT%TZ", slot.at),
          schedule::period_text(schedule::covered_period(covers, slot.local)));
    }
  }
  if (errors > 0) {
    fmt::print(stderr, "{} error(s)\n", errors);
    return pipeline::kUsageError;
  }
  return pipeline::kSuccess;
}

}  // namespace vigie::cli
