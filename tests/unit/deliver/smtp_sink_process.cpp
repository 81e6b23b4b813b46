#include "smtp_sink_process.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace vigie::deliver::testing {
namespace {

constexpr const char* kPython = "/usr/bin/python3";

// Starts `argv`, its stdout on `stdout_fd` and, when `stderr_fd` is set,
// its stderr there too.
pid_t spawn(const std::vector<std::string>& argv, int stdout_fd,
            int stderr_fd = -1) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (stdout_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
  if (stderr_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stderr_fd, 2);
  pid_t pid = -1;
  const int rc =
      posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  return pid;
}

// Reads "PORT <n>\n" from `fd` within `timeout`.
int read_port(int fd, std::chrono::milliseconds timeout) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (line.find('\n') == std::string::npos) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return 0;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) return 0;
    char buffer[64];
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return 0;
    line.append(buffer, static_cast<size_t>(n));
  }
  if (!line.starts_with("PORT ")) return 0;
  return std::atoi(line.c_str() + 5);
}

}  // namespace

SmtpSink::SmtpSink(const std::filesystem::path& dir,
                   const std::vector<std::string>& options)
    : dir_(dir) {
  std::vector<std::string> argv = {
      kPython, std::string(VIGIE_SOURCE_DIR) + "/tests/support/smtp_sink.py",
      "--dir", dir.string()};
  argv.insert(argv.end(), options.begin(), options.end());
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  pid_ = spawn(argv, fds[1]);
  close(fds[1]);
  port_ = read_port(fds[0], std::chrono::seconds(10));
  close(fds[0]);
  if (port_ == 0) {
    ADD_FAILURE() << "the SMTP sink did not start";
    throw std::runtime_error("the SMTP sink did not start");
  }
}

SmtpSink::~SmtpSink() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

std::string SmtpSink::url(const std::string& scheme) const {
  return scheme + "://127.0.0.1:" + std::to_string(port_);
}

std::vector<nlohmann::json> SmtpSink::messages() const {
  std::vector<nlohmann::json> out;
  for (int n = 1;; ++n) {
    char name[16];
    std::snprintf(name, sizeof name, "%04d.json", n);
    const auto file = dir_ / name;
    if (!std::filesystem::exists(file)) break;
    out.push_back(nlohmann::json::parse(read_bytes(file)));
  }
  return out;
}

std::string SmtpSink::raw(int n) const {
  char name[16];
  std::snprintf(name, sizeof name, "%04d.eml", n);
  return read_bytes(dir_ / name);
}

Certificate make_certificate(const std::filesystem::path& dir) {
  Certificate c{dir / "cert.pem", dir / "key.pem"};
  const int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  const pid_t pid = spawn(
      {"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
       "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
       "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
       "-keyout", c.key.string(), "-out", c.cert.string()},
      null_fd, null_fd);
  close(null_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("openssl req failed");
  return c;
}

TempDir::TempDir(const std::string& name) {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("vigie-deliver-" + name + "-" + std::to_string(getpid()) + "-" +
           std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_bytes(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace vigie::deliver::testing
