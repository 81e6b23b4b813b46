#include "output/writer.hpp"

#include <system_error>

#include "io/file_writer.hpp"

namespace vigie::output {

std::filesystem::path StagedFiles::file(const std::filesystem::path& relative) {
  std::filesystem::path p = dir_ / relative;
  std::error_code ec;
  std::filesystem::create_directories(p.parent_path(), ec);
  if (ec) throw io::IoError("create", p.parent_path(), ec.value());
  add(relative);
  return p;
}

}  // namespace vigie::output
