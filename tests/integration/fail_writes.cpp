// A test library for the fault tests (test_reliability.py), loaded into
// `vigie` with LD_PRELOAD: every write(2) to a file whose path contains
// the text of the environment variable FAIL_WRITES_TO fails with ENOSPC,
// as on a full disk. Other writes, and every write when the variable is
// unset, go to the C library's write. It lets the tests fill "the disk"
// under one chosen file (report.pdf, rejects.csv, ...) where a real small
// file system cannot be mounted.
#include <dlfcn.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

using WriteFunction = ssize_t (*)(int, const void*, size_t);

bool is_chosen_file(int fd) {
  const char* pattern = std::getenv("FAIL_WRITES_TO");
  if (pattern == nullptr || *pattern == '\0' || fd <= STDERR_FILENO)
    return false;
  char link[64];
  std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  char target[4096];
  const ssize_t n = ::readlink(link, target, sizeof target - 1);
  if (n <= 0) return false;
  target[n] = '\0';
  return std::strstr(target, pattern) != nullptr;
}

}  // namespace

extern "C" ssize_t write(int fd, const void* data, size_t size) {
  static const auto real =
      reinterpret_cast<WriteFunction>(::dlsym(RTLD_NEXT, "write"));
  if (is_chosen_file(fd)) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, data, size);
}
