// Capped exponential back-off with jitter, and which failures may pass.
#include "serve/retry_policy.hpp"

#include <gtest/gtest.h>

#include "pipeline/errors.hpp"

namespace vigie::serve {
namespace {

using std::chrono::seconds;

TEST(Backoff, DoublesUpToItsCapWithAtLeastHalfOfIt) {
  const Backoff backoff{seconds(60), seconds(600)};
  std::mt19937_64 random(42);
  const long long expected[] = {60, 120, 240, 480, 600, 600, 600};
  for (int attempt = 1; attempt <= 7; ++attempt) {
    const long long full = expected[attempt - 1];
    long long low = full, high = 0;
    for (int i = 0; i < 2000; ++i) {
      const long long wait = backoff.after(attempt, random).count();
      low = std::min(low, wait);
      high = std::max(high, wait);
    }
    // Jitter: spread over [full/2, full], never beyond.
    EXPECT_EQ(low, full / 2) << attempt;
    EXPECT_EQ(high, full) << attempt;
  }
}

TEST(Backoff, NeverLessThanASecond) {
  const Backoff backoff{seconds(1), seconds(1)};
  std::mt19937_64 random(3);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(backoff.after(1, random).count(), 1);
}

TEST(Backoff, AHugeAttemptNumberStaysAtTheCap) {
  const Backoff backoff{seconds(1), seconds(3600)};
  std::mt19937_64 random(7);
  EXPECT_LE(backoff.after(1000000, random).count(), 3600);
}

TEST(RunFailure, WhatMayPassByItself) {
  EXPECT_EQ(run_failure(pipeline::kPluginError), Failure::Transient);
  EXPECT_EQ(run_failure(pipeline::kOutputError), Failure::Transient);
  EXPECT_EQ(run_failure(pipeline::kStateError), Failure::Transient);
  EXPECT_EQ(run_failure(pipeline::kUsageError), Failure::Permanent);
  EXPECT_EQ(run_failure(pipeline::kDataError), Failure::Permanent);
  EXPECT_EQ(run_failure(pipeline::kInternalError), Failure::Permanent);
}

}  // namespace
}  // namespace vigie::serve
