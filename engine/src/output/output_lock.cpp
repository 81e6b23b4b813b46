#include "output/output_lock.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <string>

#include "io/file_writer.hpp"

namespace vigie::output {
namespace {

// The pid the holder wrote into the lock file, or "" if none yet.
std::string holder_of(int fd) {
  char buffer[32] = {};
  const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  std::string text(buffer, n > 0 ? static_cast<size_t>(n) : 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  return text;
}

}  // namespace

OutputLock::OutputLock(const std::filesystem::path& lock_file,
                       const std::filesystem::path& folder) {
  fd_ = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw io::IoError("create", lock_file, errno);
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    const std::string holder = holder_of(fd_);
    ::close(fd_);
    fd_ = -1;
    if (error != EWOULDBLOCK) throw io::IoError("lock", lock_file, error);
    throw std::runtime_error(fmt::format(
        "another vigie run{} is writing {}: two runs into one output folder "
        "would mix their reports; run again when it has finished, or give "
        "another --out (lock: {})",
        holder.empty() ? "" : " (pid " + holder + ")", folder.string(),
        lock_file.string()));
  }
  // Who holds the lock, for the message of a run that finds it taken. Only
  // informative: a full disk that refuses these few bytes is no failure.
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    [[maybe_unused]] const ssize_t n = ::pwrite(fd_, pid.data(), pid.size(), 0);
  }
}

OutputLock::~OutputLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the lock
}

}  // namespace vigie::output
