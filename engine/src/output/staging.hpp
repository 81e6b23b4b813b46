// Writes a run's files where they cannot be mistaken for a finished report:
// everything goes into a hidden staging folder inside the output folder,
// and only when all of it is written is each file renamed into place.
// A failed run removes the staging folder and leaves the previous report
// untouched.
#pragma once

#include <filesystem>
#include <vector>

namespace vigie::output {

class Staging {
 public:
  explicit Staging(const std::filesystem::path& out_dir);
  ~Staging();  // removes what was not committed
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  // Where to write `relative` (sub-folders are created).
  std::filesystem::path file(const std::filesystem::path& relative);
  // The staging folder itself, for a writer that names its own files
  // (then declare each with adopt()).
  const std::filesystem::path& dir() const { return staging_; }
  void adopt(const std::filesystem::path& relative) {
    files_.push_back(relative);
  }
  // Renames every staged file into the output folder (same file system, so
  // each rename is atomic) and removes the staging folder.
  void commit();
  // The files staged so far, relative to the output folder.
  const std::vector<std::filesystem::path>& files() const { return files_; }

 private:
  std::filesystem::path out_;
  std::filesystem::path staging_;
  std::vector<std::filesystem::path> files_;
  bool committed_ = false;
};

}  // namespace vigie::output
