// A report run as a child process: its exit code and output, its time-out
// and a scheduler's stop, each ending the child's whole process group.
#include "serve/child_run.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>

namespace vigie::serve {
namespace {

using namespace std::chrono_literals;

ChildResult shell(const std::string& script, std::chrono::seconds timeout,
                  std::function<bool()> stop = {},
                  std::chrono::seconds grace = 2s) {
  return run_child("/bin/sh", {"-c", script}, timeout, stop, grace);
}

TEST(ChildRun, TheExitCodeAndWhatTheChildWrote) {
  auto r = shell("echo out; echo err >&2; exit 4", 30s);
  EXPECT_EQ(r.end, ChildResult::End::Exited);
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.stdout_text, "out\n");
  EXPECT_EQ(r.stderr_tail, "err\n");
}

TEST(ChildRun, OnlyTheEndOfALongErrorIsKept) {
  auto r = shell(
      "i=0; while [ $i -lt 3000 ]; do echo line-$i >&2; "
      "i=$((i+1)); done; echo last >&2",
      30s);
  EXPECT_LE(r.stderr_tail.size(), 16u * 1024);
  EXPECT_NE(r.stderr_tail.find("line-2999\nlast\n"), std::string::npos);
}

TEST(ChildRun, PastItsTimeOutTheChildAndItsChildrenAreStopped) {
  const auto start = std::chrono::steady_clock::now();
  // A grandchild too: the whole process group goes.
  auto r = shell("sleep 30 & sleep 30", 1s);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.end, ChildResult::End::TimedOut);
  EXPECT_LT(took, 10s);
  EXPECT_GE(took, 1s);
}

TEST(ChildRun, AChildIgnoringSigtermIsKilledAfterTheGrace) {
  const auto start = std::chrono::steady_clock::now();
  auto r = shell("trap '' TERM; sleep 30", 1s, {}, 1s);
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(r.end, ChildResult::End::TimedOut);
  EXPECT_GE(took, 2s);
  EXPECT_LT(took, 10s);
}

TEST(ChildRun, AStoppedChildStillEndsAtItsTimeOut) {
  const auto start = std::chrono::steady_clock::now();
  auto r = shell("kill -STOP $$; sleep 30", 1s, {}, 20s);
  EXPECT_EQ(r.end, ChildResult::End::TimedOut);
  // SIGTERM reached it (continued), long before the 20 s grace.
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
}

TEST(ChildRun, AStopRequestEndsTheRunAsStopped) {
  std::atomic<int> polls{0};
  auto r = shell("sleep 30", 60s, [&] { return ++polls > 5; });
  EXPECT_EQ(r.end, ChildResult::End::Stopped);
  EXPECT_LT(r.elapsed, 10s);
}

TEST(ChildRun, AChildKilledByASignalSaysWhich) {
  auto r = shell("kill -9 $$", 30s);
  EXPECT_EQ(r.end, ChildResult::End::Killed);
  EXPECT_EQ(r.signal, 9);
}

TEST(ChildRun, AProgramThatCannotStartIsAnError) {
  EXPECT_THROW(run_child("/nonexistent/vigie", {}, 1s, {}), std::runtime_error);
}

}  // namespace
}  // namespace vigie::serve
