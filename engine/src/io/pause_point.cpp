#include "io/pause_point.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace vigie::io {

void pause_point(std::string_view point) {
  static const std::string wanted = [] {
    const char* value = std::getenv("VIGIE_TEST_PAUSE_AT");
    return std::string(value ? value : "");
  }();
  if (wanted.empty() || wanted != point) return;
  fmt::print(stderr, "vigie: paused at {} (pid {})\n", point, ::getpid());
  std::fflush(stderr);
  std::raise(SIGSTOP);
}

}  // namespace vigie::io
