#include "serve/child_run.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace vigie::serve {
namespace {

using Clock = std::chrono::steady_clock;

// Boost.Process would spawn the child, but its wait_for (1.74) is not
// reliable and it cannot put the child in its own process group, which is
// how the run and anything it started are stopped together.
class Pipe {
 public:
  Pipe() {
    if (pipe2(fds_.data(), O_CLOEXEC) != 0)
      throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  int read_end() const { return fds_[0]; }
  int write_end() const { return fds_[1]; }
  void close_read() { close_fd(0); }
  void close_write() { close_fd(1); }

 private:
  void close_fd(int i) {
    if (fds_[i] >= 0) ::close(fds_[i]);
    fds_[i] = -1;
  }
  std::array<int, 2> fds_{-1, -1};
};

// Keeps the end of a text: a run's error is its last lines.
void keep_tail(std::string& text, std::size_t max) {
  if (text.size() > max) text.erase(0, text.size() - max);
}

}  // namespace

std::filesystem::path self_executable() {
  return std::filesystem::read_symlink("/proc/self/exe");
}

ChildResult run_child(const std::filesystem::path& program,
                      const std::vector<std::string>& args,
                      std::chrono::seconds timeout,
                      const std::function<bool()>& should_stop,
                      std::chrono::seconds grace) {
  Pipe out, err;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out.write_end(), STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.write_end(), STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<std::string> argv_text{program.string()};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned =
      posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0)
    throw std::runtime_error("cannot start " + program.string() + ": " +
                             std::strerror(spawned));
  out.close_write();
  err.close_write();

  ChildResult result;
  const auto start = Clock::now();
  const auto deadline = start + timeout;
  Clock::time_point kill_at = Clock::time_point::max();
  bool open[2] = {true, true};
  int status = 0;
  bool reaped = false;
  while (!reaped || open[0] || open[1]) {
    if (!reaped) {
      const pid_t done = waitpid(pid, &status, WNOHANG);
      if (done == pid) reaped = true;
    }
    const auto now = Clock::now();
    if (!reaped && kill_at == Clock::time_point::max()) {
      const bool stop = should_stop && should_stop();
      if (stop || now >= deadline) {
        result.end =
            stop ? ChildResult::End::Stopped : ChildResult::End::TimedOut;
        ::kill(-pid, SIGTERM);
        // A stopped process would hold the signal until continued.
        ::kill(-pid, SIGCONT);
        kill_at = now + grace;
      }
    } else if (!reaped && now >= kill_at) {
      ::kill(-pid, SIGKILL);
      kill_at = now + std::chrono::hours(24);
    }
    // Reads what the child wrote, waiting at most 100 ms: the loop also
    // watches the clock and the stop request.
    pollfd fds[2] = {{out.read_end(), POLLIN, 0}, {err.read_end(), POLLIN, 0}};
    pollfd* first = open[0] ? &fds[0] : &fds[1];
    const nfds_t count = (open[0] ? 1 : 0) + (open[1] ? 1 : 0);
    if (count == 0) {
      if (!reaped) ::poll(nullptr, 0, 100);
      continue;
    }
    if (::poll(first, count, 100) < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (!open[i] || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0)
        continue;
      char buffer[4096];
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        open[i] = false;
        continue;
      }
      std::string& text = i == 0 ? result.stdout_text : result.stderr_tail;
      text.append(buffer, static_cast<std::size_t>(n));
      keep_tail(text, 16 * 1024);
    }
  }
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      Clock::now() - start);
  if (result.end == ChildResult::End::Exited) {
    if (WIFEXITED(status)) {
      result.exit_code = WEXITSTATUS(status);
    } else {
      result.end = ChildResult::End::Killed;
      result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    }
  }
  return result;
}

}  // namespace vigie::serve
