#include "io/install_layout.hpp"

namespace vigie::io {

std::filesystem::path executable_directory() {
  std::error_code ec;
  const std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::current_path() : exe.parent_path();
}

std::filesystem::path data_directory() {
  return executable_directory().parent_path() / "share" / "vigie";
}

}  // namespace vigie::io
