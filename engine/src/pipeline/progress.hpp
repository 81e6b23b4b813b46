// Tells what a run is doing: on a terminal, one line rewritten in place
// (stage, rows read, elapsed); otherwise a log line as each stage ends,
// with its rows, wall and CPU time and the peak memory so far.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace vigie::pipeline {

class Progress {
 public:
  explicit Progress(bool quiet);
  ~Progress();
  void stage(const std::string& name);
  void rows(int64_t count);  // rows read so far in this stage
  void done(const std::string& summary);

 private:
  void draw(bool force);
  void finish_stage();
  bool terminal_;
  bool quiet_;
  std::string stage_;
  int64_t rows_ = 0;
  double stage_cpu_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point stage_start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace vigie::pipeline
