#include "pipeline/progress.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

#include "io/pause_point.hpp"

namespace vigie::pipeline {

using Clock = std::chrono::steady_clock;

namespace {
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// CPU seconds of the process so far and its peak resident memory, in MB.
std::pair<double, double> cpu_and_peak_memory() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return {seconds(u.ru_utime) + seconds(u.ru_stime),
          static_cast<double>(u.ru_maxrss) / 1024.0};
}
}  // namespace

Progress::Progress(bool quiet)
    : terminal_(::isatty(STDERR_FILENO) != 0),
      quiet_(quiet),
      start_(Clock::now()),
      stage_start_(start_),
      last_draw_(start_) {}

Progress::~Progress() {
  if (terminal_ && !quiet_ && !stage_.empty()) std::fputs("\n", stderr);
}

void Progress::stage(const std::string& name) {
  finish_stage();
  io::pause_point(name);  // the fault tests stop a run at each stage
  stage_ = name;
  rows_ = 0;
  stage_start_ = Clock::now();
  stage_cpu_ = cpu_and_peak_memory().first;
  if (!quiet_ && terminal_) draw(true);
}

void Progress::rows(int64_t count) {
  rows_ = count;
  draw(false);
}

void Progress::draw(bool force) {
  if (!terminal_ || quiet_) return;
  const auto now = Clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  std::string line =
      rows_ > 0 ? fmt::format("{} - {} rows", stage_, rows_) : stage_;
  fmt::print(stderr, "\r\033[K{} ({:.1f} s)", line, seconds_since(start_));
  std::fflush(stderr);
}

// One line a stage, in a fixed form that bench/run reads:
// "stage <name>: rows N, wall W s, cpu C s, peak rss M MB".
void Progress::finish_stage() {
  if (stage_.empty() || quiet_ || terminal_) return;
  const auto [cpu, peak] = cpu_and_peak_memory();
  spdlog::info(
      "stage {}: rows {}, wall {:.3f} s, cpu {:.3f} s, peak rss {:.1f} MB",
      stage_, rows_, seconds_since(stage_start_), cpu - stage_cpu_, peak);
}

void Progress::done(const std::string& summary) {
  finish_stage();
  if (quiet_) return;
  if (terminal_) {
    fmt::print(stderr, "\r\033[K{} ({:.2f} s)\n", summary,
               seconds_since(start_));
    stage_.clear();
  } else {
    spdlog::info("{} ({:.2f} s)", summary, seconds_since(start_));
  }
}

}  // namespace vigie::pipeline
