#include "output/folder_swap.hpp"

#include <fcntl.h>
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>

#include "io/file_writer.hpp"
#include "io/pause_point.hpp"

namespace vigie::output {
namespace fs = std::filesystem;

namespace {

void rename_or_throw(const fs::path& from, const fs::path& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0)
    throw io::IoError(fmt::format("rename {} to", from.string()), to, errno);
}

}  // namespace

fs::path swap_in(const fs::path& staged, const fs::path& target,
                 const fs::path& aside) {
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, target.c_str(),
                  RENAME_EXCHANGE) == 0)
    return staged;
  const int error = errno;
  std::error_code ec;
  if (error == ENOENT && !fs::exists(fs::symlink_status(target, ec))) {
    rename_or_throw(staged, target);
    return {};
  }
  if (error == EINVAL || error == ENOSYS) {
    swap_in_two_steps(staged, target, aside);
    return aside;
  }
  throw io::IoError(fmt::format("exchange {} with", staged.string()), target,
                    error);
}

void swap_in_two_steps(const fs::path& staged, const fs::path& target,
                       const fs::path& aside) {
  rename_or_throw(target, aside);
  io::pause_point("publish:aside");
  try {
    rename_or_throw(staged, target);
  } catch (...) {
    // Put the previous folder back rather than leave none.
    std::rename(aside.c_str(), target.c_str());
    throw;
  }
}

bool restore_aside(const fs::path& aside, const fs::path& target) {
  std::error_code ec;
  if (fs::exists(fs::symlink_status(target, ec)) ||
      !fs::is_directory(fs::symlink_status(aside, ec)))
    return false;
  rename_or_throw(aside, target);
  return true;
}

}  // namespace vigie::output
