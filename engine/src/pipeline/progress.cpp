#include "pipeline/progress.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cstdio>

namespace vigie::pipeline {

using Clock = std::chrono::steady_clock;

namespace {
double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
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
  if (!terminal_ && !quiet_ && !stage_.empty() && rows_ > 0)
    spdlog::info("{}: {} rows in {:.2f} s", stage_, rows_,
                 seconds_since(stage_start_));
  stage_ = name;
  rows_ = 0;
  stage_start_ = Clock::now();
  if (quiet_) return;
  if (terminal_)
    draw(true);
  else
    spdlog::info("{}", name);
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

void Progress::done(const std::string& summary) {
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
