// Reads a connector's batches on a thread of their own, one batch ahead,
// so that the plugin parses the next batch while the engine maps and types
// the current one: the two halves of reading a source share its time.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "plugin_host/connector.hpp"

namespace vigie::pipeline {

class Prefetcher {
 public:
  // `stream` must outlive the prefetcher.
  explicit Prefetcher(plugin_host::Connector::Stream& stream, size_t depth = 2);
  ~Prefetcher();  // stops the reader and waits for it
  Prefetcher(const Prefetcher&) = delete;
  Prefetcher& operator=(const Prefetcher&) = delete;

  // The next batch in source order, or nothing at the end; rethrows what
  // the reader met (a PluginError naming the plugin and the source).
  std::unique_ptr<plugin_host::Batch> next();

 private:
  void run();

  plugin_host::Connector::Stream& stream_;
  const size_t depth_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<plugin_host::Batch>> ready_;
  bool finished_ = false;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::thread reader_;
};

}  // namespace vigie::pipeline
