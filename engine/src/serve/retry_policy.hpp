// When a failed attempt is tried again: capped exponential back-off with
// jitter, so that schedulers and runs that failed together (a database
// restarting) do not all come back at the same second.
#pragma once

#include <algorithm>
#include <chrono>
#include <random>

namespace vigie::serve {

struct Backoff {
  std::chrono::seconds first{60};
  std::chrono::seconds cap{3600};

  // The wait after attempt `attempt` (1 for the first) failed: first *
  // 2^(attempt-1), at most cap, then a random share of it between a half
  // and the whole ("equal jitter": never less than half the back-off, so
  // a source that is down is not hammered), and never less than a second.
  template <typename Random>
  std::chrono::seconds after(int attempt, Random& random) const {
    long long wait = first.count();
    for (int i = 1; i < attempt && wait < cap.count(); ++i) wait *= 2;
    if (wait > cap.count()) wait = cap.count();
    if (wait < 1) wait = 1;
    std::uniform_int_distribution<long long> jitter(std::max(1LL, wait / 2),
                                                    wait);
    return std::chrono::seconds(jitter(random));
  }
};

// Whether a run that ended this way may succeed if tried again.
enum class Failure { Transient, Permanent };

// By `vigie run`'s exit code (docs/exit-codes.md): a plugin or a source
// that failed (4: a database down, a file not there yet) and an output
// that could not be written (5: a full disk) may pass; a spec error (2),
// data refused (3) or a bug (1) will not pass by itself.
Failure run_failure(int exit_code);

}  // namespace vigie::serve
