// At most N jobs at once (the scheduler's concurrency limit): runs and
// e-mails wait their turn in order. The standard library has no thread
// pool, and Boost.Asio's would bring an event loop the scheduler does not
// need.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace vigie::serve {

class WorkPool {
 public:
  explicit WorkPool(int threads);
  // Waits for every job queued to end.
  ~WorkPool();
  WorkPool(const WorkPool&) = delete;
  WorkPool& operator=(const WorkPool&) = delete;

  void submit(std::function<void()> job);
  // Until nothing is queued or running.
  void wait_idle();
  // Jobs queued or running.
  std::size_t pending() const;

 private:
  void work();

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> queue_;
  std::size_t running_ = 0;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace vigie::serve
