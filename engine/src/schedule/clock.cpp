#include "schedule/clock.hpp"

namespace vigie::schedule {

Clock::~Clock() = default;

std::chrono::sys_seconds SystemClock::now() const {
  return std::chrono::floor<std::chrono::seconds>(
      std::chrono::system_clock::now());
}

void SystemClock::sleep_until(std::chrono::sys_seconds t) {
  std::unique_lock lock(mutex_);
  // wait_until on the system clock: a clock set forward or back (NTP) ends
  // or lengthens the sleep with it, which is what a wall-clock schedule
  // wants.
  woken_up_.wait_until(lock, t, [this] { return woken_; });
  woken_ = false;
}

void SystemClock::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  woken_up_.notify_all();
}

}  // namespace vigie::schedule
