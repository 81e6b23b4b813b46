// One scheduled report run as a child process (`vigie run ...`), so that
// the scheduler can stop it at its time-out (a plugin stuck in a read
// cannot be interrupted inside the process) and survives whatever the run
// does (a plugin that crashes takes its own process only).
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace vigie::serve {

struct ChildResult {
  enum class End { Exited, TimedOut, Killed, Stopped } end = End::Exited;
  int exit_code = 0;  // when Exited
  int signal = 0;     // when Killed (by a signal not ours)
  std::string stdout_text;
  std::string stderr_tail;  // the last lines, for the history's error
  std::chrono::milliseconds elapsed{0};
};

// Runs `program args...` in its own process group with a time-out: past
// it, the group gets SIGTERM, then SIGKILL after `grace`. `should_stop` is
// polled: when it turns true (the scheduler is shutting down), the child
// is stopped the same way and the result says Stopped.
ChildResult run_child(const std::filesystem::path& program,
                      const std::vector<std::string>& args,
                      std::chrono::seconds timeout,
                      const std::function<bool()>& should_stop,
                      std::chrono::seconds grace = std::chrono::seconds(10));

// The running executable (/proc/self/exe): the scheduler runs reports
// with the same `vigie` it is.
std::filesystem::path self_executable();

}  // namespace vigie::serve
