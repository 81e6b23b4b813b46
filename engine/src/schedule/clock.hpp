// The time as the scheduler sees it, behind an interface so that its tests
// run days of schedule in microseconds (ManualClock, manual_clock.hpp).
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace vigie::schedule {

class Clock {
 public:
  virtual ~Clock();
  virtual std::chrono::sys_seconds now() const = 0;
  // Sleeps until `t` or until wake() is called, whichever comes first. A
  // wake() while nobody sleeps is kept: the next sleep_until returns at
  // once, so a wake-up sent just before the sleep is never lost.
  virtual void sleep_until(std::chrono::sys_seconds t) = 0;
  // Ends the current (or next) sleep early: a new spec, a stop request.
  virtual void wake() = 0;
};

// The system's real-time clock; sleeps on a condition variable.
class SystemClock final : public Clock {
 public:
  std::chrono::sys_seconds now() const override;
  void sleep_until(std::chrono::sys_seconds t) override;
  void wake() override;

 private:
  std::mutex mutex_;
  std::condition_variable woken_up_;
  bool woken_ = false;
};

// Another clock moved by a fixed offset: `vigie serve --as-of` serves as if
// the time were a past (or future) one, the clock running on from there:
// to replay a missed slot, or see what a schedule does on a given day.
class ShiftedClock final : public Clock {
 public:
  ShiftedClock(Clock& base, std::chrono::seconds offset)
      : base_(base), offset_(offset) {}
  std::chrono::sys_seconds now() const override {
    return base_.now() + offset_;
  }
  void sleep_until(std::chrono::sys_seconds t) override {
    base_.sleep_until(t - offset_);
  }
  void wake() override { base_.wake(); }

 private:
  Clock& base_;
  std::chrono::seconds offset_;
};

}  // namespace vigie::schedule
