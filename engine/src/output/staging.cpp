#include "output/staging.hpp"

#include <unistd.h>

#include <string>

namespace vigie::output {
namespace fs = std::filesystem;

Staging::Staging(const fs::path& out_dir) : out_(out_dir) {
  fs::create_directories(out_);
  staging_ = out_ / (".vigie-staging-" + std::to_string(::getpid()));
  fs::remove_all(staging_);
  fs::create_directories(staging_);
}

Staging::~Staging() {
  std::error_code ec;
  if (!committed_) fs::remove_all(staging_, ec);
}

fs::path Staging::file(const fs::path& relative) {
  fs::path p = staging_ / relative;
  fs::create_directories(p.parent_path());
  files_.push_back(relative);
  return p;
}

void Staging::commit() {
  for (const auto& rel : files_) {
    fs::create_directories((out_ / rel).parent_path());
    fs::rename(staging_ / rel, out_ / rel);
  }
  fs::remove_all(staging_);
  committed_ = true;
}

}  // namespace vigie::output
