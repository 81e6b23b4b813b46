// Only one run writes a given output folder at a time. A run holds an
// exclusive flock(2) on a lock file beside the folder from its start to
// its end; a second run into the same folder fails at once, naming the pid
// of the run that holds it. It does not wait: a scheduler is better served
// by a clear failure than by a run stuck behind another one, and two runs
// of one report at once are a scheduling mistake to be seen.
//
// The kernel releases the lock when its holder exits, however it exits
// (kill -9 included), so a killed run never blocks the next one. The lock
// file stays: removing it would let two runs lock two different files.
#pragma once

#include <filesystem>

namespace vigie::output {

class OutputLock {
 public:
  // Locks `lock_file` (created if needed) for writing `folder`; throws a
  // std::runtime_error naming `folder` and the other run when it is taken.
  OutputLock(const std::filesystem::path& lock_file,
             const std::filesystem::path& folder);
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace vigie::output
