// The system clock's sleep ends early on wake(), even a wake() sent just
// before it; the manual clock moves time as tests need.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "schedule/clock.hpp"
#include "schedule/manual_clock.hpp"
#include "test_times.hpp"

namespace vigie::schedule {
namespace {

using std::chrono::hours;
using std::chrono::seconds;
using std::chrono::steady_clock;
using testing::utc;

TEST(SystemClock, NowIsTheSystemTime) {
  SystemClock clock;
  auto system = std::chrono::system_clock::now();
  EXPECT_LE(std::chrono::abs(clock.now() - system), seconds{2});
}

TEST(SystemClock, WakeEndsASleepEarly) {
  SystemClock clock;
  auto started = steady_clock::now();
  std::thread sleeper([&] { clock.sleep_until(clock.now() + hours{1}); });
  std::this_thread::sleep_for(std::chrono::milliseconds{50});
  clock.wake();
  sleeper.join();
  EXPECT_LT(steady_clock::now() - started, seconds{30});
}

TEST(SystemClock, AWakeBeforeTheSleepIsNotLost) {
  SystemClock clock;
  clock.wake();
  auto started = steady_clock::now();
  clock.sleep_until(clock.now() + hours{1});
  EXPECT_LT(steady_clock::now() - started, seconds{30});
}

TEST(SystemClock, APastTimeDoesNotSleep) {
  SystemClock clock;
  auto started = steady_clock::now();
  clock.sleep_until(clock.now() - seconds{5});
  EXPECT_LT(steady_clock::now() - started, seconds{30});
}

TEST(ManualClock, SleepingMovesTimeForwardOnly) {
  ManualClock clock(utc(2026, 12, 1, 6));
  EXPECT_EQ(clock.now(), utc(2026, 12, 1, 6));
  clock.sleep_until(utc(2026, 12, 2, 6));
  EXPECT_EQ(clock.now(), utc(2026, 12, 2, 6));
  clock.sleep_until(utc(2026, 12, 1));  // in the past: no change
  EXPECT_EQ(clock.now(), utc(2026, 12, 2, 6));
  clock.advance(hours{3});
  EXPECT_EQ(clock.now(), utc(2026, 12, 2, 9));
  clock.set(utc(2026, 1, 1));
  EXPECT_EQ(clock.now(), utc(2026, 1, 1));
  EXPECT_EQ(clock.sleeps().size(), 2u);
}

TEST(ManualClock, AWakeEndsTheNextSleepWithoutMovingTime) {
  ManualClock clock(utc(2026, 12, 1, 6));
  clock.wake();
  clock.sleep_until(utc(2026, 12, 2, 6));
  EXPECT_EQ(clock.now(), utc(2026, 12, 1, 6));
  clock.sleep_until(utc(2026, 12, 2, 6));  // the wake was used up
  EXPECT_EQ(clock.now(), utc(2026, 12, 2, 6));
}

}  // namespace
}  // namespace vigie::schedule
