// A Clock for tests: now() is what the test sets, and sleeping moves the
// time forward at once, so a scheduler loop runs days of slots instantly.
#pragma once

#include <chrono>
#include <mutex>
#include <vector>

#include "schedule/clock.hpp"

namespace vigie::schedule {

class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::chrono::sys_seconds start) : now_(start) {}

  std::chrono::sys_seconds now() const override {
    std::lock_guard lock(mutex_);
    return now_;
  }

  // Moves the time to `t` (never backwards) unless a wake() is pending,
  // which is consumed and leaves the time where it was, as SystemClock
  // returns early. Every requested wake-up time is recorded.
  void sleep_until(std::chrono::sys_seconds t) override {
    std::lock_guard lock(mutex_);
    sleeps_.push_back(t);
    if (woken_) {
      woken_ = false;
      return;
    }
    if (t > now_) now_ = t;
  }

  void wake() override {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }

  void set(std::chrono::sys_seconds t) {
    std::lock_guard lock(mutex_);
    now_ = t;
  }
  void advance(std::chrono::seconds by) {
    std::lock_guard lock(mutex_);
    now_ += by;
  }
  std::vector<std::chrono::sys_seconds> sleeps() const {
    std::lock_guard lock(mutex_);
    return sleeps_;
  }

 private:
  mutable std::mutex mutex_;
  std::chrono::sys_seconds now_;
  std::vector<std::chrono::sys_seconds> sleeps_;
  bool woken_ = false;
};

}  // namespace vigie::schedule
