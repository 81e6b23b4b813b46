#include "output/run_id.hpp"

#include <fmt/format.h>
#include <sys/random.h>

#include <cerrno>
#include <ctime>
#include <system_error>

namespace vigie::output {
namespace {

// "YYYYMMDDTHHMMSS.mmmZ-" then 16 hex digits: '0' stands for a digit.
constexpr std::string_view kShape = "00000000T000000.000Z-0000000000000000";
constexpr size_t kRandomFrom = kShape.find('-') + 1;

uint64_t random_bits() {
  uint64_t bits = 0;
  auto* bytes = reinterpret_cast<unsigned char*>(&bits);
  size_t got = 0;
  while (got < sizeof bits) {
    const ssize_t n = ::getrandom(bytes + got, sizeof bits - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::system_error(errno, std::generic_category(),
                              "cannot draw the random bits of a run id");
    }
    got += static_cast<size_t>(n);
  }
  return bits;
}

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

}  // namespace

std::string new_run_id() {
  return format_run_id(std::chrono::system_clock::now(), random_bits());
}

std::string format_run_id(std::chrono::system_clock::time_point started,
                          uint64_t random) {
  const auto ms = std::chrono::floor<std::chrono::milliseconds>(started);
  const auto seconds = std::chrono::floor<std::chrono::seconds>(ms);
  const std::time_t t = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  ::gmtime_r(&t, &utc);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}.{:03}Z-{:016x}",
                     utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                     utc.tm_hour, utc.tm_min, utc.tm_sec,
                     (ms - seconds).count(), random);
}

bool is_run_id(std::string_view text) {
  if (text.size() != kShape.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool ok = i >= kRandomFrom   ? is_hex_digit(c)
                    : kShape[i] == '0' ? c >= '0' && c <= '9'
                                       : c == kShape[i];
    if (!ok) return false;
  }
  return true;
}

}  // namespace vigie::output
