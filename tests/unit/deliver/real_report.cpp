#include "real_report.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "smtp_sink_process.hpp"

namespace vigie::deliver::testing {
namespace {

// The same scale as the integration tests' (tests/integration/
// vigie_testlib.py): every KPI has values, the run takes a fraction of a
// second.
constexpr const char* kScale = "0.05";
constexpr const char* kPeriod = "2026-10";

// Runs `argv` with `env` only, stdout and stderr appended to `log`; its
// exit status.
int run(const std::vector<std::string>& argv,
        const std::vector<std::string>& env, const std::filesystem::path& log) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const int fd =
      open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fd, 1);
  posix_spawn_file_actions_adddup2(&actions, fd, 2);
  pid_t pid = -1;
  const int rc =
      posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(fd);
  if (rc != 0) return -1;
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

RealReport make(const std::filesystem::path& dir) {
  const RealReport report{dir / "report", dir / "report" / "kpis.json",
                          dir / "report" / "report.pdf"};
  const auto log = dir / "vigie.log";
  // Only what the run needs: a developer's VIGIE_* must not change it.
  const std::vector<std::string> env = {
      "PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8",
      "VIGIE_DEMO_DATA=" + (dir / "demo").string(),
      "VIGIE_LIST_KEY=vigie-demo-key-not-for-production"};
  int rc = run({VIGIE_EXE, "demo-data", "--out", (dir / "demo").string(),
                "--scale", kScale},
               env, log);
  if (rc == 0)
    rc = run({VIGIE_EXE, "run",
              std::string(VIGIE_SOURCE_DIR) + "/report-specs/management.yaml",
              "--period", kPeriod, "--out", report.dir.string(), "--quiet"},
             env, log);
  if (rc != 0 || !std::filesystem::exists(report.pdf)) {
    ADD_FAILURE() << "vigie failed (exit " << rc << "):\n"
                  << (std::filesystem::exists(log) ? read_bytes(log) : "");
    throw std::runtime_error("no real report");
  }
  return report;
}

}  // namespace

const RealReport& real_report() {
  static const TempDir dir("real-report");
  static const RealReport report = make(dir.path());
  return report;
}

}  // namespace vigie::deliver::testing
