#include "pipeline/prefetch.hpp"

namespace vigie::pipeline {

Prefetcher::Prefetcher(plugin_host::Connector::Stream& stream, size_t depth)
    : stream_(stream), depth_(depth), reader_([this] { run(); }) {}

Prefetcher::~Prefetcher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  reader_.join();
}

void Prefetcher::run() {
  try {
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock,
                      [&] { return stopping_ || ready_.size() < depth_; });
        if (stopping_) return;
      }
      auto batch = stream_.next();
      std::lock_guard lock(mutex_);
      if (!batch) {
        finished_ = true;
        changed_.notify_all();
        return;
      }
      ready_.push_back(std::move(batch));
      changed_.notify_all();
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    error_ = std::current_exception();
    finished_ = true;
    changed_.notify_all();
  }
}

std::unique_ptr<plugin_host::Batch> Prefetcher::next() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
  if (!ready_.empty()) {
    auto batch = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return batch;
  }
  if (error_) std::rethrow_exception(error_);
  return nullptr;
}

}  // namespace vigie::pipeline
